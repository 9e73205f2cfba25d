"""What deploy/ ships is checked by the tools that will read it: nginx -t on the site (with a
certificate of the test's own where the site names one), systemd-analyze verify on the unit (with
the binary the test built where the unit names /opt/consilium/bin/consilium). Both tools must
find nothing to say, warnings included."""
import subprocess

from conftest import BINARY, ROOT


def test_nginx_accepts_the_shipped_site(tmp_path):
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(certificate),
                    "-days", "1", "-subj", "/CN=localhost"], check=True, capture_output=True)
    site = (ROOT / "deploy" / "nginx" / "consilium.conf").read_text()
    for placeholder in ["/etc/ssl/consilium/fullchain.pem", "/etc/ssl/consilium/privkey.pem"]:
        assert placeholder in site
    site = site.replace("/etc/ssl/consilium/fullchain.pem", str(certificate)).replace("/etc/ssl/consilium/privkey.pem", str(key))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ access_log off; include {tmp_path}/site.conf; }}\n")
    result = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    problems = [line for line in result.stderr.splitlines() if "[warn]" in line or "[emerg]" in line]
    assert not problems, problems


def test_nginx_refuses_a_broken_site(tmp_path):
    """The check above can fail: the same harness with one directive misspelt."""
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        "http { server { listen 127.0.0.1:1; proxy_pas http://x; } }\n")
    result = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True)
    assert result.returncode != 0 and "proxy_pas" in result.stderr


def verify(unit_text, tmp_path, name="consilium@8080.service"):
    (tmp_path / "consilium@.service").write_text(unit_text)
    return subprocess.run(["systemd-analyze", "verify", str(tmp_path / name)], capture_output=True, text=True)


def test_systemd_accepts_the_shipped_unit_with_its_hardening(tmp_path):
    unit = (ROOT / "deploy" / "systemd" / "consilium@.service").read_text()
    for setting in ["NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/consilium", "PrivateTmp=yes",
                    "User=consilium", "KillSignal=SIGTERM"]:
        assert setting in unit, setting
    result = verify(unit.replace("/opt/consilium/bin/consilium", str(BINARY)), tmp_path)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_systemd_verify_can_fail(tmp_path):
    unit = (ROOT / "deploy" / "systemd" / "consilium@.service").read_text()
    result = verify(unit.replace("/opt/consilium/bin/consilium", str(BINARY)).replace("NoNewPrivileges=yes", "NoNewPrivileges=perhaps"),
                    tmp_path)
    assert "Failed to parse boolean value" in result.stderr
