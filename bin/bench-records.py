#!/usr/bin/env python3
"""Uploads and downloads one large record through a running Consilium (demo data loaded), over
loopback, and the server's memory growth, beside a baseline for the same bytes: a plain copy on
the same disk (`copy`, standard library only), or, when the records are in a bucket, the same
file put and got with boto3 on the same S3 store (`s3`: BENCH_S3_ENDPOINT, BENCH_S3_ACCESS_KEY,
BENCH_S3_SECRET_KEY, BENCH_S3_BUCKET).
Prints: upload_MBps download_MBps baseline_up_MBps baseline_down_MBps memory_growth_MiB.
usage: bench-records.py URL SERVER_PID FILE [copy|s3]"""
import http.client
import os
import re
import shutil
import sys
import time
import urllib.parse

URL = urllib.parse.urlparse(sys.argv[1])
PID = sys.argv[2]
FILE = sys.argv[3]
BASELINE = sys.argv[4] if len(sys.argv) > 4 else "copy"
# The site's own origin, which forms must come from: the proxy's when the server sits behind one.
ORIGIN = os.environ.get("BENCH_ORIGIN", f"{URL.scheme}://{URL.netloc}")
SIZE = os.path.getsize(FILE)
MB = 1024 * 1024


def memory(field):
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return 0.0


class Session:
    def __init__(self):
        self.cookies = {}
        self.token = ""

    def connection(self):
        return http.client.HTTPConnection(URL.hostname, URL.port, timeout=600)

    def headers(self, extra=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Origin": ORIGIN}
        headers.update(extra or {})
        return headers

    def remember(self, response, text=""):
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        match = re.search(r'name="_csrf" value="([^"]+)"', text)
        if match:
            self.token = match.group(1)

    def get(self, path):
        connection = self.connection()
        connection.request("GET", path, headers=self.headers())
        response = connection.getresponse()
        text = response.read().decode(errors="replace")
        self.remember(response, text)
        return response, text

    def post_form(self, path, fields):
        connection = self.connection()
        body = urllib.parse.urlencode(list(fields) + [("_csrf", self.token)])
        connection.request("POST", path, body=body, headers=self.headers({"Content-Type": "application/x-www-form-urlencoded"}))
        response = connection.getresponse()
        self.remember(response, response.read().decode(errors="replace"))
        return response


session = Session()
session.get("/signin")
assert session.post_form("/signin", [("email", "margaret.ellis@example.org"), ("password", "Demo-visit-2026!")]).status == 303
_, dashboard = session.get("/account")
# the request row for Margaret Ellis in Cardiology: a case link, then the patient and specialty cells
case = re.search(r'href="/cases/([0-9a-f-]{36})">(?:(?!</tr>).)*?<td[^>]*>Margaret Ellis</td><td[^>]*>Cardiology', dashboard).group(1)
records = f"/cases/{case}/records"
session.get(records)

boundary = "benchboundary7f3a"
head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{session.token}\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nimaging\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"large.pdf\"\r\n"
        f"Content-Type: application/pdf\r\n\r\n").encode()
tail = f"\r\n--{boundary}--\r\n".encode()

rss_before = memory("VmRSS")
connection = session.connection()
start = time.perf_counter()
connection.putrequest("POST", records)
for name, value in session.headers({"Content-Type": f"multipart/form-data; boundary={boundary}", "Content-Length": str(len(head) + SIZE + len(tail))}).items():
    connection.putheader(name, value)
connection.endheaders()
connection.send(head)
with open(FILE, "rb") as source:
    while chunk := source.read(4 * MB):
        connection.send(chunk)
connection.send(tail)
response = connection.getresponse()
response.read()
upload_seconds = time.perf_counter() - start
assert response.status == 303, response.status
growth = memory("VmHWM") - rss_before

_, page = session.get(records)
record = re.search(rf'href="({records}/[0-9a-f-]{{36}}/download)">Download large.pdf', page).group(1)
connection = session.connection()
start = time.perf_counter()
connection.request("GET", record, headers=session.headers())
response = connection.getresponse()
received = 0
while chunk := response.read(4 * MB):
    received += len(chunk)
download_seconds = time.perf_counter() - start
assert received == SIZE, (received, SIZE)

def copy_baseline():
    copy = FILE + ".copy"
    start = time.perf_counter()
    shutil.copyfile(FILE, copy)
    with open(copy, "rb+") as copied:
        os.fsync(copied.fileno())
    seconds = time.perf_counter() - start
    os.remove(copy)
    return seconds, seconds


def s3_baseline():
    """boto3's own upload_file and download_file (multipart, its default parts and threads)."""
    import boto3
    from botocore.config import Config
    client = boto3.client("s3", endpoint_url=os.environ["BENCH_S3_ENDPOINT"], region_name="us-east-1",
                          aws_access_key_id=os.environ["BENCH_S3_ACCESS_KEY"],
                          aws_secret_access_key=os.environ["BENCH_S3_SECRET_KEY"],
                          config=Config(s3={"addressing_style": "path"}))
    bucket, key = os.environ["BENCH_S3_BUCKET"], "bench/boto3-baseline"
    start = time.perf_counter()
    client.upload_file(FILE, bucket, key)
    put_seconds = time.perf_counter() - start
    target = FILE + ".got"
    start = time.perf_counter()
    client.download_file(bucket, key, target)
    get_seconds = time.perf_counter() - start
    assert os.path.getsize(target) == SIZE
    os.remove(target)
    client.delete_object(Bucket=bucket, Key=key)
    return put_seconds, get_seconds


up_seconds, down_seconds = s3_baseline() if BASELINE == "s3" else copy_baseline()
print(f"{SIZE / MB / upload_seconds:.1f} {SIZE / MB / download_seconds:.1f} {SIZE / MB / up_seconds:.1f} "
      f"{SIZE / MB / down_seconds:.1f} {max(growth, 0):.1f}")
