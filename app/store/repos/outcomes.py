"""Outcomes, their ratings and links: queries in, domain objects out."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from app.outcomes.model import Outcome, RatedBy, Rating
from app.outcomes.money import Spend
from app.store.models_outcomes import (
    outcome_entry_table,
    outcome_plan_line_table,
    outcome_rating_table,
    outcome_table,
    outcome_visit_table,
)

OT = outcome_table
PL = outcome_plan_line_table
R = outcome_rating_table
E = outcome_entry_table
V = outcome_visit_table
_RATING = (R.c.id, R.c.outcome_id, R.c.on, R.c.score, R.c.rated_by, R.c.note)


def _rating(row: Any) -> Rating:
    rid, outcome_id, on, score, by, note = row
    return Rating(rid, outcome_id, on, int(score), RatedBy(by), note)


class OutcomeRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Outcome]:
        lines: dict[int, list[int]] = defaultdict(list)
        for outcome_id, line_id in self.conn.execute(
                select(PL.c.outcome_id, PL.c.plan_line_id).order_by(PL.c.plan_line_id)):
            lines[outcome_id].append(line_id)
        ratings: dict[int, list[Rating]] = defaultdict(list)
        for row in self.conn.execute(select(*_RATING).order_by(R.c.on, R.c.id)):
            ratings[row[1]].append(_rating(row))
        rows = self.conn.execute(select(OT.c.id, OT.c.text, OT.c.area_code, OT.c.measure,
                                        OT.c.created_on).order_by(OT.c.id))
        return [Outcome(oid, text, area, measure, created, tuple(lines[oid]),
                        tuple(ratings[oid])) for oid, text, area, measure, created in rows]

    def get(self, outcome_id: int) -> Outcome | None:
        return next((o for o in self.all() if o.id == outcome_id), None)

    def rating(self, rating_id: int) -> Rating | None:
        row = self.conn.execute(select(*_RATING).where(R.c.id == rating_id)).first()
        return None if row is None else _rating(row)

    def outcomes_of_line(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for outcome_id, line_id in self.conn.execute(
                select(PL.c.outcome_id, PL.c.plan_line_id).order_by(PL.c.outcome_id)):
            found[line_id].append(outcome_id)
        return dict(found)

    def entry_outcome(self, entry_id: int) -> int | None:
        return self.conn.execute(select(E.c.outcome_id).where(E.c.entry_id == entry_id)
                                 ).scalar()

    def visit_outcome(self, visit_id: int) -> int | None:
        return self.conn.execute(select(V.c.outcome_id).where(V.c.service_log_id == visit_id)
                                 ).scalar()

    def spends(self, start: date, end: date) -> list[Spend]:
        """Every payment out dated start..end, with its plan line and any outcome link."""
        cursor = self.conn.connection.cursor()
        try:
            rows = cursor.execute(
                'SELECT e.id, e."on", -e.amount, e.payee, e.category_code, e.plan_line_id, '
                "l.outcome_id FROM entry e LEFT JOIN outcome_entry l ON l.entry_id = e.id "
                'WHERE e.amount < 0 AND e."on" BETWEEN ? AND ? ORDER BY e."on", e.id',
                (start.isoformat(), end.isoformat())).fetchall()
        finally:
            cursor.close()
        return [Spend(i, date.fromisoformat(on), int(p), payee, code, line, outcome)
                for i, on, p, payee, code, line, outcome in rows]

    def visits_served(self, start: date, end: date) -> list[tuple[int, int | None, int]]:
        """(visit id, outcome linked directly or None, entry id of a payment covering it or
        0) for each visit dated start..end."""
        cursor = self.conn.connection.cursor()
        try:
            rows = cursor.execute(
                "SELECT s.id, v.outcome_id, coalesce(min(p.entry_id), 0) FROM service_log s "
                "LEFT JOIN outcome_visit v ON v.service_log_id = s.id "
                "LEFT JOIN service_payment p ON p.service_log_id = s.id "
                'WHERE s."on" BETWEEN ? AND ? GROUP BY s.id ORDER BY s.id',
                (start.isoformat(), end.isoformat())).fetchall()
        finally:
            cursor.close()
        return [(int(v), o, int(e)) for v, o, e in rows]
