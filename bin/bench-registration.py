#!/usr/bin/env python3
"""Completes whole registrations against a running Consilium, over loopback, and prints the
median wall time of one registration's requests in milliseconds (all eight GETs and POSTs,
Bcrypt included). Standard library only.   usage: bench-registration.py URL COUNT"""
import http.client
import re
import statistics
import sys
import time
import urllib.parse

URL = urllib.parse.urlparse(sys.argv[1])
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 20


class Client:
    def __init__(self):
        self.connection = http.client.HTTPConnection(URL.hostname, URL.port)
        self.cookies = {}
        self.token = ""
        self.elapsed = 0.0

    def request(self, method, path, fields=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            fields = list(fields) + [("_csrf", self.token)]
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"{URL.scheme}://{URL.netloc}"
        start = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        self.elapsed += time.perf_counter() - start
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        match = re.search(r'name="_csrf" value="([^"]+)"', text)
        if match:
            self.token = match.group(1)
        return response.status, response.getheader("Location"), text


def register(index):
    client = Client()
    email = f"bench.{index}.{time.time_ns()}@example.org"
    client.request("GET", "/register")
    status, location, _ = client.request("POST", "/register", [
        ("registrant", "self"), ("patientFirstName", "Ruth"), ("patientLastName", "Gallagher"), ("birthDay", "3"),
        ("birthMonth", "11"), ("birthYear", "1948"), ("sex", "female"), ("country", "US"), ("state", "MA"),
        ("preferredLanguage", "en"), ("interpreter", "no")])
    assert location == "/register/agreement", (status, location)
    client.request("GET", "/register/agreement")
    _, location, _ = client.request("POST", "/register/agreement", [
        ("agree", "yes"), ("signature", "Ruth Gallagher"), ("courtesyCopy", "yes"), ("action", "accept")])
    assert location == "/register/account", location
    client.request("GET", "/register/account")
    _, location, _ = client.request("POST", "/register/account", [
        ("email", email), ("emailConfirmation", email), ("password", "Harbour-Lantern-73"),
        ("passwordConfirmation", "Harbour-Lantern-73"), ("action", "next")])
    assert location == "/register/contact", location
    client.request("GET", "/register/contact")
    status, _, text = client.request("POST", "/register/contact", [
        ("addressLine1", "48 Commonwealth Avenue"), ("city", "Boston"), ("region", "MA"), ("postalCode", "02116"),
        ("addressCountry", "US"), ("phone", "(617) 555-0172"), ("action", "finish")])
    assert status == 200 and "Check your email" in text, status
    return client.elapsed * 1000


register(-1)  # warm up
print(f"{statistics.median(register(i) for i in range(COUNT)):.2f}")
