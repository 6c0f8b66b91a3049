"""The services log: visits, weekly timesheet, payments against delivered care."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.services.services_log import ServicesLogService, VisitDraft, parse_hours

TODAY = date(2026, 11, 29)


def _visit(on: date, planned: int, delivered: int, **extra: object) -> VisitDraft:
    return VisitDraft(on, "Bright Care Ltd", planned, delivered, 1850, **extra)  # type: ignore[arg-type]


def test_timesheet_is_monday_to_sunday(profile: OpenProfile) -> None:
    log = ServicesLogService(profile)
    log.add(_visit(date(2026, 11, 22), 60, 60))  # Sunday before
    a = log.add(_visit(date(2026, 11, 23), 120, 105, late=True))
    b = log.add(_visit(date(2026, 11, 29), 90, 0, missed=True))
    log.add(_visit(date(2026, 11, 30), 60, 60))  # next Monday
    sheet = log.timesheet(date(2026, 11, 26))
    assert sheet.week_start == date(2026, 11, 23)
    assert [v.id for v in sheet.visits] == [a.id, b.id]
    assert (sheet.planned_minutes, sheet.delivered_minutes) == (210, 105)
    assert sheet.cost == Money(3238)  # 1h45 at £18.50 = £32.375, to the nearest penny


def test_payment_against_delivered_hours(profile: OpenProfile) -> None:
    log = ServicesLogService(profile)
    visits = [log.add(_visit(date(2026, 11, d), 120, m)) for d, m in ((23, 120), (24, 90))]
    paid = LedgerService(profile).add_entry(
        EntryDraft(date(2026, 11, 28), Money(-7400), "Bright Care Ltd", "agency_care"),
        today=TODAY)
    cover = log.link_payment(paid.id, [v.id for v in visits])
    assert (cover.planned_minutes, cover.delivered_minutes) == (240, 210)
    assert cover.paid == Money(7400)
    assert cover.delivered_value == Money(6475)
    assert cover.overpaid == Money(925)  # half an hour invoiced but not delivered
    assert log.linked_visits(paid.id) == [v.id for v in visits]


def test_only_payments_take_links(profile: OpenProfile) -> None:
    log = ServicesLogService(profile)
    visit = log.add(_visit(date(2026, 11, 23), 60, 60))
    money_in = LedgerService(profile).add_entry(
        EntryDraft(date(2026, 11, 23), Money(5000), "Council", "council_payment"), today=TODAY)
    with pytest.raises(DomainError):
        log.link_payment(money_in.id, [visit.id])


@pytest.mark.parametrize("draft", [
    VisitDraft(date(2026, 1, 1), " ", 60, 60, 1000),
    VisitDraft(date(2026, 1, 1), "PA", 60 * 25, 60, 1000),
    VisitDraft(date(2026, 1, 1), "PA", 60, 60, 100_01),
    VisitDraft(date(2026, 1, 1), "PA", 60, 30, 1000, missed=True),
])
def test_bad_visits_are_refused(profile: OpenProfile, draft: VisitDraft) -> None:
    with pytest.raises(ValidationError):
        ServicesLogService(profile).add(draft)
    assert ServicesLogService(profile).visits() == []


def test_update_and_delete(profile: OpenProfile) -> None:
    log = ServicesLogService(profile)
    visit = log.add(_visit(date(2026, 11, 23), 60, 60, chosen_provider_id=7))
    changed = log.update(visit.id, _visit(date(2026, 11, 23), 60, 45, note=" short "))
    assert (changed.draft.delivered_minutes, changed.draft.note) == (45, "short")
    log.delete(visit.id)
    assert log.visits() == []


@pytest.mark.parametrize(("text", "minutes"), [("2", 120), ("1.5", 90), ("1:30", 90),
                                                ("0.25", 15), (".5", 30)])
def test_parse_hours(text: str, minutes: int) -> None:
    assert parse_hours(text) == minutes


@pytest.mark.parametrize("text", ["", "two", "1:75", "-1", "1:-5"])
def test_parse_hours_refuses(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_hours(text)
