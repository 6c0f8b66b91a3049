"""Payee rules: bank words -> payee and category."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from app.domain.payees import PayeeRule
from app.store.models_bank import payee_rule_table

P = payee_rule_table
_COLUMNS = (P.c.id, P.c.words, P.c.payee, P.c.category_code, P.c.learned, P.c.created_at)


def _rule(row: Any) -> PayeeRule:
    created = row[5] if isinstance(row[5], datetime) else datetime.fromisoformat(str(row[5]))
    return PayeeRule(row[0], row[1], row[2], row[3], bool(row[4]), created)


class PayeeRuleRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[PayeeRule]:
        return [_rule(r) for r in self.conn.execute(select(*_COLUMNS).order_by(P.c.words))]

    def get(self, rule_id: int) -> PayeeRule | None:
        row = self.conn.execute(select(*_COLUMNS).where(P.c.id == rule_id)).first()
        return None if row is None else _rule(row)

    def by_words(self, words: str) -> PayeeRule | None:
        row = self.conn.execute(select(*_COLUMNS).where(P.c.words == words)).first()
        return None if row is None else _rule(row)
