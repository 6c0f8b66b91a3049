"""The council rule chosen for the profile, kept whole in one row."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from app.domain.council_rules import CouncilRule, find_template, rule_from_json
from app.store.models import council_rule_table

T = council_rule_table
DEFAULT_TEMPLATE = "quarterly_8_weeks"


class RuleRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def row_id(self) -> int | None:
        value: int | None = self.conn.execute(select(T.c.id).order_by(T.c.id).limit(1)).scalar()
        return value

    def chosen(self) -> CouncilRule:
        text = self.conn.execute(select(T.c.rule_json).order_by(T.c.id).limit(1)).scalar()
        if text is None:
            return find_template(DEFAULT_TEMPLATE)
        return rule_from_json(json.loads(text))
