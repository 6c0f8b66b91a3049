"""Use cases on "My providers": choose a provider (from the register or by hand), change or
end the arrangement, and set what was paid beside the agreed rate and the CQC rating.

Each call is one unit of work with one audit event per change; callers get frozen records.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.audit import Cause
from app.domain.chosen_providers import (
    ChosenProvider,
    ChosenProviderDraft,
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
from app.services.ledger import now_utc
from app.services.register import ProviderNotFound, RegisterService
from app.store.profile_store import ProfileStore
from app.store.repos import Repos

TABLE = "chosen_provider"


class ChosenProviderNotFound(DomainError):
    pass


def _fields(draft: ChosenProviderDraft) -> dict[str, Any]:
    return {"name": draft.name.strip(), "payee_name": (draft.payee_name or draft.name).strip(),
            "source": draft.source.value, "source_id": draft.source_id.strip(),
            "postcode": draft.postcode.strip().upper(), "kind": draft.kind.value,
            "agreed_hourly_rate": draft.agreed_hourly_rate, "start_date": draft.start,
            "end_date": draft.end, "notes": draft.notes.strip(), "own_rating": draft.own_rating}


def draft_from_register(detail: ProviderDetail, start: date, **fields: Any
                        ) -> ChosenProviderDraft:
    """A draft that snapshots a register entry (name, source, id, postcode)."""
    s = detail.summary
    return ChosenProviderDraft(name=s.name, start=start, source=s.source,
                               source_id=s.source_id, postcode=s.postcode, **fields)


class MyProvidersService:
    def __init__(self, store: ProfileStore, register: RegisterService | None = None) -> None:
        self.store = store
        self.register = register

    # --- changing ------------------------------------------------------------------------

    def add(self, draft: ChosenProviderDraft) -> ChosenProvider:
        validate_draft(draft)
        with self.store.write(Cause("add")) as (repos, writer):
            provider_id = writer.insert(TABLE, {**_fields(draft), "created_at": now_utc()})
            return _found(repos, provider_id)

    def update(self, provider_id: int, draft: ChosenProviderDraft) -> ChosenProvider:
        validate_draft(draft)
        with self.store.write(Cause("change")) as (repos, writer):
            _found(repos, provider_id)
            writer.update(TABLE, (provider_id,), _fields(draft))
            return _found(repos, provider_id)

    def end(self, provider_id: int, on: date) -> ChosenProvider:
        """Stop using a provider from a date; its history and payments stay."""
        current = self.get(provider_id)
        fields = {k: getattr(current, k) for k in (
            "name", "source", "source_id", "postcode", "kind", "payee_name",
            "agreed_hourly_rate", "notes", "own_rating")}
        return self.update(provider_id, ChosenProviderDraft(start=current.start, end=on,
                                                            **fields))

    def remove(self, provider_id: int) -> None:
        """Take a provider off My providers (payments and visits to them stay)."""
        with self.store.write(Cause("delete")) as (repos, writer):
            _found(repos, provider_id)
            writer.delete(TABLE, (provider_id,))

    # --- reading -------------------------------------------------------------------------

    def get(self, provider_id: int) -> ChosenProvider:
        with self.store.read() as repos:
            return _found(repos, provider_id)

    def providers(self, on: date | None = None) -> list[ChosenProvider]:
        """Every chosen provider by name, or only those in use on the day `on`."""
        with self.store.read() as repos:
            records = repos.providers.all()
        return [r for r in records if on is None or r.active_on(on)]

    def payments(self, period: Period) -> dict[str, tuple[Money, int]]:
        """Money out per payee key in the period: (total paid as a positive sum, count)."""
        with self.store.read() as repos:
            return repos.entries.paid_by_payee(period)

    def delivered_minutes(self, period: Period) -> tuple[dict[int, int], dict[str, int]]:
        """Minutes of care delivered in the period, from the services log: by chosen
        provider id, and by provider name for visits not linked to one."""
        with self.store.read() as repos:
            return repos.visits.delivered_minutes(period)

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


def _found(repos: Repos, provider_id: int) -> ChosenProvider:
    provider = repos.providers.get(provider_id)
    if provider is None:
        raise ChosenProviderNotFound(_("That provider is not in My providers."))
    return provider
