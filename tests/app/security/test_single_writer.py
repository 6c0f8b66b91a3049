"""One writer per profile: a second opener gets a clear message and can read only."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from security_helpers import NAME, PASSPHRASE
from sqlalchemy.exc import OperationalError

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.ledger import LedgerService
from app.services.profiles import (
    CreatedProfile,
    ProfileInUse,
    ReadOnlyProfile,
    open_profile,
)
from app.store.profile_lock import LOCK_FILE, WriterLock, read_holder

HOLDER = """
import sys
from pathlib import Path
from app.services.profiles import open_profile
profile = open_profile(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
print("open", flush=True)
sys.stdin.readline()
profile.close()
print("closed", flush=True)
"""

DRAFT = EntryDraft(date(2024, 5, 3), Money(-2500), "Jo Evans (PA)", "pa_wages", "")


def _start_holder(data_dir: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir), NAME, PASSPHRASE],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "open"
    return child


def test_second_process_is_refused_then_reads_only(created: CreatedProfile,
                                                   data_dir: Path) -> None:
    child = _start_holder(data_dir)
    try:
        with pytest.raises(ProfileInUse, match="read only"):
            open_profile(data_dir, NAME, PASSPHRASE)
        with open_profile(data_dir, NAME, PASSPHRASE, read_only=True) as viewer:
            ledger = LedgerService(viewer)
            assert ledger.count() == 0
            with pytest.raises(ReadOnlyProfile):
                ledger.add_entry(DRAFT, date(2024, 6, 1))
            assert ledger.count() == 0
            refused = (OperationalError, sqlcipher.OperationalError)
            with pytest.raises(refused, match="readonly"), viewer.engine.begin() as conn:
                conn.exec_driver_sql("DELETE FROM category")  # SQLite itself refuses too
    finally:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "closed"
        child.wait(10)
    open_profile(data_dir, NAME, PASSPHRASE).close()  # free again once it closed


def test_lock_of_a_killed_process_does_not_block(created: CreatedProfile,
                                                 data_dir: Path) -> None:
    child = _start_holder(data_dir)
    holder = read_holder(created.info.folder)
    assert holder is not None and holder.pid == child.pid and holder.is_this_computer
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    profile = open_profile(data_dir, NAME, PASSPHRASE)  # the stale note is taken over
    try:
        LedgerService(profile).add_entry(DRAFT, date(2024, 6, 1))
    finally:
        profile.close()
    assert read_holder(created.info.folder) is None  # cleared on a clean close


def test_two_windows_in_one_process_exclude_each_other(created: CreatedProfile,
                                                       data_dir: Path) -> None:
    with open_profile(data_dir, NAME, PASSPHRASE), pytest.raises(ProfileInUse):
        open_profile(data_dir, NAME, PASSPHRASE)


def _note(folder: Path, host: str, since: float) -> None:
    (folder / LOCK_FILE).write_text(json.dumps({"host": host, "pid": 1, "since": since}))


def test_note_from_another_computer_in_a_synced_folder_counts(tmp_path: Path) -> None:
    _note(tmp_path, "the-other-laptop", time.time() - 60)
    assert WriterLock.acquire(tmp_path) is None


def test_old_note_from_another_computer_is_stale(tmp_path: Path) -> None:
    _note(tmp_path, "the-other-laptop", time.time() - 13 * 3600)
    lock = WriterLock.acquire(tmp_path)
    assert lock is not None
    lock.release()
