"""Suggesting payee and category for imported bank lines from what the ledger already says.

An earlier import of the same bank text wins (the person may have corrected payee and category
then); next an entry whose payee is that text. Categories the council does not allow are never
suggested: the person must choose those knowingly.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.domain.categories import Category, Direction, Permission

DEFAULT_IN = "refund_in"
DEFAULT_OUT = "other_out"


@dataclass(frozen=True)
class Suggestion:
    payee: str
    category_code: str


def _key(value: str) -> str:
    return " ".join(value.casefold().split())


class Suggester:
    def __init__(self, conn: Connection, categories: dict[str, Category]) -> None:
        self.categories = categories
        self.by_bank_text: dict[tuple[str, bool], Suggestion] = {}
        self.by_payee: dict[tuple[str, bool], Suggestion] = {}
        # One pass, oldest first, so the most recent entry for a text wins.
        result = conn.exec_driver_sql(
            'SELECT payee, category_code, memo, import_id IS NOT NULL, amount > 0 '
            'FROM entry ORDER BY "on", id')
        for payee, code, memo, imported, incoming in result:
            if not self._usable(code):
                continue
            suggestion = Suggestion(payee, code)
            self.by_payee[(_key(payee), bool(incoming))] = suggestion
            if imported and memo:
                self.by_bank_text[(_key(memo), bool(incoming))] = suggestion

    def _usable(self, code: str) -> bool:
        category = self.categories.get(code)
        return category is not None and category.permission is not Permission.NOT_ALLOWED

    def suggest(self, bank_text: str, payee_text: str, incoming: bool) -> Suggestion:
        for table, value in ((self.by_bank_text, bank_text), (self.by_payee, payee_text)):
            found = table.get((_key(value), incoming))
            if found is not None:
                return found
        return Suggestion(payee_text, self.default_category(incoming))

    def default_category(self, incoming: bool) -> str:
        wanted = DEFAULT_IN if incoming else DEFAULT_OUT
        if wanted in self.categories:
            return wanted
        direction = Direction.IN if incoming else Direction.OUT
        return next(c.code for c in self.categories.values() if c.direction is direction)


def bank_text(description: str, reference: str) -> str:
    """What the bank said about a line, kept as the imported entry's memo."""
    if reference and reference.casefold() not in description.casefold():
        return f"{description} ({reference})" if description else reference
    return description
