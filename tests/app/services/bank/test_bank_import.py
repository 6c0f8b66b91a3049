"""Previewing and committing bank statements into a real encrypted profile."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.audit import first_broken_link
from app.domain.entries import EntryDraft
from app.domain.errors import ValidationError
from app.domain.money import Money
from app.services.bank_import import BankImportService, RowStatus
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.store.models import EntryRow

SAMPLES = Path(__file__).resolve().parents[3] / "fixtures" / "bank"
TODAY = date(2026, 11, 29)


def _preview(service: BankImportService, name: str):  # type: ignore[no-untyped-def]
    data = (SAMPLES / name).read_bytes()
    return service.preview(data, name, service.account_id(None), today=TODAY)


def _entries(profile: OpenProfile) -> list[EntryRow]:
    with profile.session() as s:
        return list(s.scalars(select(EntryRow).order_by(EntryRow.id)))


def test_import_then_again_adds_nothing(profile: OpenProfile) -> None:
    service = BankImportService(profile)
    first = _preview(service, "lloyds.csv")
    assert (first.count(RowStatus.NEW), first.count(RowStatus.DUPLICATE)) == (12, 0)
    result = service.commit(first, today=TODAY)
    assert result.added == 12
    again = _preview(service, "lloyds.csv")
    assert (again.count(RowStatus.NEW), again.count(RowStatus.DUPLICATE)) == (0, 12)
    assert service.commit(again, today=TODAY).added == 0
    rows = _entries(profile)
    assert len(rows) == 12
    assert sum(r.amount.pence for r in rows) == -388199
    assert all(r.import_id for r in rows)


def test_stale_preview_commits_nothing_twice(profile: OpenProfile) -> None:
    service = BankImportService(profile)
    preview = _preview(service, "monzo_3.csv")
    service.commit(preview, today=TODAY)
    second = service.commit(preview, today=TODAY)  # the same preview, committed again
    assert (second.added, second.duplicates) == (0, 9)
    assert len(_entries(profile)) == 9


def test_identical_lines_on_one_day_stay_two_entries(profile: OpenProfile) -> None:
    text = "Date,Description,Amount,Balance\n01/09/2026,BUS,-2.80,10\n01/09/2026,BUS,-2.80,7.20\n"
    service = BankImportService(profile)
    preview = service.preview(text.encode(), "fd.csv", service.account_id(None), today=TODAY)
    assert preview.count(RowStatus.NEW) == 2
    service.commit(preview, today=TODAY)
    again = service.preview(text.encode(), "fd.csv", service.account_id(None), today=TODAY)
    assert again.count(RowStatus.DUPLICATE) == 2


def test_suggests_payee_and_category_from_earlier_entries(profile: OpenProfile) -> None:
    LedgerService(profile).add_entry(
        EntryDraft(date(2026, 8, 1), Money(-2000), "TESCO STORES", "equipment"), today=TODAY)
    service = BankImportService(profile)
    preview = _preview(service, "starling.csv")
    tesco = next(r for r in preview.rows if r.line == 3)
    assert (tesco.payee, tesco.category_code) == ("TESCO STORES", "equipment")
    salary = next(r for r in preview.rows if r.line == 4)
    assert (salary.payee, salary.category_code) == ("ACME LTD", "refund_in")
    edited = preview.with_choice(3, payee="Tesco", category_code="activities")
    service.commit(edited, today=TODAY)
    # The person's correction is what the next statement suggests for the same bank text.
    later = (SAMPLES / "starling.csv").read_text().replace("02/09/2026", "09/09/2026")
    hint = service.preview(later.encode(), "s.csv", 1, today=TODAY).rows[0]
    assert (hint.status, hint.payee, hint.category_code) == (RowStatus.NEW, "Tesco", "activities")


def test_not_allowed_categories_are_never_suggested(profile: OpenProfile) -> None:
    LedgerService(profile).add_entry(
        EntryDraft(date(2026, 8, 1), Money(-2000), "TESCO STORES", "household",
                   approval_reason="agreed"), today=TODAY)
    tesco = _preview(BankImportService(profile), "starling.csv").rows[0]
    assert tesco.category_code == "other_out"


def test_a_bad_edit_stops_the_whole_commit(profile: OpenProfile) -> None:
    service = BankImportService(profile)
    preview = _preview(service, "barclays.csv").with_choice(3, category_code="pa_wages")
    with pytest.raises(ValidationError) as caught:
        service.commit(preview, today=TODAY)
    assert "Line 3" in str(caught.value)
    assert _entries(profile) == []


def test_rows_the_ledger_refuses_are_rejected_in_preview(profile: OpenProfile) -> None:
    text = ("Date,Description,Amount,Balance\n01/09/1999,OLD,-2.80,10\n"
            "01/09/2026,FINE,-1.00,9\n01/09/2031,FUTURE,-2.80,7.20\n")
    service = BankImportService(profile)
    preview = service.preview(text.encode(), "fd.csv", 1, today=TODAY)
    assert [(r.line, r.status) for r in preview.rows] == [
        (2, RowStatus.REJECTED), (3, RowStatus.NEW), (4, RowStatus.REJECTED)]
    assert "2000" in preview.rows[0].reason


def test_one_audit_event_lists_every_imported_entry_and_the_chain_holds(
        profile: OpenProfile) -> None:
    service = BankImportService(profile)
    service.commit(_preview(service, "monzo_3.csv"), today=TODAY)
    events = LedgerService(profile).audit_events()
    imported = [e for e in events if e.action == "import"]
    assert len(imported) == 1
    detail = json.loads(imported[0].detail)
    assert (detail["count"], detail["file"], detail["layout"]) == (9, "monzo_3.csv", "monzo")
    ids = [entry[0] for entry in detail["entries"]]
    assert imported[0].entity_id == f"{ids[0]}-{ids[-1]}"
    assert sorted(r.id for r in _entries(profile)) == ids
    assert first_broken_link(events) is None
    with profile.session() as s:
        assert s.scalar(select(func.count()).where(EntryRow.import_id == "id:tx_0000A1")) == 1


def test_unknown_account_is_a_plain_error(profile: OpenProfile) -> None:
    with pytest.raises(Exception, match="no account called"):
        BankImportService(profile).account_id("Savings")
