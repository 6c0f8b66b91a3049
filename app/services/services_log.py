"""The services log: care actually received, visit by visit, and what the payments covered."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.domain.audit import Cause
from app.domain.errors import DomainError
from app.domain.money import Money
from app.domain.visits import (
    PaymentCover,
    Timesheet,
    Visit,
    VisitDraft,
    parse_hours,
    validate_visit,
)
from app.i18n import _
from app.services.ledger import now_utc
from app.store.profile_store import ProfileStore
from app.store.repos import Repos

__all__ = ["PaymentCover", "ServicesLogService", "Timesheet", "Visit", "VisitDraft",
           "parse_hours"]


def _fields(draft: VisitDraft) -> dict[str, Any]:
    return {"on": draft.on, "provider_name": draft.provider_name,
            "chosen_provider_id": draft.chosen_provider_id,
            "planned_minutes": draft.planned_minutes,
            "delivered_minutes": draft.delivered_minutes, "rate_pence": draft.rate_pence,
            "missed": draft.missed, "late": draft.late, "note": draft.note}


class ServicesLogService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def add(self, draft: VisitDraft) -> Visit:
        clean = validate_visit(draft)
        with self.store.write(Cause("add")) as (repos, writer):
            visit_id = writer.insert("service_log", {
                **_fields(clean), "created_by": self.store.actor, "created_at": now_utc()})
            return _found(repos, visit_id)

    def add_many(self, drafts: list[VisitDraft]) -> list[int]:
        """Log many visits at once (a timesheet, the demo): one transaction, one event."""
        clean = [validate_visit(d) for d in drafts]
        now = now_utc()
        with self.store.write(Cause("add")) as (_repos, writer):
            return writer.insert_many("service_log", [
                {**_fields(d), "created_by": self.store.actor, "created_at": now}
                for d in clean])

    def update(self, visit_id: int, draft: VisitDraft) -> Visit:
        clean = validate_visit(draft)
        with self.store.write(Cause("change")) as (repos, writer):
            _found(repos, visit_id)
            writer.update("service_log", (visit_id,), _fields(clean))
            return _found(repos, visit_id)

    def delete(self, visit_id: int) -> None:
        with self.store.write(Cause("delete")) as (repos, writer):
            _found(repos, visit_id)
            writer.delete("service_log", (visit_id,))

    def get(self, visit_id: int) -> Visit:
        with self.store.read() as repos:
            return _found(repos, visit_id)

    def visits(self, start: date | None = None, end: date | None = None) -> list[Visit]:
        with self.store.read() as repos:
            return repos.visits.between(start, end)

    def timesheet(self, any_day: date) -> Timesheet:
        """The week (Monday to Sunday) holding `any_day`."""
        monday = any_day - timedelta(days=any_day.weekday())
        return Timesheet(monday, tuple(self.visits(monday, monday + timedelta(days=6))))

    def link_payment(self, entry_id: int, visit_ids: list[int]) -> PaymentCover:
        """Say which visits a payment paid for (replacing any earlier choice)."""
        with self.store.write(Cause("link")) as (repos, writer):
            entry = repos.entries.get(entry_id)
            if entry is None or entry.amount.pence >= 0:
                raise DomainError(_("Choose a payment (money out) to link visits to."))
            for visit_id in visit_ids:
                _found(repos, visit_id)
            writer.delete_where("service_payment", "entry_id", entry_id)
            for visit_id in dict.fromkeys(visit_ids):
                writer.insert("service_payment", {"entry_id": entry_id,
                                                  "service_log_id": visit_id})
        return self.payment_cover(entry_id)

    def linked_visits(self, entry_id: int) -> list[int]:
        with self.store.read() as repos:
            return [v.id for v in repos.visits.linked_to(entry_id)]

    def payment_cover(self, entry_id: int) -> PaymentCover:
        with self.store.read() as repos:
            entry = repos.entries.get(entry_id)
            if entry is None:
                raise DomainError(_("That entry no longer exists. It may have been deleted."))
            visits = repos.visits.linked_to(entry_id)
        return PaymentCover(entry_id, -entry.amount, sum(v.draft.planned_minutes for v in visits),
                            sum(v.draft.delivered_minutes for v in visits),
                            Money(sum(v.cost.pence for v in visits)))


def _found(repos: Repos, visit_id: int) -> Visit:
    visit = repos.visits.get(visit_id)
    if visit is None:
        raise DomainError(_("That visit is no longer in the services log."))
    return visit
