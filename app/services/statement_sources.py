"""What a return takes from other parts of the profile, read in the statement's own session:
evidence names for each entry, and the services log summed per provider.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.chosen_providers import payee_key
from app.domain.funding import Period
from app.domain.money import Money
from app.services.services_log import Visit, VisitDraft
from app.statements.model import ProviderService
from app.store.models import AccountRow, EntryRow
from app.store.models_bank import (
    EvidenceLinkRow,
    EvidenceRow,
    ReconciliationRow,
    ServicePaymentRow,
    ServiceVisitRow,
)

HOURS = Decimal("0.01")


def reconciled_bank_balance(s: Session, day: date) -> Money | None:
    """The bank statement balance on `day` as entered when reconciling: the latest one for
    each account, added up; None unless every account has one for that day."""
    latest: dict[int, Money] = {}
    for account_id, balance in s.execute(
            select(ReconciliationRow.account_id, ReconciliationRow.closing_balance)
            .where(ReconciliationRow.statement_date == day).order_by(ReconciliationRow.id)):
        latest[account_id] = balance
    accounts = set(s.scalars(select(AccountRow.id)))
    if not accounts or set(latest) != accounts:
        return None
    return Money(sum(m.pence for m in latest.values()))


def evidence_refs(s: Session, period: Period) -> dict[int, str]:
    """Entry id -> the names of the receipts and invoices attached to it, in the order added."""
    rows = s.execute(
        select(EvidenceLinkRow.entry_id, EvidenceRow.name)
        .join(EvidenceRow, EvidenceRow.id == EvidenceLinkRow.evidence_id)
        .join(EntryRow, EntryRow.id == EvidenceLinkRow.entry_id)
        .where(EntryRow.on >= period.start, EntryRow.on <= period.end)
        .order_by(EvidenceLinkRow.entry_id, EvidenceRow.id))
    names: dict[int, list[str]] = defaultdict(list)
    for entry_id, name in rows:
        names[entry_id].append(name)
    return {entry_id: ", ".join(found) for entry_id, found in names.items()}


@dataclass
class _Tally:
    planned: int = 0  # minutes
    delivered: int = 0
    value: int = 0  # pence
    paid: int = 0


def service_summaries(s: Session, period: Period) -> tuple[ProviderService, ...] | None:
    """Per provider: visits in the period (hours planned and delivered, their value) beside
    payments in the period linked to that provider's visits (or, with none linked, paid to
    that name). None when nothing is logged."""
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for visit in _visits(s, period):
        tally = tallies[visit.draft.provider_name]
        tally.planned += visit.draft.planned_minutes
        tally.delivered += visit.draft.delivered_minutes
        tally.value += visit.cost.pence
    linked: set[str] = set()
    for provider, paid in _payments(s, period):
        tallies[provider].paid += paid
        linked.add(provider)
    if not tallies:
        return None
    # A provider whose payments were never linked to visits: count what was paid to that
    # name in the period, so the return does not show care delivered and nothing paid.
    by_payee = _paid_by_payee(s, period)
    for provider, tally in tallies.items():
        if provider not in linked:
            tally.paid += by_payee.get(payee_key(provider), 0)
    return tuple(ProviderService(name, _hours(t.planned), _hours(t.delivered), Money(t.value),
                                 Money(t.paid)) for name, t in sorted(tallies.items()))


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(HOURS, rounding=ROUND_HALF_UP)


def _visits(s: Session, period: Period) -> Iterable[Visit]:
    rows = s.scalars(select(ServiceVisitRow).where(ServiceVisitRow.on >= period.start,
                                                   ServiceVisitRow.on <= period.end))
    return [Visit(r.id, VisitDraft(r.on, r.provider_name, r.planned_minutes,
                                   r.delivered_minutes, r.rate_pence, r.missed, r.late))
            for r in rows]


def _paid_by_payee(s: Session, period: Period) -> dict[str, int]:
    """Pence paid out in the period to each payee, keyed as payee names are compared."""
    paid: dict[str, int] = defaultdict(int)
    rows = s.execute(select(EntryRow.payee, EntryRow.amount).where(
        EntryRow.on >= period.start, EntryRow.on <= period.end, EntryRow.amount < 0))
    for payee, amount in rows:
        paid[payee_key(payee)] -= amount.pence
    return paid


def _payments(s: Session, period: Period) -> Iterable[tuple[str, int]]:
    """(provider, pence paid) for each payment in the period that covers logged visits; a
    payment covering visits of several providers counts for the first visit's provider."""
    rows = s.execute(
        select(EntryRow.id, EntryRow.amount, ServiceVisitRow.provider_name)
        .join(ServicePaymentRow, ServicePaymentRow.entry_id == EntryRow.id)
        .join(ServiceVisitRow, ServiceVisitRow.id == ServicePaymentRow.service_log_id)
        .where(EntryRow.on >= period.start, EntryRow.on <= period.end)
        .order_by(EntryRow.id, ServiceVisitRow.id))
    seen: set[int] = set()
    for entry_id, amount, provider in rows:
        if entry_id not in seen:
            seen.add(entry_id)
            yield provider, -amount.pence
