"""Payee rules: bank words -> payee and category."""

from __future__ import annotations

from typing import Any

from app.domain.payees import PayeeRule
from app.store.sql import Connection, first, moment, rows

_COLUMNS = "SELECT id, words, payee, category_code, learned, created_at FROM payee_rule"


def _rule(row: tuple[Any, ...]) -> PayeeRule:
    return PayeeRule(row[0], row[1], row[2], row[3], bool(row[4]), moment(row[5]))


class PayeeRuleRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[PayeeRule]:
        return [_rule(r) for r in rows(self.conn, f"{_COLUMNS} ORDER BY words")]

    def get(self, rule_id: int) -> PayeeRule | None:
        row = first(self.conn, f"{_COLUMNS} WHERE id = ?", (rule_id,))
        return None if row is None else _rule(row)

    def by_words(self, words: str) -> PayeeRule | None:
        row = first(self.conn, f"{_COLUMNS} WHERE words = ?", (words,))
        return None if row is None else _rule(row)
