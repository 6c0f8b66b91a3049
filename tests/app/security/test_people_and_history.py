"""Who may act, who did what, and finding a change made behind the app's back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from security_helpers import NAME, PASSPHRASE, make_old_profile

from app.domain.entries import EntryDraft
from app.domain.errors import ValidationError
from app.domain.money import Money
from app.domain.roles import Role
from app.services.history import HistoryService
from app.services.ledger import LedgerService
from app.services.people import PeopleService
from app.services.profiles import CreatedProfile, NotAllowedToAct, OpenProfile, open_profile

TODAY = date(2024, 6, 1)


def _entry(pence: int = -2500, payee: str = "Jo Evans (PA)") -> EntryDraft:
    return EntryDraft(date(2024, 5, 3), Money(pence), payee, "pa_wages", "")


def _add_carer(data_dir: Path, name: str = "Sam Carer") -> None:
    with open_profile(data_dir, NAME, PASSPHRASE) as profile:
        PeopleService(profile).add(name, Role.CARER)


def test_budget_holder_is_recorded_at_creation(created: CreatedProfile, data_dir: Path) -> None:
    with open_profile(data_dir, NAME, PASSPHRASE) as profile:
        people = PeopleService(profile).list()
    assert [(p.name, p.role) for p in people] == [(NAME, Role.BUDGET_HOLDER)]
    assert profile.actor == NAME


def test_carer_acts_and_entries_record_them(created: CreatedProfile, data_dir: Path) -> None:
    _add_carer(data_dir)
    with open_profile(data_dir, NAME, PASSPHRASE, actor="sam carer") as profile:
        assert profile.actor == "Sam Carer"  # the recorded spelling
        entry = LedgerService(profile).add_entry(_entry(), TODAY)
        events = HistoryService(profile).events()
    assert entry.created_by == "Sam Carer"
    assert (events[-1].actor, events[-1].entity) == ("Sam Carer", "entry")
    assert any(e.entity == "person_role" and e.actor == NAME for e in events)


def test_someone_not_recorded_cannot_act(created: CreatedProfile, data_dir: Path) -> None:
    with pytest.raises(NotAllowedToAct, match="Stranger"):
        open_profile(data_dir, NAME, PASSPHRASE, actor="Stranger")
    open_profile(data_dir, NAME, PASSPHRASE).close()  # the lock was let go


def test_the_same_person_is_not_added_twice(created: CreatedProfile, data_dir: Path) -> None:
    _add_carer(data_dir)
    with pytest.raises(ValidationError, match="already"):
        _add_carer(data_dir, "SAM CARER")


def _with_entries(data_dir: Path) -> OpenProfile:
    profile = open_profile(data_dir, NAME, PASSPHRASE)
    ledger = LedgerService(profile)
    first = ledger.add_entry(_entry(-2500), TODAY)
    ledger.add_entry(_entry(-3000), TODAY)
    ledger.update_entry(first.id, _entry(-2600), TODAY)
    return profile


def _raw(profile: OpenProfile, sql: str) -> None:
    """Change the file as an attacker with the key would: straight through SQLCipher."""
    path, key = profile.info.database, profile.data_key
    profile.close()
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(sql)
    conn.commit()
    conn.close()


def _verify(data_dir: Path) -> tuple[int | None, list[int]]:
    with open_profile(data_dir, NAME, PASSPHRASE, read_only=True) as profile:
        check = HistoryService(profile).verify()
    broken = check.first_broken.id if check.first_broken else None
    return broken, check.entries_not_matching


def test_untouched_history_verifies(created: CreatedProfile, data_dir: Path) -> None:
    _with_entries(data_dir).close()
    assert _verify(data_dir) == (None, [])


def test_edited_entry_row_is_found(created: CreatedProfile, data_dir: Path) -> None:
    _raw(_with_entries(data_dir), "UPDATE entry SET amount = -1 WHERE id = 2")
    assert _verify(data_dir) == (None, [2])


def test_edited_audit_event_is_the_first_broken_link(created: CreatedProfile,
                                                     data_dir: Path) -> None:
    _raw(_with_entries(data_dir), "UPDATE audit_event SET actor = 'Someone' WHERE id = 3")
    assert _verify(data_dir)[0] == 3


def test_deleted_event_breaks_the_chain_at_the_next(created: CreatedProfile,
                                                    data_dir: Path) -> None:
    _raw(_with_entries(data_dir), "DELETE FROM audit_event WHERE id = 2")
    assert _verify(data_dir)[0] == 3


def test_older_profile_opened_to_read_is_upgraded_and_keeps_its_holder(data_dir: Path) -> None:
    info, _key = make_old_profile(data_dir, "Older", "0002")
    with open_profile(data_dir, "Older", PASSPHRASE, read_only=True) as profile:
        people = PeopleService(profile).list()
        assert profile.actor == "Older"
    assert [(p.name, p.role) for p in people] == [("Older", Role.BUDGET_HOLDER)]
    assert (info.folder / "ledger.before-upgrade-from-0002.db").exists()
