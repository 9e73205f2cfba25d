"""`consilium backup` of a demo installation while it serves: four patients' sessions keep
viewing a case (each view an audit event) and a fifth keeps sending records while the backup
runs. The backup is restored into a new data folder with `consilium restore`, which checks
every file and reads every record back; `consilium audit verify` passes on the copy; and a
server on the restored folder hands out every record of the patient's cases byte for byte as
the live server does."""
import concurrent.futures
import json
import re
import sqlite3
import subprocess
import threading

from conftest import BINARY, HTTPClient, start_server


def run(env, *arguments):
    result = subprocess.run([str(BINARY), *arguments], env=env, cwd=env["CONSILIUM_DATA_DIR"], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def patient(server):
    client = HTTPClient(int(server.url.rsplit(":", 1)[1]))
    client.sign_in("margaret.ellis@example.org")
    return client


def case_paths(client):
    account = client.get("/account")[1]
    return [f"/cases/{case}" for case in dict.fromkeys(re.findall(r'href="/cases/([0-9a-f-]{36})"', account))]


def downloads(client, case_paths):
    """Every record's download link on the patient's cases, by link."""
    links = []
    for path in case_paths:
        links += re.findall(r'href="(/cases/[^"]+/download)"', client.get(path + "/records")[1])
    return sorted(set(links))


def test_a_backup_under_load_restores_elsewhere_whole(tmp_path, mail):
    (tmp_path / "live").mkdir()
    live = start_server(tmp_path / "live", mail)
    restored_server = None
    try:
        viewer = patient(live)
        cases = case_paths(viewer)
        upload_path = next(p + "/records" for p in cases if 'action="/cases/' in viewer.get(p + "/records")[1])
        sender = patient(live)
        sender.get(upload_path)
        for index in range(2):  # records sent before the backup, which it must hold
            content = b"%PDF-1.7\n% sent before the backup\n" + bytes([index]) * (300_000 * (index + 1))
            assert sender.upload(upload_path, f"before-{index}.pdf", content)[0] == 303
        stop = threading.Event()
        sent = []

        def view(client):
            views = 0
            while not stop.is_set():
                assert client.get(cases[views % len(cases)])[0] == 200
                views += 1
            return views

        def send():
            while not stop.is_set():
                content = b"%PDF-1.7\n% sent during the backup " + str(len(sent)).encode() + b"\n" + bytes(range(256)) * 256
                status, _, location = sender.upload(upload_path, f"during-{len(sent)}.pdf", content)
                assert status == 303 and location == upload_path, status
                sent.append(content)
            return len(sent)

        with concurrent.futures.ThreadPoolExecutor(max_workers=5) as pool:
            load = [pool.submit(view, patient(live)) for _ in range(4)] + [pool.submit(send)]
            try:
                output = run(live.env, "backup", str(tmp_path / "backup"))
            finally:
                stop.set()
            views = sum(future.result() for future in load[:4])
            assert views > 0 and load[4].result() > 0, "load ran while the backup did"
        manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
        assert f"Audit head: {manifest['auditHead']}" in output
        # the live installation went on past the moment of the copy
        with sqlite3.connect(f"file:{tmp_path / 'live' / 'consilium.sqlite'}?mode=ro", uri=True) as db:
            assert db.execute("SELECT max(sequence) FROM audit_events").fetchone()[0] > manifest["auditEvents"]

        (tmp_path / "restored").mkdir()
        restored_env = {**live.env, "CONSILIUM_DATA_DIR": str(tmp_path / "restored")}
        output = run(restored_env, "restore", str(tmp_path / "backup"))
        assert "OK:" in output and f"the backup's head was {manifest['auditHead']}" in output
        verified = run(restored_env, "audit", "verify", "--expect-head", manifest["auditHead"])
        assert re.search(rf"OK: {manifest['auditEvents']} events", verified), verified
        assert "OK:" in run(restored_env, "backup", "verify")
        with sqlite3.connect(f"file:{tmp_path / 'restored' / 'consilium.sqlite'}?mode=ro", uri=True) as db:
            assert db.execute("SELECT count(DISTINCT storage_key) FROM records").fetchone()[0] == len(manifest["documents"])

        restored_server = start_server(tmp_path / "restored", mail, demo=False)
        original, copy = patient(live), patient(restored_server)
        links = downloads(copy, cases)
        assert len(links) >= 2 and set(links) <= set(downloads(original, cases))
        for link in links:
            status, restored_bytes, _ = copy.send("GET", link)
            assert status == 200, link
            assert restored_bytes == original.send("GET", link)[1], link
    finally:
        if restored_server:
            restored_server.stop()
        live.stop()
