"""Verify finds a change made behind the app's back: a record, an event, a removed event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import open_context
from app.services.profiles import CreatedProfile
from app.store.profiles import ProfileInfo
from tests.conftest import NAME, PASSPHRASE

TODAY = date(2025, 6, 1)
Tamper = Callable[[ProfileInfo, str], None]


def _entry(pence: int) -> EntryDraft:
    return EntryDraft(date(2025, 5, 3), Money(pence), "Jo Evans (PA)", "pa_wages", "")


def _with_entries(data_dir: Path) -> None:
    """Events: 1 made, 2 and 3 entries added, 4 the first changed."""
    with open_context(data_dir, NAME, PASSPHRASE) as ctx:
        first = ctx.ledger.add_entry(_entry(-2500), TODAY)
        ctx.ledger.add_entry(_entry(-3000), TODAY)
        ctx.ledger.update_entry(first.id, _entry(-2600), TODAY)


def _verify(data_dir: Path) -> tuple[int | None, list[int]]:
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        check = ctx.history.verify()
    broken = check.first_broken.id if check.first_broken else None
    return broken, check.entries_not_matching


def test_untouched_history_verifies(created: CreatedProfile, data_dir: Path) -> None:
    _with_entries(data_dir)
    assert _verify(data_dir) == (None, [])


def test_edited_entry_row_is_found(created: CreatedProfile, data_dir: Path,
                                   tamper: Tamper) -> None:
    _with_entries(data_dir)
    tamper(created.info, "UPDATE entry SET amount = -1 WHERE id = 2")
    assert _verify(data_dir) == (None, [2])


def test_edited_audit_event_is_the_first_broken_link(created: CreatedProfile, data_dir: Path,
                                                     tamper: Tamper) -> None:
    _with_entries(data_dir)
    tamper(created.info, "UPDATE audit_event SET actor = 'Someone' WHERE id = 3")
    assert _verify(data_dir)[0] == 3


def test_deleted_event_breaks_the_chain_at_the_next(created: CreatedProfile, data_dir: Path,
                                                    tamper: Tamper) -> None:
    _with_entries(data_dir)
    tamper(created.info, "DELETE FROM audit_event WHERE id = 2")
    assert _verify(data_dir)[0] == 3
