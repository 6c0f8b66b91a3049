"""Finding 8 (fixed by issue 9's one writer; the fault tests are here with the others):
`history --verify` missed the newest import event deleted with its entries; edits to funding
streams, roles and the services log; an entry's account, created_by, reconciled or
approval_reason; and a chain rewritten with its hashes recomputed. Each is done here to a
closed profile's file as an attacker with the key would, then verified through the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app.domain.audit import event_hash
from tests.app.safety.conftest import NAME, PASS, Cli, data_key, make

BANK = Path(__file__).resolve().parents[2] / "fixtures" / "bank" / "lloyds.csv"
BROKEN = 3  # the exit status of `history --verify` when the history was changed


@pytest.fixture
def history(data_dir: Path, cli: Cli) -> Path:
    """A profile with a bank import, a second person and a visit; closed."""
    make(data_dir)
    for argv in (("import", "bank", str(BANK), "--profile", NAME),
                 ("people", NAME, "--add", "Sam Carer"),
                 ("services", "add", "--profile", NAME, "--date", "2024-01-10", "--provider",
                  "Sunrise Care", "--planned", "2", "--rate", "18.50")):
        status, out = cli(data_dir, *argv, CARELEDGER_PASSPHRASE=PASS)
        assert status == 0, out
    status, out = cli(data_dir, "history", NAME, "--verify", CARELEDGER_PASSPHRASE=PASS)
    assert status == 0 and "whole" in out, out
    return data_dir


@pytest.fixture
def behind(history: Path) -> Iterator[Any]:
    """The file opened straight through the driver, past CareLedger."""
    from app.store.profiles import ProfileDirectory

    info = ProfileDirectory(history).find(NAME)
    assert info is not None
    conn = sqlcipher.connect(str(info.database), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{data_key(history, info).hex()}'\"")
    yield conn
    conn.close()


TAMPERING = {
    "newest import deleted with its entries": [
        "DELETE FROM entry WHERE import_id IS NOT NULL",
        "DELETE FROM audit_event WHERE id = (SELECT id FROM audit_event "
        "WHERE detail LIKE '%import%' ORDER BY id DESC LIMIT 1)"],
    "a funding rate": ["UPDATE funding_rate SET gross_weekly = gross_weekly + 10000"],
    "a funding stream": ["UPDATE funding_stream SET frequency = 'monthly'"],
    "a role": ["UPDATE person_role SET role = 'appointed_person' WHERE name = 'Sam Carer'"],
    "the services log": ["UPDATE service_log SET delivered_minutes = 600"],
    "an entry's account": ["INSERT INTO account (name, kind, opening_balance, opening_date) "
                           "VALUES ('Other', 'bank', 0, '2020-01-01')",
                           "UPDATE entry SET account_id = 2 WHERE id = 1"],
    "an entry's created_by": ["UPDATE entry SET created_by = 'Someone Else' WHERE id = 1"],
    "an entry's reconciled": ["UPDATE entry SET reconciled = 1 WHERE id = 1"],
    "an entry's approval_reason": ["UPDATE entry SET approval_reason = 'agreed' WHERE id = 1"],
}


@pytest.mark.parametrize("what", sorted(TAMPERING))
def test_changes_behind_the_app_are_caught(history: Path, behind: Any, cli: Cli,
                                           what: str) -> None:
    for sql in TAMPERING[what]:
        behind.execute(sql)
    status, out = cli(history, "history", NAME, "--verify", CARELEDGER_PASSPHRASE=PASS)
    assert status == BROKEN, out


def test_a_chain_rewritten_with_recomputed_hashes_is_caught(history: Path, behind: Any,
                                                            cli: Cli) -> None:
    """The newest event removed, then every hash after the cut recomputed so the chain
    itself holds: only the head recorded beside the profile can tell."""
    newest = behind.execute("SELECT max(id) FROM audit_event").fetchone()[0]
    behind.execute("DELETE FROM service_log")
    behind.execute("DELETE FROM audit_event WHERE id = ?", (newest,))
    rows = behind.execute("SELECT id, at, actor, action, entity, entity_id, detail, prev_hash "
                          "FROM audit_event ORDER BY id").fetchall()
    prev = rows[0][7]
    for row_id, at, actor, action, entity, entity_id, detail, _old in rows:
        new = event_hash(prev, at, actor, action, entity, entity_id, detail)
        behind.execute("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?",
                       (prev, new, row_id))
        prev = new
    status, out = cli(history, "history", NAME, "--verify", CARELEDGER_PASSPHRASE=PASS)
    assert status == BROKEN, out
