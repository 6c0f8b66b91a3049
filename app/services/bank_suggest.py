"""Suggesting payee and category for imported bank lines from what the ledger already says.

An earlier import of the same bank text wins (the person may have corrected payee and category
then); next an entry whose payee is that text. Categories the council must agree are never
suggested (the policy says which): the person chooses those knowingly and gives the reason.
A line nothing is known about goes to "not sorted yet", never to a category needing agreement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, bindparam, text

from app.domain.categories import Direction
from app.domain.policy import Policy

CHUNK = 5000  # texts per query: well under SQLite's limit on bound values
# SQLite gives a bare column the values of the row that max() picked: the latest entry
# (by date, then id) for each text and direction.
_LATEST_BY_PAYEE = text(
    'SELECT payee, category_code, amount > 0, max("on" || printf("%012d", id)) FROM entry '
    'WHERE "on" >= :since AND lower(payee) IN :texts AND category_code IN :codes '

    "GROUP BY lower(payee), amount > 0"
).bindparams(bindparam("texts", expanding=True), bindparam("codes", expanding=True))
_LATEST_BY_MEMO = text(
    'SELECT memo, payee, category_code, amount > 0, max("on" || printf("%012d", id)) FROM entry '
    'WHERE "on" >= :since AND import_id IS NOT NULL AND lower(memo) IN :texts '
    "AND category_code IN :codes "
    "GROUP BY lower(memo), amount > 0"
).bindparams(bindparam("texts", expanding=True), bindparam("codes", expanding=True))

HISTORY = timedelta(days=731)  # how far back suggestions look from a statement's first line


@dataclass(frozen=True)
class Suggestion:
    payee: str
    category_code: str


def _key(value: str) -> str:
    return " ".join(value.casefold().split())


class Suggester:
    def __init__(self, conn: Connection, policy: Policy, texts: Iterable[str],
                 since: date) -> None:
        """Look up entries from `since` on for `texts` (bank and payee texts of one statement).

        A window keeps a long ledger quick (the date index narrows the scan); two years
        still catches yearly bills such as insurance.
        """
        self.policy = policy
        self.by_bank_text: dict[tuple[str, bool], Suggestion] = {}
        self.by_payee: dict[tuple[str, bool], Suggestion] = {}
        # SQLite's lower() folds ASCII only; the texts are lowered the same way here.
        wanted = sorted({t.lower() for t in texts if t})
        usable = [c.code for c in policy.usable_without_reason() if not policy.is_unsorted(c.code)]
        for start in range(0, len(wanted), CHUNK):
            params = {"texts": wanted[start:start + CHUNK], "codes": usable,
                      "since": since.isoformat()}
            for payee, code, incoming, _latest in conn.execute(_LATEST_BY_PAYEE, params):
                self.by_payee[(_key(payee), bool(incoming))] = Suggestion(payee, code)
            for memo, payee, code, incoming, _latest in conn.execute(_LATEST_BY_MEMO, params):
                self.by_bank_text[(_key(memo), bool(incoming))] = Suggestion(payee, code)

    def suggest(self, bank_text: str, payee_text: str, incoming: bool) -> Suggestion:
        for table, value in ((self.by_bank_text, bank_text), (self.by_payee, payee_text)):
            found = table.get((_key(value), incoming))
            if found is not None:
                return found
        return Suggestion(payee_text, self.default_category(incoming))

    def default_category(self, incoming: bool) -> str:
        return self.policy.unsorted_code(Direction.IN if incoming else Direction.OUT)


def bank_text(description: str, reference: str) -> str:
    """What the bank said about a line, kept as the imported entry's memo."""
    if reference and reference.casefold() not in description.casefold():
        return f"{description} ({reference})" if description else reference
    return description
