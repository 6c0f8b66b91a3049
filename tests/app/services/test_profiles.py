"""Creating and opening profiles: the recovery code, who may act, wrong passphrases slowing
down, one writer at a time, and older files brought up to date."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import OperationalError

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.domain.roles import Role
from app.services.context import open_context
from app.services.profiles import (
    CreatedProfile,
    NotAllowedToAct,
    ProfileInUse,
    ReadOnlyProfile,
    TooManyAttempts,
    WrongPassphrase,
    open_profile,
)
from app.store import keys
from app.store.attempts import ATTEMPTS_FILE, FREE_ATTEMPTS, AttemptCounter
from app.store.profile_lock import read_holder
from app.store.profiles import ProfileDirectory, ProfileInfo
from tests.conftest import NAME, PASSPHRASE

ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2025, 6, 1)
DRAFT = EntryDraft(date(2025, 5, 3), Money(-2500), "Jo Evans (PA)", "pa_wages", "")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


# --- creating ----------------------------------------------------------------------------------

def test_create_returns_code_that_unwraps_the_same_key(created: CreatedProfile,
                                                       data_dir: Path) -> None:
    wrapped = {k.purpose: k for k in ProfileDirectory(data_dir).wrapped_keys(created.info)}
    assert set(wrapped) == {"passphrase", "recovery"}
    assert keys.unwrap(wrapped["recovery"], created.recovery_code) == \
        keys.unwrap(wrapped["passphrase"], PASSPHRASE)
    assert created.recovery_code not in repr(created)


def test_budget_holder_is_recorded_at_creation(created: CreatedProfile, data_dir: Path) -> None:
    with open_context(data_dir, NAME, PASSPHRASE) as ctx:
        people = ctx.people.list()
        assert ctx.actor == NAME
    assert [(p.name, p.role) for p in people] == [(NAME, Role.BUDGET_HOLDER)]


# --- who may act -------------------------------------------------------------------------------

def test_carer_acts_and_entries_record_them(created: CreatedProfile, data_dir: Path) -> None:
    with open_context(data_dir, NAME, PASSPHRASE) as ctx:
        ctx.people.add("Sam Carer", Role.CARER)
    with open_context(data_dir, NAME, PASSPHRASE, actor="sam carer") as ctx:
        assert ctx.actor == "Sam Carer"  # the recorded spelling
        entry = ctx.ledger.add_entry(DRAFT, TODAY)
        events = ctx.history.events()
    assert entry.created_by == "Sam Carer"
    assert (events[-1].actor, events[-1].entity) == ("Sam Carer", "entry")
    assert any(e.entity == "person_role" and e.actor == NAME for e in events)


def test_someone_not_recorded_cannot_act(created: CreatedProfile, data_dir: Path) -> None:
    with pytest.raises(NotAllowedToAct, match="Stranger"):
        open_profile(data_dir, NAME, PASSPHRASE, actor="Stranger")
    open_profile(data_dir, NAME, PASSPHRASE).close()  # the lock was let go


# --- wrong passphrases -------------------------------------------------------------------------

def _fail(data_dir: Path, clock: FakeClock, times: int) -> None:
    for _ in range(times):
        with pytest.raises(WrongPassphrase):
            open_profile(data_dir, NAME, "wrong passphrase", clock=clock)


def test_too_many_wrong_tries_say_how_long_to_wait(created: CreatedProfile,
                                                   data_dir: Path) -> None:
    clock = FakeClock()
    _fail(data_dir, clock, FREE_ATTEMPTS + 1)
    clock.now += 2
    with pytest.raises(TooManyAttempts, match="Wait 3 seconds"):
        open_profile(data_dir, NAME, PASSPHRASE, clock=clock)  # even the right one waits
    clock.now += 3
    open_profile(data_dir, NAME, PASSPHRASE, clock=clock).close()
    assert not (created.info.folder / ATTEMPTS_FILE).exists()  # reset by the right passphrase


def test_counter_is_kept_in_the_profile_folder(created: CreatedProfile, data_dir: Path) -> None:
    clock = FakeClock()
    _fail(data_dir, clock, 2)
    saved = json.loads((created.info.folder / ATTEMPTS_FILE).read_text())
    assert saved == {"failures": 2, "last_failure": clock.now}
    assert AttemptCounter(created.info.folder, clock).read().failures == 2


# --- one writer at a time ----------------------------------------------------------------------

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


def _start_holder(data_dir: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir), NAME, PASSPHRASE],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "open"
    return child


def test_second_process_is_refused_then_reads_only(created: CreatedProfile,
                                                   data_dir: Path) -> None:
    child = _start_holder(data_dir)
    try:
        with pytest.raises(ProfileInUse, match="read only"):
            open_profile(data_dir, NAME, PASSPHRASE)
        with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as viewer:
            assert viewer.ledger.count() == 0
            with pytest.raises(ReadOnlyProfile):
                viewer.ledger.add_entry(DRAFT, TODAY)
            assert viewer.ledger.count() == 0
            refused = (OperationalError, sqlcipher.OperationalError)
            with pytest.raises(refused, match="readonly"), viewer.store.engine.begin() as conn:
                conn.info["careledger_migrating"] = True  # past the app's guard, as a migration
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
    with open_context(data_dir, NAME, PASSPHRASE) as ctx:  # the stale note is taken over
        ctx.ledger.add_entry(DRAFT, TODAY)
    assert read_holder(created.info.folder) is None  # cleared on a clean close


def test_two_windows_in_one_process_exclude_each_other(created: CreatedProfile,
                                                       data_dir: Path) -> None:
    with open_profile(data_dir, NAME, PASSPHRASE), pytest.raises(ProfileInUse):
        open_profile(data_dir, NAME, PASSPHRASE)


# --- older files -------------------------------------------------------------------------------

def test_older_profile_opened_to_read_is_upgraded_and_keeps_its_holder(
        data_dir: Path, make_old_profile: Callable[[str, str], tuple[ProfileInfo, bytes]]
) -> None:
    info, _key = make_old_profile("Older", "0002")
    with open_context(data_dir, "Older", PASSPHRASE, read_only=True) as ctx:
        people = ctx.people.list()
        assert ctx.actor == "Older"
        assert ctx.history.verify().is_whole
    assert [(p.name, p.role) for p in people] == [("Older", Role.BUDGET_HOLDER)]
    assert (info.folder / "ledger.before-upgrade-from-0002.db").exists()
