"""Suggesting payee and category for imported bank lines from what the records already say.

In order: a payee rule (learned from a correction, or typed); an earlier import of the same
bank text (the person may have corrected payee and category then); a payee the records know
(My providers, employer records, HMRC and the like); an entry whose payee is the bank's own
payee text. Categories the council must agree are never suggested (the policy says which):
the person chooses those knowingly and gives the reason. A line nothing is known about goes
to "not sorted yet", never to a category needing agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.categories import Direction
from app.domain.payees import PayeeBook
from app.domain.policy import Policy
from app.store.sql import Connection, marks, rows

CHUNK = 5000  # texts per query: well under SQLite's limit on bound values
# SQLite gives a bare column the values of the row that max() picked: the latest entry
# (by date, then id) for each text and direction.
# ({texts}, {codes}: one "?" per value, filled in per chunk.)
_LATEST_BY_PAYEE = (
    'SELECT payee, category_code, amount > 0, max("on" || printf("%012d", id)) FROM entry '
    'WHERE "on" >= ? AND lower(payee) IN ({texts}) AND category_code IN ({codes}) '
    "GROUP BY lower(payee), amount > 0")
_LATEST_BY_MEMO = (
    'SELECT memo, payee, category_code, amount > 0, max("on" || printf("%012d", id)) FROM entry '
    'WHERE "on" >= ? AND import_id IS NOT NULL AND lower(memo) IN ({texts}) '
    "AND category_code IN ({codes}) GROUP BY lower(memo), amount > 0")

HISTORY = timedelta(days=731)  # how far back suggestions look from a statement's first line


class Source:
    """Where a suggestion came from (shown beside it, so a person knows why)."""

    RULE = "rule"
    EARLIER = "earlier"  # an earlier import of the same bank text
    KNOWN = "known"  # My providers, employer records, common payees
    PAYEE = "payee"  # an entry with the bank's own payee name
    NONE = ""


@dataclass(frozen=True)
class Suggestion:
    payee: str
    category_code: str
    source: str = Source.NONE


def _key(value: str) -> str:
    return " ".join(value.casefold().split())


class Suggester:
    def __init__(self, conn: Connection, policy: Policy, lines: Sequence[tuple[str, str]],
                 since: date, book: PayeeBook | None = None) -> None:
        """Look up entries from `since` on for `lines` ((bank text, payee text) of each line
        of one statement).

        A window keeps a long ledger quick (the date index narrows the scan); two years
        still catches yearly bills such as insurance.
        """
        self.policy = policy
        self.book = book or PayeeBook(())
        self.by_bank_text: dict[tuple[str, bool], Suggestion] = {}
        self.by_payee: dict[tuple[str, bool], Suggestion] = {}
        names = {rule.payee for bank, _payee in lines if (rule := self.book.rule_for(bank))}
        names |= {known.name for bank, payee in lines for way in Direction
                  if (known := self.book.known_for(f"{bank} {payee}", way))}
        # SQLite's lower() folds ASCII only; the texts are lowered the same way here.
        wanted = sorted({t.lower() for pair in lines for t in pair if t} | {n.lower()
                                                                          for n in names})
        usable = [c.code for c in policy.usable_without_reason() if not policy.is_unsorted(c.code)]
        for start in range(0, len(wanted), CHUNK):
            texts = wanted[start:start + CHUNK]
            params = (since.isoformat(), *texts, *usable)
            shape = {"texts": marks(texts), "codes": marks(usable)}
            for payee, code, incoming, _latest in rows(conn, _LATEST_BY_PAYEE.format(**shape),
                                                       params):
                self.by_payee[(_key(payee), bool(incoming))] = Suggestion(payee, code,
                                                                          Source.PAYEE)
            for memo, payee, code, incoming, _latest in rows(
                    conn, _LATEST_BY_MEMO.format(**shape), params):
                self.by_bank_text[(_key(memo), bool(incoming))] = Suggestion(payee, code,
                                                                             Source.EARLIER)

    def suggest(self, bank_text: str, payee_text: str, incoming: bool) -> Suggestion:
        way = Direction.IN if incoming else Direction.OUT
        rule = self.book.rule_for(f"{bank_text} {payee_text}")
        if rule is not None:
            return Suggestion(rule.payee, self._category(rule.category_code, rule.payee, way),
                              Source.RULE)
        earlier = self.by_bank_text.get((_key(bank_text), incoming))
        if earlier is not None:
            return earlier
        known = self.book.known_for(f"{bank_text} {payee_text}", way)
        if known is not None:
            return Suggestion(known.name, self._category(known.category_code, known.name, way),
                              Source.KNOWN)
        found = self.by_payee.get((_key(payee_text), incoming))
        if found is not None:
            return found
        return Suggestion(payee_text, self.default_category(incoming))

    def _category(self, code: str | None, payee: str, way: Direction) -> str:
        """`code` if it fits the line and needs no agreement; else what the payee's latest
        entry was; else not sorted yet."""
        category = self.policy.categories.get(code or "")
        if category is not None and category.direction is way \
                and not self.policy.needs_reason(category.code):
            return category.code
        found = self.by_payee.get((_key(payee), way is Direction.IN))
        return found.category_code if found else self.default_category(way is Direction.IN)

    def default_category(self, incoming: bool) -> str:
        return self.policy.unsorted_code(Direction.IN if incoming else Direction.OUT)


def bank_text(description: str, reference: str) -> str:
    """What the bank said about a line, kept as the imported entry's memo."""
    if reference and reference.casefold() not in description.casefold():
        return f"{description} ({reference})" if description else reference
    return description
