#!/usr/bin/env python3
"""Signs the demo people in to a running Consilium (demo data loaded) and prints, one per line,
the pages bin/bench measures: "kind<TAB>label<TAB>path<TAB>cookie". kind is "anonymous" or
"signed-in"; cookie is empty for anonymous pages. Standard library only.
usage: bench-pages.py URL"""
import hashlib
import hmac
import http.client
import re
import struct
import sys
import time
import urllib.parse

URL = urllib.parse.urlparse(sys.argv[1])
PASSWORD = "Demo-visit-2026!"
TOTP_SECRET = b"DemoAuthKey-2026-xyz"  # DemoData.twoFactorSecret
CASE_LINK = re.compile(r'href="/cases/([0-9a-fA-F-]{36})"')


def totp():
    digest = hmac.new(TOTP_SECRET, struct.pack(">Q", int(time.time() // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


class Client:
    def __init__(self):
        self.cookies = {}
        self.token = ""

    def request(self, method, path, fields=None):
        connection = http.client.HTTPConnection(URL.hostname, URL.port)
        headers = {"Cookie": self.cookie_header()}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(list(fields) + [("_csrf", self.token)])
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"{URL.scheme}://{URL.netloc}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        match = re.search(r'name="_csrf" value="([^"]+)"', text)
        if match:
            self.token = match.group(1)
        connection.close()
        return response.status, response.getheader("Location"), text

    def cookie_header(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def sign_in(self, email, staff=False):
        self.request("GET", "/signin")
        _, location, _ = self.request("POST", "/signin", [("email", email), ("password", PASSWORD)])
        if staff:
            self.request("GET", "/signin/code")
            _, location, _ = self.request("POST", "/signin/code", [("method", "totp"), ("code", totp())])
        status, _, page = self.request("GET", "/account")
        if status != 200:
            sys.exit(f"bench-pages: {email} could not sign in ({status}, {location})")
        return page


def case_where(client, page, suffix, wanted):
    """The first case linked from `page` whose `suffix` page answers 200 and satisfies `wanted`."""
    for case in CASE_LINK.findall(page):
        status, _, text = client.request("GET", f"/cases/{case}{suffix}")
        if status == 200 and wanted(text):
            return case
    return None


def ok(client, path):
    status, _, _ = client.request("GET", path)
    if status != 200:
        sys.exit(f"bench-pages: {path} answered {status}")
    return path


def main():
    anonymous = Client()
    for label, path in [("home", "/"), ("questions", "/questions"), ("privacy", "/privacy"), ("terms", "/terms"),
                        ("sign in", "/signin"), ("forgot password", "/forgot-password"),
                        ("register, step 1", "/register"), ("physician registration", "/physicians/register")]:
        print(f"anonymous\t{label}\t{ok(anonymous, path)}\t")

    margaret = Client()
    page = margaret.sign_in("margaret.ellis@example.org")
    rows = [("patient: account (3 cases)", "/account", margaret)]
    case = CASE_LINK.search(page).group(1)
    rows += [("patient: a case", f"/cases/{case}", margaret), ("patient: its records", f"/cases/{case}/records", margaret),
             ("patient: change password", "/account/password", margaret)]

    walter = Client()
    page = walter.sign_in("walter.price@example.org")
    report = case_where(walter, page, "/report", lambda text: True)
    if report is None:
        sys.exit("bench-pages: no released report among Walter Price's cases")
    rows.append(("patient: a released report", f"/cases/{report}/report", walter))

    coordinator = Client()
    coordinator.sign_in("miguel.santos@example.org", staff=True)
    rows.append(("coordinator: queue", "/staff/cases", coordinator))

    consultant = Client()
    page = consultant.sign_in("helen.park@example.org", staff=True)
    editor = case_where(consultant, page, "/report", lambda text: "<textarea" in text)
    if editor is None:
        sys.exit("bench-pages: the consultant has no report to edit")
    rows.append(("consultant: report editor", f"/cases/{editor}/report", consultant))

    administrator = Client()
    administrator.sign_in("grace.okafor@example.org", staff=True)
    rows.append(("administrator: audit search", "/admin/audit?action=case.viewed", administrator))

    for label, path, client in rows:
        print(f"signed-in\t{label}\t{ok(client, path)}\t{client.cookie_header()}")


main()
