"""Who a bank line is: payee rules, known payees (My providers, employer records) and the
words a bank's text is compared by.

A bank writes the same payee many ways ("CARD PAYMENT TO TESCO STORES 3297,12.34 GBP",
"TESCO STORES 2231"). Compared as words, with card numbers, dates, amounts and the bank's
own words (CARD, PAYMENT, DD, FPO, ...) left out, they agree: "tesco stores".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from app.domain.categories import Direction
from app.domain.errors import ValidationError
from app.i18n import _

RULE_WORDS = 3  # a learned rule keeps the first few words: enough to be sure, few to miss
MAX_WORDS_TEXT = 200

# The bank's own words about how the money moved, not who it went to.
NOISE = frozenset("""
card payment payments pymt to from ref reference dd so bgc fpo fpi bcc ddr deb pos visa
mastercard debit credit direct standing order faster transfer tfr trf bank giro on gbp gb gbr
uk the via mobile online contactless purchase cd rate ltd limited plc co inv invoice no
received receipt cash withdrawal atm apple google pay sq www com net org http https
""".split())
_TOKEN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)  # a statement repeats its payees' texts many times
def words_of(text: str) -> tuple[str, ...]:
    """The words that say who: lower case, no numbers or codes, no bank words, in order."""
    seen: dict[str, None] = {}
    for token in _TOKEN.findall(text.casefold()):
        if token not in NOISE and not any(ch.isdigit() for ch in token):
            seen.setdefault(token, None)
    return tuple(seen)


def rule_words(text: str) -> str:
    """The words a rule learned from this bank text matches on."""
    return " ".join(words_of(text)[:RULE_WORDS])


def check_rule_words(text: str) -> str:
    """The words a person typed for a rule, as stored; refused when nothing is left."""
    words = " ".join(words_of(text))
    if not words or len(words) > MAX_WORDS_TEXT:
        raise ValidationError("words", _(
            "Give some words the bank uses for this payee, such as “J EVANS”. Numbers and "
            "words like CARD or PAYMENT are left out, because banks add them to every line."))
    return words


@dataclass(frozen=True)
class PayeeRule:
    """Bank lines holding all these words are this payee, in this category if one is set."""

    id: int
    words: str
    payee: str
    category_code: str | None
    learned: bool  # learned from a correction (else typed as a rule)
    created_at: datetime


@dataclass(frozen=True)
class KnownPayee:
    """Someone the records already know: a provider, an employee (PA), a common UK payee.
    `category_code` is what payments to or from them usually are, if anything."""

    name: str
    words: tuple[str, ...]
    category_code: str | None = None
    direction: Direction | None = None  # only lines going this way (None: either)


class PayeeBook:
    """Rules and known payees, indexed by word so a long statement is looked up quickly."""

    def __init__(self, rules: Iterable[PayeeRule], known: Iterable[KnownPayee] = ()) -> None:
        self._rules: dict[str, list[tuple[tuple[str, ...], PayeeRule]]] = defaultdict(list)
        for rule in rules:
            words = tuple(rule.words.split())
            if words:
                self._rules[words[0]].append((words, rule))
        self._known = [k for k in known if k.words]
        self._seen: dict[tuple[tuple[str, ...], Direction], KnownPayee | None] = {}

    def rule_for(self, text: str) -> PayeeRule | None:
        """The most particular rule (most words; then the newest) all of whose words the
        bank text holds."""
        line = frozenset(words_of(text))
        found = [(len(words), rule.id, rule) for first in line
                 for words, rule in self._rules.get(first, ()) if line.issuperset(words)]
        return max(found, key=lambda f: (f[0], f[1]))[2] if found else None

    def known_for(self, text: str, direction: Direction) -> KnownPayee | None:
        """The known payee whose name the bank text holds (an initial may stand for a first
        name: "J EVANS" is Jo Evans), the longest name first."""
        line = words_of(text)
        key = (line, direction)
        if key not in self._seen:  # lines with the same words ask the same question
            fits = [k for k in self._known if (k.direction in (None, direction))
                    and names_agree(k.words, line)]
            self._seen[key] = max(fits, key=lambda k: len(k.words)) if fits else None
        return self._seen[key]


def names_agree(name: Sequence[str], line: Sequence[str]) -> bool:
    """Every word of the name is in the line, or stands there as its initial; and at least
    one whole word of three letters or more agrees, so initials alone never do."""
    whole = False
    for word in name:
        if word in line:
            whole = whole or len(word) >= 3
        elif not any(len(t) == 1 and word.startswith(t) for t in line):
            return False
    return whole


def with_initials_spelt(text: Sequence[str], other: Sequence[str]) -> list[str]:
    """`text` with each single letter replaced by the word of `other` it is the initial of:
    "j evans" beside "jo evans" reads "jo evans"."""
    longer = [w for w in other if len(w) > 1]
    return [next((w for w in longer if w.startswith(t)), t) if len(t) == 1 else t
            for t in text]
