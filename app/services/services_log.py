"""The services log: care actually received, visit by visit, and what the payments covered.

Hours are kept in whole minutes and rates in pence per hour, so the cost of a visit is exact
(rounded to the nearest penny, half up, once per visit).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.i18n import _
from app.services.profiles import OpenProfile
from app.store.audit_log import append_event
from app.store.models import EntryRow
from app.store.models_bank import ServicePaymentRow, ServiceVisitRow

MAX_MINUTES = 24 * 60
MAX_RATE = 100_00  # £100 an hour: above it, a typing slip


@dataclass(frozen=True)
class VisitDraft:
    on: date
    provider_name: str
    planned_minutes: int
    delivered_minutes: int
    rate_pence: int  # per hour
    missed: bool = False
    late: bool = False
    note: str = ""
    chosen_provider_id: int | None = None


@dataclass(frozen=True)
class Visit:
    id: int
    draft: VisitDraft

    @property
    def cost(self) -> Money:
        """Delivered time at the rate, to the nearest penny."""
        return Money((self.draft.delivered_minutes * self.draft.rate_pence + 30) // 60)


@dataclass(frozen=True)
class Timesheet:
    week_start: date  # a Monday
    visits: tuple[Visit, ...]

    @property
    def planned_minutes(self) -> int:
        return sum(v.draft.planned_minutes for v in self.visits)

    @property
    def delivered_minutes(self) -> int:
        return sum(v.draft.delivered_minutes for v in self.visits)

    @property
    def cost(self) -> Money:
        return Money(sum(v.cost.pence for v in self.visits))


@dataclass(frozen=True)
class PaymentCover:
    """An invoice payment beside the visits it pays for."""

    entry_id: int
    paid: Money  # what left the account (a positive figure)
    planned_minutes: int  # hours invoiced: what was booked
    delivered_minutes: int
    delivered_value: Money

    @property
    def overpaid(self) -> Money:
        """Paid beyond the value of care delivered (negative: care not yet paid for)."""
        return self.paid - self.delivered_value


def validate_visit(draft: VisitDraft) -> VisitDraft:
    name = draft.provider_name.strip()
    if not name or len(name) > 200:
        raise ValidationError("provider", _("Say who gave the care (up to 200 letters)."))
    for field, minutes in (("planned", draft.planned_minutes),
                           ("delivered", draft.delivered_minutes)):
        if not 0 <= minutes <= MAX_MINUTES:
            raise ValidationError(field, _("Hours must be between 0 and 24."))
    if not 0 <= draft.rate_pence <= MAX_RATE:
        raise ValidationError("rate", _("The hourly rate must be between £0 and £100."))
    if draft.missed and draft.delivered_minutes:
        raise ValidationError("missed", _("A missed visit has no delivered hours."))
    return VisitDraft(draft.on, name, draft.planned_minutes, draft.delivered_minutes,
                      draft.rate_pence, draft.missed, draft.late, draft.note.strip(),
                      draft.chosen_provider_id)


def _visit(row: ServiceVisitRow) -> Visit:
    return Visit(row.id, VisitDraft(row.on, row.provider_name, row.planned_minutes,
                                    row.delivered_minutes, row.rate_pence, row.missed, row.late,
                                    row.note, row.chosen_provider_id))


def _fields(draft: VisitDraft) -> dict[str, object]:
    return {"on": draft.on, "provider_name": draft.provider_name,
            "chosen_provider_id": draft.chosen_provider_id,
            "planned_minutes": draft.planned_minutes,
            "delivered_minutes": draft.delivered_minutes, "rate_pence": draft.rate_pence,
            "missed": draft.missed, "late": draft.late, "note": draft.note}


def _audit(fields: dict[str, object]) -> dict[str, object]:
    return {**fields, "on": str(fields["on"])}


class ServicesLogService:
    def __init__(self, profile: OpenProfile) -> None:
        self.profile = profile

    def add(self, draft: VisitDraft) -> Visit:
        clean = validate_visit(draft)
        with self.profile.session() as s, s.begin():
            row = ServiceVisitRow(**_fields(clean), created_by=self.profile.actor,
                                  created_at=datetime.now(UTC).replace(tzinfo=None))
            s.add(row)
            s.flush()
            append_event(s, self.profile.actor, "create", "service_log", row.id,
                         _audit(_fields(clean)))
            return _visit(row)

    def update(self, visit_id: int, draft: VisitDraft) -> Visit:
        clean = validate_visit(draft)
        with self.profile.session() as s, s.begin():
            row = self._row(s, visit_id)
            before = _fields(_visit(row).draft)
            for name, value in _fields(clean).items():
                setattr(row, name, value)
            append_event(s, self.profile.actor, "update", "service_log", visit_id,
                         {"before": _audit(before), "after": _audit(_fields(clean))})
            return _visit(row)

    def delete(self, visit_id: int) -> None:
        with self.profile.session() as s, s.begin():
            row = self._row(s, visit_id)
            append_event(s, self.profile.actor, "delete", "service_log", visit_id,
                         {"before": _audit(_fields(_visit(row).draft))})
            s.delete(row)

    def get(self, visit_id: int) -> Visit:
        with self.profile.session() as s:
            return _visit(self._row(s, visit_id))

    def visits(self, start: date | None = None, end: date | None = None) -> list[Visit]:
        query = select(ServiceVisitRow).order_by(ServiceVisitRow.on, ServiceVisitRow.id)
        if start is not None:
            query = query.where(ServiceVisitRow.on >= start)
        if end is not None:
            query = query.where(ServiceVisitRow.on <= end)
        with self.profile.session() as s:
            return [_visit(r) for r in s.scalars(query)]

    def timesheet(self, any_day: date) -> Timesheet:
        """The week (Monday to Sunday) holding `any_day`."""
        monday = any_day - timedelta(days=any_day.weekday())
        return Timesheet(monday, tuple(self.visits(monday, monday + timedelta(days=6))))

    def link_payment(self, entry_id: int, visit_ids: list[int]) -> PaymentCover:
        """Say which visits a payment paid for (replacing any earlier choice)."""
        with self.profile.session() as s, s.begin():
            entry = s.get(EntryRow, entry_id)
            if entry is None or entry.amount.pence >= 0:
                raise DomainError(_("Choose a payment (money out) to link visits to."))
            for visit_id in visit_ids:
                self._row(s, visit_id)
            s.execute(delete(ServicePaymentRow).where(ServicePaymentRow.entry_id == entry_id))
            s.add_all(ServicePaymentRow(entry_id=entry_id, service_log_id=v)
                      for v in dict.fromkeys(visit_ids))
            append_event(s, self.profile.actor, "link", "service_payment", entry_id,
                         {"visit_ids": list(dict.fromkeys(visit_ids))})
        return self.payment_cover(entry_id)

    def linked_visits(self, entry_id: int) -> list[int]:
        with self.profile.session() as s:
            return list(s.scalars(select(ServicePaymentRow.service_log_id).where(
                ServicePaymentRow.entry_id == entry_id).order_by(ServicePaymentRow.service_log_id)))

    def payment_cover(self, entry_id: int) -> PaymentCover:
        with self.profile.session() as s:
            entry = s.get(EntryRow, entry_id)
            if entry is None:
                raise DomainError(_("That entry no longer exists. It may have been deleted."))
            visits = [_visit(r) for r in s.scalars(
                select(ServiceVisitRow).join(ServicePaymentRow).where(
                    ServicePaymentRow.entry_id == entry_id))]
            return PaymentCover(
                entry_id, -entry.amount, sum(v.draft.planned_minutes for v in visits),
                sum(v.draft.delivered_minutes for v in visits),
                Money(sum(v.cost.pence for v in visits)))

    @staticmethod
    def _row(s: Session, visit_id: int) -> ServiceVisitRow:
        row = s.get(ServiceVisitRow, visit_id)
        if row is None:
            raise DomainError(_("That visit is no longer in the services log."))
        return row


def parse_hours(text: str) -> int:
    """'2', '1.5', '1:30' or '0.25' hours to whole minutes."""
    cleaned = (text or "").strip()
    try:
        if ":" in cleaned:
            hours, minutes = cleaned.split(":", 1)
            if not 0 <= int(minutes) < 60:
                raise ValueError(minutes)
            total = int(hours) * 60 + int(minutes)
        else:
            whole, _sep, part = cleaned.partition(".")
            fraction = int(part.ljust(2, "0")[:2]) if part else 0
            total = int(whole or "0") * 60 + (fraction * 60 + 50) // 100
    except ValueError as error:
        raise ValidationError("hours", _("“{text}” is not a number of hours. Type it like 1.5 "
                                         "or 1:30").format(text=cleaned)) from error
    if not cleaned or total < 0:
        raise ValidationError("hours", _("Type a number of hours, like 1.5 or 1:30"))
    return total
