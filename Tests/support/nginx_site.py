"""The shipped nginx site (deploy/nginx/consilium.conf) made runnable on loopback without root:
its ports, upstreams and certificate swapped for the caller's, nothing else changed, inside a
main configuration whose files all live in one folder. Used by the several-instance tests and
by bin/bench.
  python3 nginx_site.py FOLDER TLS_PORT HTTP_PORT UPSTREAM_PORT...   writes FOLDER/nginx.conf"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def site(tls_port, http_port, upstreams, certificate, key):
    """The shipped site, with the ports, upstreams and certificate given (nothing else changed)."""
    text = (ROOT / "deploy" / "nginx" / "consilium.conf").read_text()
    upstream_lines = "".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;\n" for port in upstreams)
    text, count = re.subn(r"(upstream consilium \{\n)(?:    server [^\n]*\n)+", lambda m: m.group(1) + upstream_lines, text)
    assert count == 1, "the shipped site has no upstream block of the expected shape"
    replacements = [("    listen [::]:80;\n", ""), ("    listen [::]:443 ssl http2;\n", ""),
                    ("listen 80;", f"listen 127.0.0.1:{http_port};"),
                    ("listen 443 ssl http2;", f"listen 127.0.0.1:{tls_port} ssl http2;"),
                    ("/etc/ssl/consilium/fullchain.pem", str(certificate)), ("/etc/ssl/consilium/privkey.pem", str(key))]
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


def certificate(folder):
    """A throw-away self-signed certificate for 127.0.0.1: (certificate path, key path)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


def configure(folder, tls_port, http_port, upstreams):
    """Writes FOLDER/site.conf and FOLDER/nginx.conf (as Debian's: one worker per core) and
    returns the main configuration's path, checked with `nginx -t`."""
    folder = pathlib.Path(folder)
    cert, key = certificate(folder)
    temporary = folder / "nginx-tmp"
    temporary.mkdir(mode=0o777, exist_ok=True)
    temporary.chmod(0o777)
    (folder / "site.conf").write_text(site(tls_port, http_port, upstreams, cert, key))
    main = folder / "nginx.conf"
    main.write_text(f"""
worker_processes auto;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    access_log {folder}/nginx-access.log;
    client_body_temp_path {temporary}/body; proxy_temp_path {temporary}/proxy;
    fastcgi_temp_path {temporary}/fastcgi; uwsgi_temp_path {temporary}/uwsgi; scgi_temp_path {temporary}/scgi;
    include {folder}/site.conf;
}}
""")
    check = subprocess.run(["nginx", "-t", "-p", str(folder), "-c", str(main)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    return main


if __name__ == "__main__":
    print(configure(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), [int(p) for p in sys.argv[4:]]))
