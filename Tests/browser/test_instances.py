"""Two Consilium instances on one PostgreSQL and one S3 store (Ceph's RADOS Gateway), behind
nginx with the shipped site configuration (deploy/nginx/consilium.conf: TLS, HTTP/2,
round-robin), as a hospital would run several. Requests alternate between the instances, so
whatever one instance writes the other must find in the shared stores: sessions, records, the
outbox, settings, the audit chain.

- The life of a case through nginx: a request, the physician's confirmation and record, the
  patient's download, review, signature, release; every mail sent exactly once; `audit verify`
  passes with one chain; both instances served the flow.
- A setting changed through one instance is in effect on both within the documented refresh.
- kill -9 of the instance receiving a 200 MB upload: the client gets an error, no row points at a
  partial object, housekeeping aborts the abandoned multipart upload, the other instance serves on.
- SIGTERM during a download: the download completes, the instance exits 0, nginx sends new
  requests to the other.
Needs what bin/test starts: PostgreSQL (CONSILIUM_TEST_DATABASE_URL) and the RADOS Gateway
(CONSILIUM_TEST_S3_*)."""
import hashlib
import http.client
import os
import pathlib
import re
import signal
import subprocess
import time
import urllib.parse
import uuid
from types import SimpleNamespace

import boto3
import nginx_site
import pytest
from botocore.config import Config
from playwright.sync_api import expect

from case_steps import (PDF, consultant_fills, consultant_releases, consultant_signs, coordinator_starts_review_and_assigns,
                        physician_confirms_and_sends)
from conftest import BINARY, HTTPClient, free_port, sign_in

DATABASE = os.environ.get("CONSILIUM_TEST_DATABASE_URL", "")
S3_ENDPOINT = os.environ.get("CONSILIUM_TEST_S3_ENDPOINT", "")
MASTER_KEY = "2026-11:" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODk="
SETTINGS_REFRESH_SECONDS = 10  # SettingsRefresher.interval, as the README says

pytestmark = pytest.mark.skipif(not (DATABASE and S3_ENDPOINT), reason="bin/test starts PostgreSQL and radosgw")


def psql(url, sql):
    return subprocess.run(["psql", url, "-Atc", sql], capture_output=True, text=True, check=True).stdout.strip()


def s3():
    return boto3.client("s3", endpoint_url=S3_ENDPOINT, region_name="us-east-1",
                        aws_access_key_id=os.environ["CONSILIUM_TEST_S3_ACCESS_KEY"],
                        aws_secret_access_key=os.environ["CONSILIUM_TEST_S3_SECRET_KEY"],
                        config=Config(s3={"addressing_style": "path"}))


class Instance:
    def __init__(self, folder, env, name):
        self.folder, self.name = folder, name
        self.port, self.metrics_port = free_port(), free_port()
        self.env = dict(env, CONSILIUM_PORT=str(self.port), CONSILIUM_METRICS_PORT=str(self.metrics_port))
        self.log_path = folder / f"{name}.log"
        self.process = None

    def start(self):
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen([str(BINARY), "serve"], env=self.env, cwd=self.folder, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        for _ in range(200):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"{self.name} did not start: " + self.log_path.read_text()[-2000:])

    def requests(self):
        """(method, path) of every request this instance answered, from its log."""
        lines = self.log_path.read_text().splitlines()
        return [(m.group(1), m.group(2)) for m in (re.search(r"method=(\w+).*?path=(\S+)", line) for line in lines
                                                    if line.rstrip().endswith(" request")) if m]

    def bytes_read(self):
        return int(re.search(r"rchar: (\d+)", pathlib.Path(f"/proc/{self.process.pid}/io").read_text()).group(1))

    def bytes_written(self):
        return int(re.search(r"wchar: (\d+)", pathlib.Path(f"/proc/{self.process.pid}/io").read_text()).group(1))

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)
        self.log.close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, mail):
    folder = tmp_path_factory.mktemp("cluster")
    folder.chmod(0o755)
    name = "instances_" + uuid.uuid4().hex[:12]
    psql(DATABASE, f"CREATE DATABASE {name}")
    database = urllib.parse.urlparse(DATABASE)._replace(path="/" + name).geturl()
    bucket = "consilium-instances"
    client = s3()
    try:
        client.create_bucket(Bucket=bucket)
    except client.exceptions.BucketAlreadyOwnedByYou:
        pass
    prefix = f"{name}/"
    tls_port, http_port = free_port(), free_port()
    url = f"https://127.0.0.1:{tls_port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSILIUM_") and k != "DATABASE_URL"}
    env.update({
        "CONSILIUM_ENV": "test", "CONSILIUM_BCRYPT_COST": "4", "CONSILIUM_HOSTNAME": "127.0.0.1",
        "CONSILIUM_DATA_DIR": str(folder), "CONSILIUM_BASE_URL": url, "DATABASE_URL": database,
        "CONSILIUM_MASTER_KEY": MASTER_KEY, "CONSILIUM_STORAGE_URL": f"s3://{bucket}/{prefix}",
        "CONSILIUM_S3_ENDPOINT": S3_ENDPOINT, "CONSILIUM_S3_ACCESS_KEY": os.environ["CONSILIUM_TEST_S3_ACCESS_KEY"],
        "CONSILIUM_S3_SECRET_KEY": os.environ["CONSILIUM_TEST_S3_SECRET_KEY"], "CONSILIUM_TRUSTED_PROXIES": "127.0.0.1",
        "CONSILIUM_MAIL_TRANSPORT": "smtp", "CONSILIUM_SMTP_HOST": "127.0.0.1", "CONSILIUM_SMTP_PORT": str(mail.port),
        "CONSILIUM_SMTP_SECURITY": "none", "CONSILIUM_MAIL_POLL_SECONDS": "1", "CONSILIUM_LOG_LEVEL": "info",
        "CONSILIUM_SHUTDOWN_GRACE_SECONDS": "60",
    })
    subprocess.run([str(BINARY), "demo"], env=env, cwd=folder, check=True, capture_output=True)
    instances = [Instance(folder, env, "A"), Instance(folder, env, "B")]
    for instance in instances:
        instance.start()

    main = nginx_site.configure(folder, tls_port, http_port, [i.port for i in instances])
    nginx = subprocess.Popen(["nginx", "-p", str(folder), "-c", str(main), "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            if HTTPClient(tls_port, tls=True).get("/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.05)
    running = SimpleNamespace(url=url, tls_port=tls_port, env=env, folder=folder, database=database, bucket=bucket,
                              prefix=prefix, instances=instances)
    yield running
    nginx.send_signal(signal.SIGQUIT)
    nginx.wait(timeout=15)
    for instance in instances:
        instance.stop()
    psql(DATABASE, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def upload_in_pieces(client, path, file_name, size, on_progress):
    """POSTs a record of `size` bytes as multipart/form-data, streamed a MiB at a time; calls
    `on_progress(sent)` after each piece. Returns the status (or the exception the connection
    raised) and the SHA-256 of the file's bytes."""
    boundary = "----consilium" + uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{client.token}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nimaging\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{file_name}\"\r\n"
            "Content-Type: application/pdf\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    connection = client.connect(timeout=120)
    digest = hashlib.sha256(b"%PDF-1.7\n")
    try:
        connection.putrequest("POST", path)
        for name, value in client.headers({"Content-Type": f"multipart/form-data; boundary={boundary}",
                                            "Content-Length": str(len(head) + size + len(tail)),
                                            "Origin": client.origin}).items():
            connection.putheader(name, value)
        connection.endheaders()
        connection.send(head + b"%PDF-1.7\n")
        sent, piece = 9, os.urandom(1 << 20)
        while sent < size:
            chunk = piece[:min(len(piece), size - sent)]
            connection.send(chunk)
            digest.update(chunk)
            sent += len(chunk)
            on_progress(sent)
        connection.send(tail)
        return connection.getresponse().status, digest.hexdigest()
    except (OSError, http.client.HTTPException) as error:
        return error, None
    finally:
        connection.close()


def patient_and_records_page(cluster):
    """The demo's patient signed in through the proxy, and the records page of one of her
    cases that still takes uploads."""
    patient = HTTPClient(cluster.tls_port, tls=True)
    patient.sign_in("margaret.ellis@example.org")
    _, account, _ = patient.get("/account")
    cases = re.findall(r'href="/cases/([0-9a-f-]{36})"', account)
    path = next(f"/cases/{case}/records" for case in cases if 'action="/cases/' in patient.get(f"/cases/{case}/records")[1])
    return patient, path


def until_both_serve(cluster, client, timeout=15):
    """Asks for pages through nginx until each instance has answered one: after an instance
    was down, nginx leaves it out for fail_timeout (5 s) before trying it again."""
    counts = {i.name: len(i.requests()) for i in cluster.instances}
    deadline = time.time() + timeout
    while any(len(i.requests()) == counts[i.name] for i in cluster.instances):
        assert time.time() < deadline, "nginx did not send requests to both instances"
        client.get("/questions")
        time.sleep(0.2)


def test_the_life_of_a_case_across_two_instances(cluster, chromium, mail, tmp_path, accessible):
    started = {i.name: len(i.requests()) for i in cluster.instances}
    contexts = []

    def session():
        context = chromium.new_context(base_url=cluster.url, ignore_https_errors=True, accept_downloads=True)
        contexts.append(context)
        return context.new_page()

    try:
        patient = session()
        sign_in(patient, "margaret.ellis@example.org")
        # through the proxy the service is https: its cookies are Secure and __Host-, and it asks for HSTS
        response = patient.goto("/account")
        assert "max-age=" in response.headers.get("strict-transport-security", "")
        cookies = patient.context.cookies()
        assert cookies and all(c["name"].startswith("__Host-") and c["secure"] and c["path"] == "/" and "domain" in c
                               for c in cookies), cookies
        patient.get_by_role("link", name="Ask for a second opinion").click()
        patient.get_by_label("Kind of specialist").select_option(label="Cardiology")
        patient.get_by_label("Your question, in your own words").fill("Should my leaking mitral valve be repaired now?")
        patient.get_by_label("Your treating physician's name").fill("Dr. Samuel Reyes")
        patient.get_by_label("Your physician's email address").fill("samuel.reyes@example.org")
        patient.get_by_role("button", name="Send my request").click()
        reference = re.search(r"(\d{3} \d{3} \d{4})", patient.get_by_role("status").inner_text()).group(1)

        physician = session()
        sign_in(physician, "samuel.reyes@example.org")
        physician_confirms_and_sends(physician, reference, tmp_path, accessible)

        # the patient downloads the physician's record, whichever instance stored it
        patient.goto("/account")
        patient.get_by_role("link", name=reference).click()
        patient.get_by_role("link", name="Medical records").click()
        with patient.expect_download() as download:
            patient.get_by_role("link", name=re.compile("Download echo-report.pdf")).click()
        assert pathlib.Path(download.value.path()).read_bytes() == PDF

        coordinator = session()
        sign_in(coordinator, "miguel.santos@example.org")
        coordinator_starts_review_and_assigns(coordinator, reference, "Ellis", accessible)

        consultant = session()
        sign_in(consultant, "helen.park@example.org")
        consultant.get_by_role("link", name=reference).click()
        consultant.get_by_role("link", name="Consultation report").click()
        consultant_fills(consultant, "Repair is reasonable given a high likelihood of durable repair.",
                         "Your heart valve leaks. Surgery to repair it soon is the best choice.")
        consultant_signs(consultant)
        consultant_releases(consultant, accessible)

        physician.goto("/account")
        physician.get_by_role("link", name=reference).click()
        physician.get_by_role("link", name="Consultation report").click()
        expect(physician.get_by_role("main")).to_contain_text("Repair is reasonable")
    finally:
        for context in contexts:
            context.close()

    # both instances took part: each answered signed-in pages and form posts of this flow
    for instance in cluster.instances:
        served = instance.requests()[started[instance.name]:]
        assert sum(1 for method, _ in served if method == "POST") >= 5, f"{instance.name} served {served}"
        assert any(path.startswith("/cases/") for _, path in served), f"{instance.name} served no case page"

    # every message of the outbox was sent, and sent once, whichever instance claimed it
    deadline = time.time() + 30
    while psql(cluster.database, "SELECT count(*) FROM outbox_messages WHERE status = 'pending'") != "0":
        assert time.time() < deadline, "the outbox did not empty"
        time.sleep(0.5)
    sent = psql(cluster.database, "SELECT id FROM outbox_messages WHERE status = 'sent'").split()
    assert sent, "the flow sends mail"
    captured = [m["Message-ID"] for m in mail.messages()]
    for identifier in sent:
        assert captured.count(f"<{identifier.lower()}@consilium>") == 1, identifier

    result = subprocess.run([str(BINARY), "audit", "verify"], env=cluster.env, cwd=cluster.folder, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("OK: "), result.stdout + result.stderr


def test_each_instance_reports_its_metrics_on_loopback_without_ids(cluster):
    for instance in cluster.instances:
        connection = http.client.HTTPConnection("127.0.0.1", instance.metrics_port, timeout=10)
        connection.request("GET", "/metrics")
        response = connection.getresponse()
        text = response.read().decode()
        assert response.status == 200 and response.getheader("Content-Type").startswith("text/plain; version=0.0.4")
        assert 'http_route="/cases/{id}"' in text and "consilium_audit_events_appended_total" in text
        assert "consilium_outbox_pending" in text and "consilium_active_sessions" in text
        assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", text) and "@" not in text
        # the metrics port answers on loopback only
        listening = subprocess.run(["ss", "-Htlnp", f"sport = :{instance.metrics_port}"], capture_output=True, text=True).stdout
        assert f"127.0.0.1:{instance.metrics_port}" in listening, listening


def test_a_setting_changed_on_one_instance_is_in_effect_on_both(cluster, chromium, accessible):
    context = chromium.new_context(base_url=cluster.url, ignore_https_errors=True)
    page = context.new_page()
    sign_in(page, "grace.okafor@example.org")
    page.goto("/admin/settings")
    page.get_by_label("Turnaround target, in days").fill("11")
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator(".notice")).to_contain_text("in effect now")
    context.close()
    # each instance, asked directly, shows the new target within the refresh interval
    for instance in cluster.instances:
        deadline = time.time() + SETTINGS_REFRESH_SECONDS + 5
        while True:
            connection = http.client.HTTPConnection("127.0.0.1", instance.port, timeout=5)
            connection.request("GET", "/")
            if "usually within 11 days" in connection.getresponse().read().decode():
                break
            assert time.time() < deadline, f"{instance.name} still shows the old turnaround"
            time.sleep(0.5)


def test_an_instance_killed_mid_upload_leaves_no_partial_record_and_the_other_serves_on(cluster):
    patient, path = patient_and_records_page(cluster)
    records_before = psql(cluster.database, "SELECT count(*) FROM records")
    before = {i.name: i.bytes_read() for i in cluster.instances}
    killed = []

    def kill_the_receiver(sent):
        if killed or sent < 60 << 20:
            return
        receiver = max(cluster.instances, key=lambda i: i.bytes_read() - before[i.name])
        receiver.process.kill()  # SIGKILL: no chance to clean up
        receiver.process.wait(timeout=10)
        killed.append(receiver)

    outcome, _ = upload_in_pieces(patient, path, "large-study.pdf", 200 << 20, kill_the_receiver)
    assert killed, "the upload reached 60 MB"
    assert not isinstance(outcome, int) or outcome >= 500, f"the client was told {outcome}"
    # no row for it, and nothing visible
    assert psql(cluster.database, "SELECT count(*) FROM records") == records_before
    assert psql(cluster.database, "SELECT count(*) FROM records WHERE file_name = 'large-study.pdf'") == "0"
    # the other instance serves on, through nginx
    survivor = next(i for i in cluster.instances if i is not killed[0])
    for _ in range(6):
        assert patient.get(path)[0] == 200
    # the killed instance's multipart upload is still in the store until housekeeping aborts it
    client = s3()
    assert client.list_multipart_uploads(Bucket=cluster.bucket, Prefix=cluster.prefix).get("Uploads"), "an upload was begun"
    result = subprocess.run([str(BINARY), "housekeeping", "--documents-older-than", "0"], env=survivor.env,
                            cwd=cluster.folder, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not client.list_multipart_uploads(Bucket=cluster.bucket, Prefix=cluster.prefix).get("Uploads")
    stored = {o["Key"] for o in client.list_objects_v2(Bucket=cluster.bucket, Prefix=cluster.prefix).get("Contents", [])}
    keys = set(psql(cluster.database, "SELECT storage_key FROM records").split())
    assert stored == {f"{cluster.prefix}{key}.rec" for key in keys}
    killed[0].start()
    until_both_serve(cluster, patient)


def test_sigterm_lets_a_download_in_flight_finish_and_the_instance_exits_0(cluster):
    patient, path = patient_and_records_page(cluster)
    until_both_serve(cluster, patient)
    patient.get(path)
    size = 48 << 20
    status, sent_digest = upload_in_pieces(patient, path, "echo-cine.pdf", size, lambda sent: None)
    assert status == 303, status
    link = re.search(r'href="(/cases/[^"]+/download)">Download echo-cine\.pdf<', patient.get(path)[1]).group(1)

    before = {i.name: i.bytes_written() for i in cluster.instances}
    connection = patient.connect(timeout=120)
    connection.request("GET", link, headers=patient.headers())
    response = connection.getresponse()
    assert response.status == 200
    received = hashlib.sha256()
    first = response.read(4 << 20)
    received.update(first)
    time.sleep(0.5)
    sender = max(cluster.instances, key=lambda i: i.bytes_written() - before[i.name])
    sender.process.send_signal(signal.SIGTERM)
    # while it finishes, new requests go to the other instance
    other = HTTPClient(cluster.tls_port, tls=True)
    for _ in range(4):
        assert other.get("/")[0] == 200
    total = len(first)
    while chunk := response.read(1 << 20):
        received.update(chunk)
        total += len(chunk)
        time.sleep(0.01)
    connection.close()
    assert total == size and received.hexdigest() == sent_digest
    assert sender.process.wait(timeout=60) == 0
    sender.start()
    until_both_serve(cluster, patient)
