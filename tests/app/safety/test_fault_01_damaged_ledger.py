"""Finding 1: an emptied, short or damaged ledger.db opened as a brand-new empty profile, and
within a few opens its empty copies replaced every good automatic backup."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app.services.profiles import open_profile
from app.store.backups import automatic_backups
from app.store.ledger_db import DamagedProfile
from tests.app.safety.conftest import (
    NAME,
    PASS,
    Cli,
    add_entries,
    count_entries,
    fingerprint,
    make,
)

# Modules added by the fix are imported inside the tests, so that on the code before it
# each test fails on what it checks, not on an import.


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _one_byte(path: Path) -> None:
    path.write_bytes(b"\0")


def _short(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(4095)


def _half(path: Path) -> None:  # cut at a page boundary, as a failed copy can leave it
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2 // 4096 * 4096)


def _flipped_first_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100] ^= 0x01
    path.write_bytes(bytes(data))


def _removed(path: Path) -> None:
    path.unlink()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "emptied": _empty, "one byte": _one_byte, "short": _short, "half": _half,
    "bit flipped": _flipped_first_page, "removed": _removed,
}


@pytest.fixture
def with_backups(data_dir: Path) -> Path:
    """A profile with 3 entries and automatic backups of it."""
    created = make(data_dir)
    add_entries(data_dir, 3)
    assert automatic_backups(created.info.folder)
    return created.info.folder


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_damaged_ledger_is_never_a_new_profile(data_dir: Path, with_backups: Path,
                                               how: str, cli: Cli) -> None:
    DAMAGE[how](with_backups / "ledger.db")
    before = fingerprint(with_backups / "backups")
    for _ in range(5):  # opening again and again must not wear the backups away
        with pytest.raises(DamagedProfile) as raised:
            open_profile(data_dir, NAME, PASS)
        assert getattr(raised.value, "backup", None) is not None  # the newest good one, offered
        assert "newest good backup" in str(raised.value)
        status, out = cli(data_dir, "entries", "list", "--profile", NAME,
                          CARELEDGER_PASSPHRASE=PASS)
        assert status == 1 and "backup" in out
        status, out = cli(data_dir, "history", NAME, "--verify", CARELEDGER_PASSPHRASE=PASS)
        assert status != 0 and "whole" not in out
    assert fingerprint(with_backups / "backups") == before


def test_the_offered_backup_brings_the_records_back(data_dir: Path, with_backups: Path,
                                                    cli: Cli) -> None:
    _empty(with_backups / "ledger.db")
    status, out = cli(data_dir, "backup", "restore", NAME, CARELEDGER_PASSPHRASE=PASS)
    assert status == 0, out
    assert count_entries(data_dir) == 3
    kept = list((with_backups / "backups").glob("kept-*.db"))
    assert len(kept) == 1 and kept[0].stat().st_size == 0  # the emptied file, kept as it was


def test_restoring_keeps_a_stale_wal_away_from_the_restored_records(
        data_dir: Path, with_backups: Path) -> None:
    (with_backups / "ledger.db").unlink()
    (with_backups / "ledger.db-wal").write_bytes(os.urandom(5000))
    from app.services.auto_backups import restore_automatic

    restore_automatic(data_dir, NAME, PASS)
    assert not (with_backups / "ledger.db-wal").exists()
    assert count_entries(data_dir) == 3


def test_no_backup_at_all_says_so(data_dir: Path) -> None:
    created = make(data_dir)  # never closed after a write: no automatic backup
    _empty(created.info.database)
    with pytest.raises(DamagedProfile) as raised:
        open_profile(data_dir, NAME, PASS)
    assert getattr(raised.value, "backup", "no such attribute") is None
    assert "no automatic backup" in str(raised.value)


@pytest.mark.parametrize("damage", [b"", b"{", b"\0" * 900])
def test_a_damaged_profile_json_does_not_lose_the_profile(data_dir: Path, with_backups: Path,
                                                          damage: bytes, cli: Cli) -> None:
    """Its wrapped keys are the only way into the records and every backup: a copy is kept."""
    (with_backups / "profile.json").write_bytes(damage)
    status, out = cli(data_dir, "profile", "list")
    assert status == 0 and NAME in out
    assert count_entries(data_dir) == 3


def test_the_copy_follows_a_passphrase_change(data_dir: Path, with_backups: Path, cli: Cli) -> None:
    new = "a brand new passphrase"
    assert cli(data_dir, "profile", "passwd", NAME, CARELEDGER_PASSPHRASE=PASS,
               CARELEDGER_NEW_PASSPHRASE=new)[0] == 0
    (with_backups / "profile.json").write_bytes(b"")
    assert count_entries(data_dir, passphrase=new) == 3
