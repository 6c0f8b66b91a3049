"""Support-plan lines."""

from __future__ import annotations

from app.domain.plan import PlanLine
from app.store.sql import Connection, maybe_money, rows


class PlanRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def lines(self) -> list[PlanLine]:
        return [PlanLine(i, name, maybe_money(weekly)) for i, name, weekly in rows(
            self.conn, "SELECT id, name, weekly_budget FROM plan_line ORDER BY id")]

    def find(self, name: str) -> PlanLine | None:
        wanted = " ".join(name.split()).casefold()
        return next((line for line in self.lines() if line.name.casefold() == wanted), None)

    def get(self, line_id: int) -> PlanLine | None:
        return next((line for line in self.lines() if line.id == line_id), None)
