"""Recognising any sensible CSV's columns from its header words and its values, unasked.

Each role (date, amount, money out, ...) is looked for first by the words banks use in their
headers, in any common wording ("Paid out (£)", "Debit Amount", "Withdrawals"), and the
column's values must agree (a date column holds dates, an amount column amounts). What the
header does not name is found from the values alone, but only when there is one clear answer:
two unnamed columns of figures could each be the amount, so then the person is asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.importers.bank.mapping import ColumnMapping
from app.importers.bank.text import Record, clean
from app.importers.bank.values import (
    COMMON_DATE_FORMATS,
    BadValue,
    direction_of,
    parse_amount,
    parse_bank_date,
)

SAMPLE = 60  # data lines looked at: enough to judge a column, quick on a long file
_MOSTLY = 0.8  # found from values alone: nearly every value must agree
_NAMED = 0.5  # named by the header: most values must agree (a file may have bad lines)

# Header words for each role, most likely first. One-word names that are also common inside
# other headers ("in", "out", "name", "type") count only when they are the whole header.
_PHRASES: dict[str, tuple[str, ...]] = {
    "date": ("transaction date", "date of transaction", "trans date", "txn date", "tx date",
             "date", "completed date", "posting date", "posted date", "date posted",
             "booking date", "value date", "started date", "created", "posted", "when"),
    "money_out": ("debit amount", "paid out", "money out", "amount out", "debits", "debit",
                  "withdrawals", "withdrawal", "payments out", "payments", "outgoings",
                  "outflow", "spent", "spending", "out", "dr"),
    "money_in": ("credit amount", "paid in", "money in", "amount in", "credits", "credit",
                 "deposits", "deposit", "receipts", "payments in", "income", "inflow",
                 "received", "in", "cr"),
    "amount": ("amount", "transaction amount", "bill amount", "billing amount", "tx amount",
               "net amount", "value", "debit/credit", "credit/debit", "sum", "how much"),
    "balance": ("balance", "running balance", "running total", "closing balance",
                "actual balance", "balance after", "available balance"),
    "direction": ("debit/credit", "credit/debit", "dr/cr", "cr/dr", "d/c", "c/d",
                  "debit or credit", "credit or debit", "in/out", "type", "transaction type"),
    "status": ("status", "transaction status", "state", "transaction state"),
    "bank_id": ("transaction id", "fitid", "transaction number", "id"),
    "payee": ("counter party", "counterparty", "payee", "payee name", "merchant name",
              "merchant", "beneficiary", "recipient", "paid to", "name", "who"),
    "description": ("transaction description", "description", "details", "transaction details",
                    "narrative", "merchant/description", "memo", "particulars",
                    "transaction narrative", "information", "text"),
    "reference": ("reference", "payment reference", "ref", "transaction type", "type",
                  "notes", "note"),
}
_EXACT_ONLY = {"in", "out", "cr", "dr", "id", "name", "type", "ref", "value", "sum", "when",
               "who", "text", "d/c", "c/d", "note", "notes", "date", "state"}
_NOISE = re.compile(r"\((?:£|gbp)\)|£|\bgbp\b|[^\w/ ]")
_FIGURE = re.compile(r"[\s'£+(-]*[0-9][0-9.,\s]*\)?\s*(?:CR|DR)?", re.IGNORECASE)


def header_words(name: str) -> str:
    """A header without currency marks and punctuation: "Paid out (£)" -> "paid out"."""
    return " ".join(_NOISE.sub(" ", name.casefold()).split())


@dataclass(frozen=True)
class _Column:
    index: int
    name: str
    filled: int = 0
    dates: int = 0
    amounts: int = 0
    numbers: int = 0  # look like figures, even if not well-formed ones ("1.234")
    directions: int = 0
    text_length: float = 0.0

    def mostly(self, count: int, share: float = _MOSTLY) -> bool:
        return self.filled > 0 and count >= share * self.filled

    @property
    def is_date(self) -> bool:
        return self.mostly(self.dates)

    @property
    def is_amount(self) -> bool:
        return self.mostly(self.amounts) and not self.is_date

    @property
    def is_text(self) -> bool:
        return not self.is_date and not self.is_amount and self.text_length >= 2


def _profile(index: int, name: str, data: Sequence[Record]) -> _Column:
    values = [clean(r.fields[index]) for r in data if index < len(r.fields)]
    values = [v for v in values if v and v.casefold() != "pending"]
    return _Column(index, name, len(values),
                   sum(1 for v in values if _is_date(v)),
                   sum(1 for v in values if _is_amount(v)),
                   sum(1 for v in values if _FIGURE.fullmatch(v)),
                   sum(1 for v in values if direction_of(v) is not None),
                   sum(len(v) for v in values) / len(values) if values else 0.0)


def _is_date(text: str) -> bool:
    try:
        parse_bank_date(text, COMMON_DATE_FORMATS)
    except BadValue:
        return False
    return True


def _is_amount(text: str) -> bool:
    try:
        parse_amount(text)
    except BadValue:
        return False
    return any(ch.isdigit() for ch in text)


# Whole headers that mean one thing only ("Paid out"): believed whatever the values, so a
# file whose lines are broken has each line rejected with its reason, not the column lost.
# Those that could mean more than one ("Debit/Credit": an amount or a direction; "Type")
# go by the values.
_ONE_MEANING = {phrase for role, phrases in _PHRASES.items() for phrase in phrases
                if sum(phrase in other for other in _PHRASES.values()) == 1
                and role in ("money_out", "money_in", "amount", "balance", "date")}


def _trusted(role: str, name: str) -> bool:
    return name in _ONE_MEANING and name in _PHRASES[role]


def _score(role: str, name: str) -> int:
    """How well a header names a role: 100 and down for the whole header, 50 and down for a
    header that has the words inside it, 0 for no match."""
    for rank, phrase in enumerate(_PHRASES[role]):
        if name == phrase:
            return 100 - rank
        if phrase not in _EXACT_ONLY and re.search(rf"(^| ){re.escape(phrase)}( |$)", name):
            return 50 - rank
    return 0


def _fits(role: str, column: _Column, rows: int) -> bool:
    """Do the values agree with the role the header gave?"""
    # A named money column needs figures, not words; a badly written figure ("1.234") is
    # still a figure, to be rejected with its line rather than the column refused.
    dates, figures = column.mostly(column.dates, _NAMED), column.mostly(column.numbers, _NAMED)
    if role == "date":
        return dates
    if role in ("money_out", "money_in"):
        return column.filled == 0 or (figures and not dates)
    if role in ("amount", "balance"):
        return figures and not dates and column.filled * 2 >= rows
    if role == "direction":
        return column.filled > 0 and column.directions >= 0.9 * column.filled
    if role == "status":
        return column.filled == 0 or (not column.is_amount and not column.is_date)
    return not column.is_date or role == "reference"


def guess(key: tuple[str, ...], data: Sequence[Record] = ()) -> ColumnMapping | None:
    """A mapping from the header words and the first lines' values, or None when the date,
    an amount or the text cannot be placed without doubt."""
    sample = list(data[:SAMPLE])
    width = max([len(key), *(len(r.fields) for r in sample)], default=0)
    names = [header_words(key[i]) if i < len(key) else "" for i in range(width)]
    columns = [_profile(i, names[i], sample) for i in range(width)]
    found = _by_header(columns, len(sample))
    if not _by_values(found, columns, len(sample), sample):
        # Values too broken to judge: a header that names everything is still believed (each
        # bad line is then rejected with its reason, rather than the whole file refused).
        found = _by_header(columns, 0)
        if not _by_values(found, [], 0):
            return None
    if "money_out" in found or "money_in" in found:
        found.pop("amount", None)  # separate in/out columns win over a vague "value"
    return ColumnMapping.from_json(dict(found))


def _by_header(columns: list[_Column], rows: int) -> dict[str, int]:
    found: dict[str, int] = {}
    taken: set[int] = set()
    for role in ("date", "money_out", "money_in", "amount", "balance", "direction", "status",
                 "bank_id", "payee", "description", "reference"):
        scored = [(_score(role, c.name), -c.index, c) for c in columns if c.index not in taken]
        # With no lines to look at (a header alone), the header's word is all there is.
        scored = [s for s in scored if s[0] > 0 and (rows == 0 or _trusted(role, s[2].name)
                                                    or _fits(role, s[2], rows))]
        if scored:
            best = max(scored, key=lambda s: (s[0], s[1]))[2]
            found[role] = best.index
            taken.add(best.index)
    if "direction" in found and "amount" not in found and not (
            "money_out" in found or "money_in" in found):
        found.pop("direction")  # a "type" column of words, with no amount to give a way to
    return found


def _by_values(found: dict[str, int], columns: list[_Column], rows: int,
               data: Sequence[Record] = ()) -> bool:
    """Fill date, amount and text from the values where the header did not name them."""
    taken = set(found.values())
    free = [c for c in columns if c.index not in taken]
    if "date" not in found:
        dates = [c for c in free if c.is_date]
        if not dates:
            return False
        found["date"] = dates[0].index  # the first: a transaction date comes before posting
        taken.add(dates[0].index)
    has_money = any(r in found for r in ("amount", "money_out", "money_in"))
    if not has_money:
        figures = [c.index for c in columns if c.index not in taken and c.is_amount
                   and c.filled * 2 >= rows]
        if len(figures) == 2 and "balance" not in found:
            figures = _amount_and_balance(figures, data, found)
        if len(figures) != 1:
            return False  # none, or two that could each be the amount: ask the person
        found["amount"] = figures[0]
        taken.update(found.values())
    if "description" not in found:
        for role in ("reference", "payee"):
            if role in found:
                found["description"] = found[role]
                return True
        texts = [c for c in columns if c.index not in taken and c.is_text]
        if not texts:
            return False
        found["description"] = max(texts, key=lambda c: (c.text_length, -c.index)).index
    return True


def _amount_and_balance(pair: list[int], data: Sequence[Record], found: dict[str, int]
                        ) -> list[int]:
    """Of two columns of figures, the amount, when the other is plainly its running balance
    (each balance is the one before it plus the line's amount, in one order or the other);
    `found` gains the balance. Both, unchanged, when that does not settle it."""
    answers = [(a, b) for a, b in (pair, pair[::-1]) if _adds_up(a, b, data)]
    if len(answers) != 1:
        return pair
    amount, balance = answers[0]
    found["balance"] = balance
    return [amount]


def _adds_up(amount: int, balance: int, data: Sequence[Record]) -> bool:
    try:
        pairs = [(parse_amount(r.fields[amount]), parse_amount(r.fields[balance]))
                 for r in data if max(amount, balance) < len(r.fields)]
    except BadValue:
        return False
    steps = list(zip(pairs, pairs[1:], strict=False))
    return bool(steps) and (all(b2 - b1 == a2 for (_a1, b1), (a2, b2) in steps)
                            or all(b1 - b2 == a1 for (a1, b1), (_a2, b2) in steps))


def looks_like_data(record: Record) -> bool:
    """A first line that is a transaction, not a header: it has a date and an amount."""
    cells = [clean(f) for f in record.fields]
    dated = [i for i, c in enumerate(cells) if c and _is_date(c)]
    return bool(dated) and any(_is_amount(c) for i, c in enumerate(cells)
                               if c and i not in dated)
