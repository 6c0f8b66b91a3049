"""Matching bank lines to entries already in the ledger, so nothing is counted twice.

A bank line and an entry can be the same payment only when the amounts are exactly equal
(same pence, same way: money in never matches money out) and the dates are at most a few
days apart. Among those, payee likeness (rapidfuzz's token set ratio over the words that say
who, initials spelt out) and closeness of dates rank the pairs, and each line and each
entry is matched at most once: the best pairs first. A match is certain when the payees are
alike and no other pair that would record something different comes close; otherwise it
is shown to the person to accept or refuse.

An entry that itself came from the bank (imported, or matched before) can only be a line of
another file or format of the same account, so it is a candidate only when one of its bank
dates falls inside the dates the new file covers: a new file cannot hold a payment from
before it starts, and so a bus fare two days after last month's never swallows it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from app.domain.chosen_providers import payee_key
from app.domain.payees import with_initials_spelt, words_of

ALIKE = 70  # payee likeness (0-100) from which a match needs no checking
CLOSE = 15  # a rival pair this near in score makes a match uncertain
PER_DAY = 5  # score lost for each day between the dates


@dataclass(frozen=True)
class BankLine:
    key: int  # the line number in the file
    on: date
    pence: int
    texts: tuple[str, ...]  # what the bank says: description, its payee, reference
    payee_hint: str = ""  # who the rules or history say it is


@dataclass(frozen=True)
class LedgerEntry:
    entry_id: int
    on: date
    pence: int
    payee: str
    memo: str = ""
    bank_dates: tuple[date, ...] = ()  # empty: typed by hand, never seen on a bank file
    category_code: str = ""


@dataclass(frozen=True)
class Match:
    line: int
    entry_id: int
    days: int
    likeness: int
    certain: bool


def likeness(line: BankLine, entry: LedgerEntry) -> int:
    """How alike the line's payee and the entry's are, 0 to 100."""
    if line.payee_hint and payee_key(line.payee_hint) == payee_key(entry.payee):
        return 100
    best = 0.0
    theirs = [words_of(t) for t in (entry.payee, entry.memo) if t]
    for text in (*line.texts, line.payee_hint):
        ours = words_of(text)
        if not ours:
            continue
        for other in theirs:
            if other:
                spelt = " ".join(with_initials_spelt(ours, other))
                best = max(best, fuzz.token_set_ratio(spelt, " ".join(other)))
    return int(best)


def match_lines(lines: Sequence[BankLine], entries: Iterable[LedgerEntry], days: int
                ) -> dict[int, Match]:
    """The line key -> its match, for every line that matches an entry."""
    covered = (min((ln.on for ln in lines), default=date.min),
               max((ln.on for ln in lines), default=date.max))
    by_amount: dict[int, list[LedgerEntry]] = defaultdict(list)
    for entry in entries:
        by_amount[entry.pence].append(entry)
    pairs = []  # (score, days, entry id, line key, likeness, line, entry)
    for line in lines:
        for entry in by_amount.get(line.pence, ()):
            apart = abs((line.on - entry.on).days)
            if apart > days or not _may_be_new(entry, covered):
                continue
            alike = likeness(line, entry)
            pairs.append((alike - PER_DAY * apart, apart, entry.entry_id, line.key, alike,
                          line, entry))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2], p[3]))
    return _assign(pairs)


def _may_be_new(entry: LedgerEntry, covered: tuple[date, date]) -> bool:
    return not entry.bank_dates or any(covered[0] <= d <= covered[1] for d in entry.bank_dates)


def _assign(pairs: list[tuple[int, int, int, int, int, BankLine, LedgerEntry]]
            ) -> dict[int, Match]:
    by_line: dict[int, list[tuple[int, LedgerEntry]]] = defaultdict(list)
    by_entry: dict[int, list[tuple[int, BankLine]]] = defaultdict(list)
    for score, _apart, entry_id, key, _alike, line, entry in pairs:
        by_line[key].append((score, entry))
        by_entry[entry_id].append((score, line))
    matched: dict[int, Match] = {}
    used: set[int] = set()
    for score, apart, entry_id, key, alike, line, entry in pairs:
        if key in matched or entry_id in used:
            continue
        used.add(entry_id)
        rivals = any(s >= score - CLOSE and _differs(e, entry) for s, e in by_line[key]
                     if e.entry_id != entry_id) or \
            any(s >= score - CLOSE and _text(ln) != _text(line) for s, ln in by_entry[entry_id]
                if ln.key != key)
        matched[key] = Match(key, entry_id, apart, alike, alike >= ALIKE and not rivals)
    return matched


def _differs(one: LedgerEntry, other: LedgerEntry) -> bool:
    """Two entries that would record something different (not twin payments)."""
    return payee_key(one.payee) != payee_key(other.payee)


def _text(line: BankLine) -> tuple[str, ...]:
    return tuple(payee_key(t) for t in line.texts)
