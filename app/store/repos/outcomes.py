"""Outcomes, their ratings and links: queries in, domain objects out."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from app.outcomes.model import Outcome, RatedBy, Rating
from app.outcomes.money import Spend
from app.store.sql import Connection, day, first, rows, scalar

_RATING = 'SELECT id, outcome_id, "on", score, rated_by, note FROM outcome_rating'


def _rating(row: Any) -> Rating:
    rid, outcome_id, on, score, by, note = row
    return Rating(rid, outcome_id, day(on), int(score), RatedBy(by), note)


class OutcomeRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Outcome]:
        lines: dict[int, list[int]] = defaultdict(list)
        for outcome_id, line_id in rows(self.conn, "SELECT outcome_id, plan_line_id FROM "
                                                   "outcome_plan_line ORDER BY plan_line_id"):
            lines[outcome_id].append(line_id)
        ratings: dict[int, list[Rating]] = defaultdict(list)
        for row in rows(self.conn, _RATING + ' ORDER BY "on", id'):
            ratings[row[1]].append(_rating(row))
        return [Outcome(oid, text, area, measure, day(created), tuple(lines[oid]),
                        tuple(ratings[oid])) for oid, text, area, measure, created in rows(
                    self.conn, "SELECT id, text, area_code, measure, created_on FROM outcome "
                               "ORDER BY id")]

    def get(self, outcome_id: int) -> Outcome | None:
        return next((o for o in self.all() if o.id == outcome_id), None)

    def rating(self, rating_id: int) -> Rating | None:
        row = first(self.conn, _RATING + " WHERE id = ?", (rating_id,))
        return None if row is None else _rating(row)

    def outcomes_of_line(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for outcome_id, line_id in rows(self.conn, "SELECT outcome_id, plan_line_id FROM "
                                                   "outcome_plan_line ORDER BY outcome_id"):
            found[line_id].append(outcome_id)
        return dict(found)

    def entry_outcome(self, entry_id: int) -> int | None:
        value: int | None = scalar(self.conn, "SELECT outcome_id FROM outcome_entry "
                                              "WHERE entry_id = ?", (entry_id,))
        return value

    def visit_outcome(self, visit_id: int) -> int | None:
        value: int | None = scalar(self.conn, "SELECT outcome_id FROM outcome_visit "
                                              "WHERE service_log_id = ?", (visit_id,))
        return value

    def spends(self, start: date, end: date) -> list[Spend]:
        """Every payment out dated start..end, with its plan line and any outcome link."""
        return [Spend(i, day(on), int(p), payee, code, line, outcome)
                for i, on, p, payee, code, line, outcome in rows(
                    self.conn, 'SELECT e.id, e."on", -e.amount, e.payee, e.category_code, '
                               "e.plan_line_id, l.outcome_id FROM entry e LEFT JOIN outcome_entry "
                               'l ON l.entry_id = e.id WHERE e.amount < 0 AND e."on" BETWEEN ? '
                               'AND ? ORDER BY e."on", e.id', (start.isoformat(), end.isoformat()))]

    def visits_served(self, start: date, end: date) -> list[tuple[int, int | None, int]]:
        """(visit id, outcome linked directly or None, entry id of a payment covering it or
        0) for each visit dated start..end."""
        return [(int(v), o, int(e)) for v, o, e in rows(
            self.conn, "SELECT s.id, v.outcome_id, coalesce(min(p.entry_id), 0) FROM service_log "
                       "s LEFT JOIN outcome_visit v ON v.service_log_id = s.id "
                       "LEFT JOIN service_payment p ON p.service_log_id = s.id "
                       'WHERE s."on" BETWEEN ? AND ? GROUP BY s.id ORDER BY s.id',
            (start.isoformat(), end.isoformat()))]
