"""Care received and who gives it: the services log, payments linked to visits, My providers."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from app.domain.chosen_providers import ChosenProvider, ProviderKind, payee_key
from app.domain.funding import Period
from app.domain.providers import Source
from app.domain.visits import Visit, VisitDraft
from app.store.models import entry_table
from app.store.models_bank import service_log_table, service_payment_table
from app.store.models_register import chosen_provider_table

V = service_log_table
L = service_payment_table
P = chosen_provider_table
N = entry_table
_VISIT = (V.c.id, V.c.on, V.c.provider_name, V.c.planned_minutes, V.c.delivered_minutes,
          V.c.rate_pence, V.c.missed, V.c.late, V.c.note, V.c.chosen_provider_id)
_PROVIDER = (P.c.id, P.c.name, P.c.payee_name, P.c.source, P.c.source_id, P.c.postcode,
             P.c.kind, P.c.agreed_hourly_rate, P.c.start_date, P.c.end_date, P.c.notes,
             P.c.own_rating)


def _visit(row: Any) -> Visit:
    return Visit(row[0], VisitDraft(*row[1:]))


class VisitRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, visit_id: int) -> Visit | None:
        row = self.conn.execute(select(*_VISIT).where(V.c.id == visit_id)).first()
        return None if row is None else _visit(row)

    def between(self, start: date | None = None, end: date | None = None) -> list[Visit]:
        query = select(*_VISIT).order_by(V.c.on, V.c.id)
        if start is not None:
            query = query.where(V.c.on >= start)
        if end is not None:
            query = query.where(V.c.on <= end)
        return [_visit(row) for row in self.conn.execute(query)]

    def linked_to(self, entry_id: int) -> list[Visit]:
        query = select(*_VISIT).join(L, L.c.service_log_id == V.c.id).where(
            L.c.entry_id == entry_id).order_by(V.c.id)
        return [_visit(row) for row in self.conn.execute(query)]

    def payments_linked(self, period: Period) -> list[tuple[str, int]]:
        """(provider, pence paid) for each payment in the period that covers logged visits;
        a payment covering visits of several providers counts for the first visit's one."""
        rows = self.conn.execute(
            select(N.c.id, N.c.amount, V.c.provider_name)
            .join(L, L.c.entry_id == N.c.id).join(V, V.c.id == L.c.service_log_id)
            .where(N.c.on >= period.start, N.c.on <= period.end).order_by(N.c.id, V.c.id))
        seen: set[int] = set()
        found = []
        for entry_id, amount, provider in rows:
            if entry_id not in seen:
                seen.add(entry_id)
                found.append((provider, -amount.pence))
        return found

    def delivered_minutes(self, period: Period) -> tuple[dict[int, int], dict[str, int]]:
        """Minutes delivered in the period: by chosen provider id, and by provider name (as
        payee names are compared) for visits not linked to one."""
        rows = self.conn.execute(
            select(V.c.chosen_provider_id, V.c.provider_name, func.sum(V.c.delivered_minutes))
            .where(V.c.on >= period.start, V.c.on <= period.end)
            .group_by(V.c.chosen_provider_id, V.c.provider_name))
        by_id: dict[int, int] = defaultdict(int)
        by_name: dict[str, int] = defaultdict(int)
        for provider_id, name, minutes in rows:
            if provider_id is not None:
                by_id[provider_id] += int(minutes or 0)
            else:
                by_name[payee_key(name)] += int(minutes or 0)
        return dict(by_id), dict(by_name)


def _provider(row: Any) -> ChosenProvider:
    pid, name, payee, source, source_id, postcode, kind, rate, start, end, notes, rating = row
    return ChosenProvider(pid, name, payee, Source(source), source_id, postcode,
                          ProviderKind(kind), rate, start, end, notes, rating)


class ProviderRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, provider_id: int) -> ChosenProvider | None:
        row = self.conn.execute(select(*_PROVIDER).where(P.c.id == provider_id)).first()
        return None if row is None else _provider(row)

    def all(self) -> list[ChosenProvider]:
        rows = self.conn.execute(select(*_PROVIDER).order_by(func.lower(P.c.name), P.c.id))
        return [_provider(row) for row in rows]
