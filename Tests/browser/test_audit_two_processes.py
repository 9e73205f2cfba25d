"""Two server processes on one PostgreSQL database append audit events at the same time (each
view of a case is recorded before its page is sent, events batched per process); afterwards the
chain is one unbroken line (`consilium audit verify`), every view is in it, and the two
processes' events are interleaved, so they really did write at the same time. The same then
holds for two processes appending through the appender directly, 16 writers each.
Needs the PostgreSQL that bin/test starts (CONSILIUM_TEST_DATABASE_URL)."""
import concurrent.futures
import http.client
import os
import re
import subprocess
import time
import urllib.parse
import uuid

import pytest

from conftest import BINARY, HTTPClient, free_port

BASE_URL = os.environ.get("CONSILIUM_TEST_DATABASE_URL", "")
VIEWS_PER_PROCESS = 150


def psql(url, sql):
    result = subprocess.run(["psql", url, "-Atc", sql], capture_output=True, text=True, check=True)
    return result.stdout.strip()


@pytest.fixture
def database():
    assert BASE_URL, "bin/test sets CONSILIUM_TEST_DATABASE_URL to its PostgreSQL"
    name = "two_processes_" + uuid.uuid4().hex[:12]
    psql(BASE_URL, f"CREATE DATABASE {name}")
    parts = urllib.parse.urlparse(BASE_URL)
    yield parts._replace(path="/" + name).geturl()
    psql(BASE_URL, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def environment(data, url, port=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSILIUM_")}
    env.update({"CONSILIUM_ENV": "test", "CONSILIUM_BCRYPT_COST": "4", "CONSILIUM_DATA_DIR": str(data),
                "CONSILIUM_LOG_LEVEL": "error", "DATABASE_URL": url,
                # both processes seal with the same master key, as instances of one service do
                "CONSILIUM_MASTER_KEY": "2026-11:" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODk="})
    if port:
        env.update({"CONSILIUM_PORT": str(port), "CONSILIUM_HOSTNAME": "127.0.0.1"})
    return env


def start(data, url):
    port = free_port()
    process = subprocess.Popen([str(BINARY), "serve"], env=environment(data, url, port), cwd=data,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process, port
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError("a server did not start: " + process.stderr.read().decode()[-2000:])


def test_two_server_processes_keep_one_chain(tmp_path, database):
    subprocess.run([str(BINARY), "demo"], env=environment(tmp_path, database), cwd=tmp_path, check=True, capture_output=True)
    servers = [start(tmp_path, database), start(tmp_path, database)]
    try:
        sessions = []
        for (_, port), agent in zip(servers, ["process-A", "process-B"]):
            session = HTTPClient(port, agent=agent)
            session.sign_in("margaret.ellis@example.org")
            status, page, _ = session.get("/account")
            assert status == 200, page[:300]
            sessions.append(session)
        case = re.search(r'href="/cases/([0-9a-fA-F-]{36})"', page).group(1)
        before = int(psql(database, "SELECT count(*) FROM audit_events"))

        def view(session):
            return session.get(f"/cases/{case}")[0]

        with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(view, [s for _ in range(VIEWS_PER_PROCESS) for s in sessions]))
        assert statuses == [200] * (2 * VIEWS_PER_PROCESS)
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=30)

    result = subprocess.run([str(BINARY), "audit", "verify"], env=environment(tmp_path, database), cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    total = int(re.search(r"OK: (\d+) events", result.stdout).group(1))
    assert total == int(psql(database, "SELECT max(sequence) FROM audit_events"))
    agents = psql(database, f"SELECT user_agent FROM audit_events WHERE sequence > {before} AND action = 'case.viewed' "
                            "ORDER BY sequence").split("\n")
    assert agents.count("process-A") == VIEWS_PER_PROCESS and agents.count("process-B") == VIEWS_PER_PROCESS
    switches = sum(1 for earlier, later in zip(agents, agents[1:]) if earlier != later)
    assert switches > 10, "the two processes' events should interleave"


def test_two_appending_processes_keep_one_chain(tmp_path, database):
    subprocess.run([str(BINARY), "migrate"], env=environment(tmp_path, database), cwd=tmp_path, check=True, capture_output=True)
    command = [str(BINARY), "bench-audit", "--events", "3000", "--writers", "16"]
    runs = [subprocess.Popen(command, env=environment(tmp_path, database), cwd=tmp_path, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
    result = subprocess.run([str(BINARY), "audit", "verify"], env=environment(tmp_path, database), cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(psql(database, "SELECT count(*) FROM audit_events WHERE detail = 'benchmark'")) == 6000
