"""Payee rules as a table: the bank's words, who they are, the category, learned or added."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.domain.categories import Category
from app.domain.payees import PayeeRule
from app.i18n import _, active_locale, format_date
from ui.models.rows_model import SORT_ROLE, Index, RowsModel


class Col(IntEnum):
    WORDS = 0
    PAYEE = 1
    CATEGORY = 2
    HOW = 3


def column_titles() -> dict[Col, str]:
    return {Col.WORDS: _("Bank lines with the words"), Col.PAYEE: _("Are paid to or from"),
            Col.CATEGORY: _("Category"), Col.HOW: _("How it came")}


class PayeeRulesModel(RowsModel[PayeeRule]):
    def __init__(self, categories: list[Category]) -> None:
        super().__init__(column_titles())
        self._names = {c.code: c.name(active_locale()) for c in categories}

    def set_rules(self, rules: list[PayeeRule]) -> None:
        self._reset(rules)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rule = self._row(index)
        if rule is None:
            return None
        col = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return self._display(rule, col)
        if role == SORT_ROLE:
            return rule.created_at.isoformat() if col is Col.HOW else self._display(rule, col)
        return None

    def _display(self, rule: PayeeRule, col: Col) -> str:
        if col is Col.WORDS:
            return rule.words
        if col is Col.PAYEE:
            return rule.payee
        if col is Col.CATEGORY:
            return self._names.get(rule.category_code or "", _("(as the line is)"))
        made = format_date(rule.created_at.date())
        return (_("Learned from a correction, {date}") if rule.learned
                else _("Added by hand, {date}")).format(date=made)
