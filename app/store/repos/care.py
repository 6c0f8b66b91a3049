"""Care received and who gives it: the services log, payments linked to visits, My providers."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from app.domain.chosen_providers import ChosenProvider, ProviderKind, payee_key
from app.domain.funding import Period
from app.domain.providers import Source
from app.domain.visits import Visit, VisitDraft
from app.store.sql import Connection, day, first, maybe_day, maybe_money, rows

_VISIT = ('v.id, v."on", v.provider_name, v.planned_minutes, v.delivered_minutes, '
          "v.rate_pence, v.missed, v.late, v.note, v.chosen_provider_id")
_PROVIDER = ("id, name, payee_name, source, source_id, postcode, kind, agreed_hourly_rate, "
             "start_date, end_date, notes, own_rating")


def _visit(row: tuple[Any, ...]) -> Visit:
    vid, on, provider, planned, delivered, rate, missed, late, note, chosen = row
    return Visit(vid, VisitDraft(day(on), provider, planned, delivered, rate, bool(missed),
                                 bool(late), note, chosen))


class VisitRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, visit_id: int) -> Visit | None:
        row = first(self.conn, f"SELECT {_VISIT} FROM service_log v WHERE v.id = ?", (visit_id,))
        return None if row is None else _visit(row)

    def between(self, start: date | None = None, end: date | None = None) -> list[Visit]:
        sql = f"SELECT {_VISIT} FROM service_log v WHERE 1"
        params: list[Any] = []
        if start is not None:
            sql += ' AND v."on" >= ?'
            params.append(start.isoformat())
        if end is not None:
            sql += ' AND v."on" <= ?'
            params.append(end.isoformat())
        return [_visit(row) for row in rows(self.conn, sql + ' ORDER BY v."on", v.id', params)]

    def linked_to(self, entry_id: int) -> list[Visit]:
        return [_visit(row) for row in rows(
            self.conn, f"SELECT {_VISIT} FROM service_log v JOIN service_payment l "
                       "ON l.service_log_id = v.id WHERE l.entry_id = ? ORDER BY v.id",
            (entry_id,))]

    def payments_linked(self, period: Period) -> list[tuple[str, int]]:
        """(provider, pence paid) for each payment in the period that covers logged visits;
        a payment covering visits of several providers counts for the first visit's one."""
        seen: set[int] = set()
        found = []
        for entry_id, amount, provider in rows(
                self.conn, "SELECT n.id, n.amount, v.provider_name FROM entry n "
                           "JOIN service_payment l ON l.entry_id = n.id "
                           "JOIN service_log v ON v.id = l.service_log_id "
                           'WHERE n."on" >= ? AND n."on" <= ? ORDER BY n.id, v.id',
                (period.start.isoformat(), period.end.isoformat())):
            if entry_id not in seen:
                seen.add(entry_id)
                found.append((provider, -int(amount)))
        return found

    def delivered_minutes(self, period: Period) -> tuple[dict[int, int], dict[str, int]]:
        """Minutes delivered in the period: by chosen provider id, and by provider name (as
        payee names are compared) for visits not linked to one."""
        by_id: dict[int, int] = defaultdict(int)
        by_name: dict[str, int] = defaultdict(int)
        for provider_id, name, minutes in rows(
                self.conn, "SELECT chosen_provider_id, provider_name, sum(delivered_minutes) "
                           'FROM service_log WHERE "on" >= ? AND "on" <= ? '
                           "GROUP BY chosen_provider_id, provider_name",
                (period.start.isoformat(), period.end.isoformat())):
            if provider_id is not None:
                by_id[provider_id] += int(minutes or 0)
            else:
                by_name[payee_key(name)] += int(minutes or 0)
        return dict(by_id), dict(by_name)


def _provider(row: tuple[Any, ...]) -> ChosenProvider:
    pid, name, payee, source, source_id, postcode, kind, rate, start, end, notes, rating = row
    return ChosenProvider(pid, name, payee, Source(source), source_id, postcode,
                          ProviderKind(kind), maybe_money(rate), day(start), maybe_day(end),
                          notes, rating)


class ProviderRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, provider_id: int) -> ChosenProvider | None:
        row = first(self.conn, f"SELECT {_PROVIDER} FROM chosen_provider WHERE id = ?",
                    (provider_id,))
        return None if row is None else _provider(row)

    def all(self) -> list[ChosenProvider]:
        return [_provider(row) for row in rows(
            self.conn, f"SELECT {_PROVIDER} FROM chosen_provider ORDER BY lower(name), id")]
