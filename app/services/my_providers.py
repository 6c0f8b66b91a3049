"""Use cases on "My providers": choose a provider (from the register or by hand), change or
end the arrangement, and set what was paid beside the agreed rate and the CQC rating.

Each call is one unit of work with one audit event per change; callers get frozen records.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.chosen_providers import (
    ChosenProvider,
    ChosenProviderDraft,
    ProviderKind,
    ValueForMoney,
    cost_per_hour,
    cost_per_hour_of_minutes,
    payee_key,
    validate_draft,
)
from app.domain.errors import DomainError
from app.domain.funding import Period
from app.domain.money import Money
from app.domain.providers import ProviderDetail, Source
from app.i18n import _
from app.services.profiles import OpenProfile
from app.services.register import ProviderNotFound, RegisterService
from app.store.audit_log import append_event
from app.store.models import EntryRow
from app.store.models_bank import ServiceVisitRow
from app.store.models_register import ChosenProviderRow

ENTITY = "chosen_provider"


class ChosenProviderNotFound(DomainError):
    pass


def _record(row: ChosenProviderRow) -> ChosenProvider:
    return ChosenProvider(row.id, row.name, row.payee_name, Source(row.source), row.source_id,
                          row.postcode, ProviderKind(row.kind), row.agreed_hourly_rate,
                          row.start_date, row.end_date, row.notes, row.own_rating)


def _snapshot(row: ChosenProviderRow) -> dict[str, Any]:
    rate = row.agreed_hourly_rate
    return {"name": row.name, "payee_name": row.payee_name, "source": row.source,
            "source_id": row.source_id, "postcode": row.postcode, "kind": row.kind,
            "agreed_hourly_rate_pence": rate.pence if rate is not None else None,
            "start": row.start_date.isoformat(),
            "end": row.end_date.isoformat() if row.end_date else None,
            "notes": row.notes, "own_rating": row.own_rating}


def _fill(row: ChosenProviderRow, draft: ChosenProviderDraft) -> None:
    row.name = draft.name.strip()
    row.payee_name = (draft.payee_name or draft.name).strip()
    row.source, row.source_id = draft.source.value, draft.source_id.strip()
    row.postcode, row.kind = draft.postcode.strip().upper(), draft.kind.value
    row.agreed_hourly_rate = draft.agreed_hourly_rate
    row.start_date, row.end_date = draft.start, draft.end
    row.notes, row.own_rating = draft.notes.strip(), draft.own_rating


def draft_from_register(detail: ProviderDetail, start: date, **fields: Any
                        ) -> ChosenProviderDraft:
    """A draft that snapshots a register entry (name, source, id, postcode)."""
    s = detail.summary
    return ChosenProviderDraft(name=s.name, start=start, source=s.source,
                               source_id=s.source_id, postcode=s.postcode, **fields)


class MyProvidersService:
    def __init__(self, profile: OpenProfile, register: RegisterService | None = None) -> None:
        self.profile = profile
        self.register = register

    # --- changing ------------------------------------------------------------------------

    def add(self, draft: ChosenProviderDraft) -> ChosenProvider:
        validate_draft(draft)
        with self.profile.session() as s, s.begin():
            row = ChosenProviderRow(created_at=datetime.now(UTC).replace(tzinfo=None))
            _fill(row, draft)
            s.add(row)
            s.flush()
            append_event(s, self.profile.actor, "add", ENTITY, row.id, _snapshot(row))
            return _record(row)

    def update(self, provider_id: int, draft: ChosenProviderDraft) -> ChosenProvider:
        validate_draft(draft)
        with self.profile.session() as s, s.begin():
            row = self._row(s, provider_id)
            before = _snapshot(row)
            _fill(row, draft)
            append_event(s, self.profile.actor, "update", ENTITY, row.id,
                         {"before": before, "after": _snapshot(row)})
            return _record(row)

    def end(self, provider_id: int, on: date) -> ChosenProvider:
        """Stop using a provider from a date; its history and payments stay."""
        current = self.get(provider_id)
        fields = {k: getattr(current, k) for k in (
            "name", "source", "source_id", "postcode", "kind", "payee_name",
            "agreed_hourly_rate", "notes", "own_rating")}
        return self.update(provider_id, ChosenProviderDraft(start=current.start, end=on,
                                                            **fields))

    # --- reading -------------------------------------------------------------------------

    def get(self, provider_id: int) -> ChosenProvider:
        with self.profile.session() as s:
            return _record(self._row(s, provider_id))

    def providers(self, on: date | None = None) -> list[ChosenProvider]:
        """Every chosen provider by name, or only those in use on the day `on`."""
        with self.profile.session() as s:
            rows = s.scalars(select(ChosenProviderRow).order_by(
                func.lower(ChosenProviderRow.name), ChosenProviderRow.id))
            records = [_record(r) for r in rows]
        return [r for r in records if on is None or r.active_on(on)]

    def payments(self, period: Period) -> dict[str, tuple[Money, int]]:
        """Money out per payee key in the period: (total paid as a positive sum, count)."""
        with self.profile.session() as s:
            rows = s.execute(
                select(EntryRow.payee, func.sum(EntryRow.amount), func.count(EntryRow.id))
                .where(EntryRow.amount < 0, EntryRow.on >= period.start,
                       EntryRow.on <= period.end)
                .group_by(EntryRow.payee)).all()
        totals: dict[str, tuple[Money, int]] = {}
        for payee, total, number in rows:
            pence = total.pence if isinstance(total, Money) else int(total or 0)
            paid, count = totals.get(payee_key(payee), (Money(0), 0))
            totals[payee_key(payee)] = (Money(paid.pence - pence), count + int(number))
        return totals

    def delivered_minutes(self, period: Period) -> tuple[dict[int, int], dict[str, int]]:
        """Minutes of care delivered in the period, from the services log: by chosen
        provider id, and by provider name for visits not linked to one."""
        with self.profile.session() as s:
            rows = s.execute(
                select(ServiceVisitRow.chosen_provider_id, ServiceVisitRow.provider_name,
                       func.sum(ServiceVisitRow.delivered_minutes))
                .where(ServiceVisitRow.on >= period.start, ServiceVisitRow.on <= period.end)
                .group_by(ServiceVisitRow.chosen_provider_id, ServiceVisitRow.provider_name)
            ).all()
        by_id: dict[int, int] = {}
        by_name: dict[str, int] = {}
        for provider_id, name, minutes in rows:
            if provider_id is not None:
                by_id[provider_id] = by_id.get(provider_id, 0) + int(minutes or 0)
            else:
                by_name[payee_key(name)] = by_name.get(payee_key(name), 0) + int(minutes or 0)
        return by_id, by_name

    def value_for_money(self, provider_id: int, period: Period | None = None,
                        hours_delivered: Decimal | None = None,
                        today: date | None = None) -> ValueForMoney:
        """Paid in the period (default: the whole arrangement up to today) per hour delivered.

        Hours come from the services log unless the caller gives them; with neither, the
        cost per hour stays blank.
        """
        provider = self.get(provider_id)
        end = provider.end or today or date.today()
        period = period or Period(provider.start, max(end, provider.start))
        return self._value(provider, self.payments(period), self.delivered_minutes(period),
                           hours_delivered)

    def value_for_money_all(self, period: Period,
                            hours: Mapping[int, Decimal] | None = None) -> list[ValueForMoney]:
        """Every chosen provider over one period (one ledger and one log query for all)."""
        hours = hours or {}
        paid, minutes = self.payments(period), self.delivered_minutes(period)
        return [self._value(p, paid, minutes, hours.get(p.id)) for p in self.providers()]

    def _value(self, provider: ChosenProvider, payments: dict[str, tuple[Money, int]],
               logged: tuple[dict[int, int], dict[str, int]],
               hours: Decimal | None) -> ValueForMoney:
        paid, count = payments.get(payee_key(provider.payee_name), (Money(0), 0))
        rating, rating_date = self._rating(provider)
        if hours is not None:
            return ValueForMoney(provider, paid, count, hours, cost_per_hour(paid, hours),
                                 provider.agreed_hourly_rate, rating, rating_date)
        by_id, by_name = logged
        minutes = by_id.get(provider.id, 0) + by_name.get(payee_key(provider.name), 0)
        if payee_key(provider.payee_name) != payee_key(provider.name):
            minutes += by_name.get(payee_key(provider.payee_name), 0)
        return ValueForMoney(provider, paid, count,
                             Decimal(minutes) / 60 if minutes else None,
                             cost_per_hour_of_minutes(paid, minutes),
                             provider.agreed_hourly_rate, rating, rating_date,
                             hours_from_log=minutes > 0)

    def _rating(self, provider: ChosenProvider) -> tuple[str, date | None]:
        if self.register is None or provider.source is Source.MANUAL:
            return "", None
        try:
            summary = self.register.provider(provider.source.value, provider.source_id).summary
        except ProviderNotFound:
            return "", None
        return summary.rating, summary.rating_date

    def _row(self, s: Session, provider_id: int) -> ChosenProviderRow:
        row = s.get(ChosenProviderRow, provider_id)
        if row is None:
            raise ChosenProviderNotFound(_("That provider is not in My providers."))
        return row
