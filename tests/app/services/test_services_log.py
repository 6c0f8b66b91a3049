"""The services log: visits, weekly timesheet, payments against delivered care."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.domain.visits import VisitDraft
from app.services.context import ProfileContext

TODAY = date(2026, 11, 29)


def _visit(on: date, planned: int, delivered: int, **extra: object) -> VisitDraft:
    return VisitDraft(on, "Bright Care Ltd", planned, delivered, 1850, **extra)  # type: ignore[arg-type]


def test_timesheet_is_monday_to_sunday(ctx: ProfileContext) -> None:
    log = ctx.visits
    log.add(_visit(date(2026, 11, 22), 60, 60))  # Sunday before
    a = log.add(_visit(date(2026, 11, 23), 120, 105, late=True))
    b = log.add(_visit(date(2026, 11, 29), 90, 0, missed=True))
    log.add(_visit(date(2026, 11, 30), 60, 60))  # next Monday
    sheet = log.timesheet(date(2026, 11, 26))
    assert sheet.week_start == date(2026, 11, 23)
    assert [v.id for v in sheet.visits] == [a.id, b.id]
    assert (sheet.planned_minutes, sheet.delivered_minutes) == (210, 105)
    assert sheet.cost == Money(3238)  # 1h45 at £18.50 = £32.375, to the nearest penny


def test_payment_against_delivered_hours(ctx: ProfileContext) -> None:
    log = ctx.visits
    visits = [log.add(_visit(date(2026, 11, d), 120, m)) for d, m in ((23, 120), (24, 90))]
    paid = ctx.ledger.add_entry(
        EntryDraft(date(2026, 11, 28), Money(-7400), "Bright Care Ltd", "agency_care"),
        today=TODAY)
    cover = log.link_payment(paid.id, [v.id for v in visits])
    assert (cover.planned_minutes, cover.delivered_minutes) == (240, 210)
    assert cover.paid == Money(7400)
    assert cover.delivered_value == Money(6475)
    assert cover.overpaid == Money(925)  # half an hour invoiced but not delivered
    assert log.linked_visits(paid.id) == [v.id for v in visits]
    # Linking again replaces the earlier choice.
    log.link_payment(paid.id, [visits[0].id])
    assert log.linked_visits(paid.id) == [visits[0].id]


def test_only_payments_take_links(ctx: ProfileContext) -> None:
    visit = ctx.visits.add(_visit(date(2026, 11, 23), 60, 60))
    money_in = ctx.ledger.add_entry(
        EntryDraft(date(2026, 11, 23), Money(5000), "Council", "council_payment"), today=TODAY)
    with pytest.raises(DomainError):
        ctx.visits.link_payment(money_in.id, [visit.id])


def test_a_bad_visit_saves_nothing(ctx: ProfileContext) -> None:
    with pytest.raises(ValidationError):
        ctx.visits.add(VisitDraft(date(2026, 1, 1), " ", 60, 60, 1000))
    assert ctx.visits.visits() == []


def test_update_delete_and_many_at_once(ctx: ProfileContext) -> None:
    log = ctx.visits
    visit = log.add(_visit(date(2026, 11, 23), 60, 60, chosen_provider_id=7))
    changed = log.update(visit.id, _visit(date(2026, 11, 23), 60, 45, note=" short "))
    assert (changed.draft.delivered_minutes, changed.draft.note) == (45, "short")
    log.delete(visit.id)
    assert log.visits() == []
    ids = log.add_many([_visit(date(2026, 11, d), 60, 60) for d in (23, 24, 25)])
    assert [v.id for v in log.visits()] == ids
