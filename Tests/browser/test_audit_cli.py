"""`consilium audit verify` as an operator runs it: on a whole demo database it passes; after
someone with direct access to the SQLite file drops the guard triggers and edits, deletes or
reorders events, it exits 1 and names the first broken event."""
import os
import re
import sqlite3
import subprocess

import pytest

from conftest import BINARY


def environment(data):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSILIUM_") and k != "DATABASE_URL"}
    env.update({"CONSILIUM_ENV": "test", "CONSILIUM_BCRYPT_COST": "4", "CONSILIUM_DATA_DIR": str(data), "CONSILIUM_LOG_LEVEL": "error"})
    return env


def verify(data):
    return subprocess.run([str(BINARY), "audit", "verify"], env=environment(data), capture_output=True, text=True, cwd=data)


@pytest.fixture
def demo(tmp_path):
    subprocess.run([str(BINARY), "demo"], env=environment(tmp_path), check=True, capture_output=True, cwd=tmp_path)
    return tmp_path


def tamper(data, *statements):
    db = sqlite3.connect(data / "consilium.sqlite")
    with db:
        db.execute("DROP TRIGGER audit_events_no_update")
        db.execute("DROP TRIGGER audit_events_no_delete")
        for statement in statements:
            db.execute(statement)
    db.close()


def test_a_whole_log_verifies_and_prints_its_head(demo):
    result = verify(demo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"OK: \d+ events, chain unbroken\. Head: [0-9a-f]{64}", result.stdout)


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
