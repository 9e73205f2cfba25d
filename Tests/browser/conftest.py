"""Browser-test fixtures: a real Consilium server on loopback (SQLite in a temporary folder,
demo accounts loaded), a real SMTP server capturing its mail, and Debian's Chromium driven by
Playwright."""
import email
import email.policy
import hashlib
import hmac
import http.client
import mailbox
import os
import pathlib
import re
import socket
import ssl
import struct
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from types import SimpleNamespace

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "support"))  # helpers shared with bin/bench (nginx_site)
BINARY = ROOT / ".build" / "debug" / "consilium"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
DEMO_PASSWORD = "Demo-visit-2026!"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class HTTPClient:
    """A client of one server (plain HTTP, or TLS with the test's own certificate) that keeps
    cookies and the last form token, for tests that drive a server without a browser."""

    def __init__(self, port, tls=False, agent=None):
        self.port, self.tls, self.agent, self.cookies, self.token = port, tls, agent, {}, ""
        self.origin = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
        if tls:
            self.context = ssl.create_default_context()
            self.context.check_hostname = False
            self.context.verify_mode = ssl.CERT_NONE

    def connect(self, timeout=30):
        if self.tls:
            return http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=self.context)
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def headers(self, extra=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if self.agent:
            headers["User-Agent"] = self.agent
        return {**headers, **(extra or {})}

    def remember(self, response, text):
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        token = re.search(r'name="_csrf" value="([^"]+)"', text)
        if token:
            self.token = token.group(1)

    def send(self, method, path, body=None, headers=None, timeout=30):
        """Returns the status, the body's bytes and the Location header."""
        connection = self.connect(timeout)
        connection.request(method, path, body=body, headers=self.headers(headers))
        response = connection.getresponse()
        data = response.read()
        self.remember(response, data.decode(errors="replace") if b"_csrf" in data else "")
        connection.close()
        return response.status, data, response.getheader("Location")

    def get(self, path):
        status, data, location = self.send("GET", path)
        return status, data.decode(errors="replace"), location

    def post(self, path, fields):
        body = urllib.parse.urlencode(fields + [("_csrf", self.token)])
        status, data, location = self.send("POST", path, body, {
            "Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin})
        return status, data.decode(errors="replace"), location

    def upload(self, path, file_name, content, content_type="application/pdf", category="imaging"):
        """Sends one record through the records form, as multipart/form-data."""
        boundary = "----consilium" + os.urandom(12).hex()
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{self.token}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n{category}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{file_name}\"\r\n"
                f"Content-Type: {content_type}\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        status, data, location = self.send("POST", path, body, {
            "Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": self.origin}, timeout=120)
        return status, data.decode(errors="replace"), location

    def sign_in(self, email_address, password=DEMO_PASSWORD):
        self.get("/signin")
        status, _, location = self.post("/signin", [("email", email_address), ("password", password)])
        assert status == 303 and location == "/account", (status, location)


class MailCapture:
    """An aiosmtpd server on loopback that stores every message in a Maildir."""

    def __init__(self, directory):
        self.directory = str(pathlib.Path(directory) / "box")
        mailbox.Maildir(self.directory, create=True)
        self.port = free_port()
        self.controller = Controller(Mailbox(self.directory), hostname="127.0.0.1", port=self.port)

    def messages(self):
        box = mailbox.Maildir(self.directory, create=False)
        return [email.message_from_bytes(bytes(m), policy=email.policy.default) for m in box]

    def wait_for_link(self, to, path, timeout=20):
        """The first link to `path` in a message to `to`, waiting for the outbox to deliver it."""
        deadline = time.time() + timeout
        pattern = re.compile(r"https?://\S+" + re.escape(path) + r"\?token=[A-Za-z0-9_-]+")
        while time.time() < deadline:
            for message in self.messages():
                if to in message["To"]:
                    body = message.get_body(preferencelist=("plain",)).get_content()
                    match = pattern.search(body)
                    if match:
                        return match.group(0)
            time.sleep(0.25)
        raise AssertionError(f"no mail to {to} with a link to {path} arrived")


@pytest.fixture(scope="session")
def mail(tmp_path_factory):
    capture = MailCapture(tmp_path_factory.mktemp("maildir"))
    capture.controller.start()
    yield capture
    capture.controller.stop()


def start_server(data, mail, demo=True):
    """Loads the demo into an empty data folder (unless `demo` is false: a folder that already
    holds an installation) and serves it on a free loopback port."""
    assert BINARY.exists(), f"build first: {BINARY} is missing"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSILIUM_") and k != "DATABASE_URL"}
    env.update({
        "CONSILIUM_ENV": "test",
        "CONSILIUM_BCRYPT_COST": "4",
        "CONSILIUM_DATA_DIR": str(data),
        "CONSILIUM_HOSTNAME": "127.0.0.1",
        "CONSILIUM_PORT": str(port),
        "CONSILIUM_MAIL_TRANSPORT": "smtp",
        "CONSILIUM_SMTP_HOST": "127.0.0.1",
        "CONSILIUM_SMTP_PORT": str(mail.port),
        "CONSILIUM_SMTP_SECURITY": "none",
        "CONSILIUM_MAIL_POLL_SECONDS": "1",
        "CONSILIUM_LOG_LEVEL": "warning",
    })
    if demo:
        subprocess.run([str(BINARY), "demo"], env=env, check=True, capture_output=True, cwd=data)
    log = open(data / "server.log", "w")
    process = subprocess.Popen([str(BINARY), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=data)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if urllib.request.urlopen(url + "/healthz", timeout=1).status == 200:
                break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("the server did not start: " + (data / "server.log").read_text())

    def stop():
        process.terminate()
        process.wait(timeout=15)
        log.close()

    return SimpleNamespace(url=url, data=data, env=env, stop=stop)


@pytest.fixture(scope="session")
def server(tmp_path_factory, mail):
    running = start_server(tmp_path_factory.mktemp("data"), mail)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def admin_server(tmp_path_factory, mail):
    """A second server for the administration tests: what they change (settings, a new
    agreement version, disabled accounts) must not reach the other tests' demo."""
    running = start_server(tmp_path_factory.mktemp("admin-data"), mail)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, server):
    context = chromium.new_context(base_url=server.url)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def administrator_state(chromium, admin_server):
    """Grace Okafor (administrator) signed in once on the administration tests' server, so
    each test does not spend another authenticator code."""
    context = chromium.new_context(base_url=admin_server.url)
    page = context.new_page()
    sign_in(page, "grace.okafor@example.org")
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture
def admin_page(chromium, admin_server, administrator_state):
    """A page on the administration tests' server, signed in as the administrator."""
    context = chromium.new_context(base_url=admin_server.url, storage_state=administrator_state)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def accessible(axe):
    """Asserts that axe-core finds no WCAG 2.2 AA violation on the page as it is now."""

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        assert results.violations_count == 0, results.generate_report()

    return check


DEMO_TOTP_SECRET = b"DemoAuthKey-2026-xyz"  # DemoData.twoFactorSecret


def totp(secret: bytes, at: float | None = None, offset: int = 0, step: int | None = None) -> str:
    """RFC 6238 with SHA-1, 30-second steps and 6 digits, as authenticator apps compute it."""
    if step is None:
        step = int((time.time() if at is None else at) // 30) + offset
    digest = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    start = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[start:start + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


# The last time step whose code each account used, per server: the server refuses a code from
# a step already used, and tests sign the same person in faster than codes change.
_last_step = {}


def fresh_code(base_url: str, secret: bytes, account: str) -> str:
    """A code the server has not seen for `account`: the current step's, or the next one's
    (inside the server's window), waiting for time to move on when both were used."""
    key = (base_url, account)
    now = int(time.time() // 30)
    step = max(now, _last_step.get(key, 0) + 1)
    if step > now + 1:
        time.sleep((step - 1) * 30 - time.time() + 0.5)
    _last_step[key] = step
    return totp(secret, step=step)


def enter_code(page, secret: bytes, account: str):
    """Answers the sign-in code page."""
    page.get_by_label("6-digit code").fill(fresh_code(page.url.split("/signin")[0], secret, account))
    page.get_by_role("button", name="Sign in").click()
    assert "/signin/code" not in page.url, "the sign-in code was not accepted"


def sign_in(page, email_address, password=DEMO_PASSWORD, totp_secret=DEMO_TOTP_SECRET):
    page.goto("/signin")
    page.get_by_label("Email address").fill(email_address)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if page.url.endswith("/signin/code"):
        enter_code(page, totp_secret, email_address)
