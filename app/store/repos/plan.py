"""Support-plan lines."""

from __future__ import annotations

from sqlalchemy import Connection, select

from app.domain.plan import PlanLine
from app.store.models import plan_line_table

T = plan_line_table


class PlanRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def lines(self) -> list[PlanLine]:
        rows = self.conn.execute(select(T.c.id, T.c.name, T.c.weekly_budget).order_by(T.c.id))
        return [PlanLine(*row) for row in rows]

    def find(self, name: str) -> PlanLine | None:
        wanted = " ".join(name.split()).casefold()
        return next((line for line in self.lines() if line.name.casefold() == wanted), None)

    def get(self, line_id: int) -> PlanLine | None:
        return next((line for line in self.lines() if line.id == line_id), None)
