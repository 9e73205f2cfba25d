"""`consilium audit verify` as an operator runs it: on a whole demo database it passes; after
someone with direct access to the SQLite file drops the guard triggers and edits, deletes or
reorders events, it exits 1 and names the first broken event; a tail rewritten with its SHA-256
chain recomputed is caught by the keyed seals, and a cut tail by the head the operator kept."""
import hashlib
import os
import re
import sqlite3
import struct
import subprocess
import uuid

import pytest

from conftest import BINARY


def environment(data):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSILIUM_") and k != "DATABASE_URL"}
    env.update({"CONSILIUM_ENV": "test", "CONSILIUM_BCRYPT_COST": "4", "CONSILIUM_DATA_DIR": str(data), "CONSILIUM_LOG_LEVEL": "error"})
    return env


def verify(data, *extra):
    return subprocess.run([str(BINARY), "audit", "verify", *extra], env=environment(data), capture_output=True, text=True, cwd=data)


@pytest.fixture
def demo(tmp_path):
    subprocess.run([str(BINARY), "demo"], env=environment(tmp_path), check=True, capture_output=True, cwd=tmp_path)
    return tmp_path


def tamper(data, *statements):
    db = sqlite3.connect(data / "consilium.sqlite")
    with db:
        for trigger in ("audit_events_no_update", "audit_events_no_delete", "audit_seals_no_update", "audit_seals_no_delete"):
            db.execute(f"DROP TRIGGER {trigger}")
        for statement in statements:
            db.execute(statement)
    db.close()


def test_a_whole_log_verifies_and_prints_its_head(demo):
    result = verify(demo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"OK: \d+ events, chain unbroken and sealed\. Head: [0-9a-f]{64}", result.stdout)


def test_the_database_refuses_edits_while_the_triggers_stand(demo):
    db = sqlite3.connect(demo / "consilium.sqlite")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        with db:
            db.execute("UPDATE audit_events SET outcome = 'denied' WHERE sequence = 3")
    db.close()


@pytest.mark.parametrize("statements, named", [
    (["UPDATE audit_events SET client_address = '10.0.0.9' WHERE sequence = 7"], "event 7 was changed"),
    (["DELETE FROM audit_events WHERE sequence = 5"], "event 5 is missing"),
    (["UPDATE audit_events SET sequence = -1 WHERE sequence = 4", "UPDATE audit_events SET sequence = 4 WHERE sequence = 5",
      "UPDATE audit_events SET sequence = 5 WHERE sequence = -1"], "event 4 does not follow"),
])
def test_edited_deleted_and_reordered_events_are_named(demo, statements, named):
    tamper(demo, *statements)
    result = verify(demo)
    assert result.returncode == 1
    assert named in result.stdout, result.stdout + result.stderr


def chain_hash(row):
    """The event's SHA-256 as AuditChain.Entry.computedHash makes it (what an attacker can redo)."""
    def text(value):
        if value is None:
            return None
        if isinstance(value, bytes):
            return str(uuid.UUID(bytes=value)).upper()
        return str(value)

    def spelled(index, value):
        # the chain spells the uuid columns (actor, patient) as Swift's uuidString does
        value = text(value)
        return value.upper() if index in (2, 7) and value is not None else value
    data = b"consilium-audit-v1"
    for index, value in enumerate(row):
        value = spelled(index, value)
        if value is None:
            data += b"\x00"
        else:
            encoded = value.encode()
            data += b"\x01" + struct.pack(">Q", len(encoded)) + encoded
    return hashlib.sha256(data).hexdigest()


FIELDS = ("sequence, occurred_micros, actor_user_id, actor_role, action, object_type, object_id, patient_id, outcome, "
          "client_address, user_agent, detail, previous_hash")


def test_a_rewritten_tail_with_its_chain_recomputed_is_caught_by_the_seals(demo):
    db = sqlite3.connect(demo / "consilium.sqlite")
    last = db.execute(f"SELECT {FIELDS} FROM audit_events ORDER BY sequence DESC LIMIT 1").fetchone()
    db.close()
    stored = sqlite3.connect(demo / "consilium.sqlite").execute(
        "SELECT hash FROM audit_events ORDER BY sequence DESC LIMIT 1").fetchone()[0]
    assert chain_hash(last) == stored  # the recomputation is the service's own
    rewritten = list(last)
    rewritten[9] = "10.9.9.9"
    tamper(demo, f"UPDATE audit_events SET client_address = '10.9.9.9', hash = '{chain_hash(rewritten)}' WHERE sequence = {last[0]}")
    result = verify(demo)
    assert result.returncode == 1
    assert f"event {last[0]} does not carry a seal" in result.stdout, result.stdout + result.stderr


def test_a_cut_tail_is_caught_by_the_head_the_operator_kept(demo):
    kept = re.search(r"Head: ([0-9a-f]{64})", verify(demo).stdout).group(1)
    db = sqlite3.connect(demo / "consilium.sqlite")
    count = db.execute("SELECT MAX(sequence) FROM audit_events").fetchone()[0]
    db.close()
    tamper(demo, f"DELETE FROM audit_events WHERE sequence > {count - 3}", f"DELETE FROM audit_seals WHERE sequence > {count - 3}")
    assert verify(demo).returncode == 0
    result = verify(demo, "--expect-head", kept)
    assert result.returncode == 1
    assert "no longer passes through the head" in result.stdout, result.stdout + result.stderr
