"""The council rule chosen for the profile, kept whole in one row."""

from __future__ import annotations

import json

from app.domain.council_rules import CouncilRule, find_template, rule_from_json
from app.store.sql import Connection, scalar

DEFAULT_TEMPLATE = "quarterly_8_weeks"


class RuleRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def row_id(self) -> int | None:
        value: int | None = scalar(self.conn, "SELECT id FROM council_rule ORDER BY id LIMIT 1")
        return value

    def chosen(self) -> CouncilRule:
        text = scalar(self.conn, "SELECT rule_json FROM council_rule ORDER BY id LIMIT 1")
        if text is None:
            return find_template(DEFAULT_TEMPLATE)
        return rule_from_json(json.loads(text))
