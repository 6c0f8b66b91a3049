"""Use cases on the council's rules: the templates, the chosen rule, the policy from it."""

from __future__ import annotations

import json

from app.domain.audit import Cause
from app.domain.council_rules import CouncilRule, load_templates, rule_to_json
from app.domain.policy import Policy
from app.store.profile_store import ProfileStore


class RulesService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    @staticmethod
    def templates() -> list[CouncilRule]:
        return load_templates()

    def chosen_rule(self) -> CouncilRule:
        with self.store.read() as repos:
            return repos.rules.chosen()

    def policy(self) -> Policy:
        with self.store.read() as repos:
            return repos.policy()

    def choose_rule(self, rule: CouncilRule) -> CouncilRule:
        """Keep `rule` as this profile's one rule."""
        values = {"template_code": rule.code,
                  "rule_json": json.dumps(rule_to_json(rule), ensure_ascii=False)}
        with self.store.write(Cause("change", about={"template": rule.code})) as (
                repos, writer):
            row_id = repos.rules.row_id()
            if row_id is None:
                writer.insert("council_rule", values)
            else:
                writer.update("council_rule", (row_id,), values)
        return rule
