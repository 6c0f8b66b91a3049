"""Reading amounts and dates the way UK banks write them, exactly (pence, never a float)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from app.i18n import FIRST_YEAR, LAST_YEAR, _


class BadValue(ValueError):
    """A field cannot be read; str(error) is the plain reason for the rejected line."""


# Things banks put around a number that say nothing about its value.
_NOISE = re.compile(r"[£\s\u00a0']|GBP|POUND STERLING", re.IGNORECASE)
_NUMBER = re.compile(r"(?P<whole>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.(?P<part>[0-9]{1,2}))?")


def parse_amount(text: str) -> int:
    """'1,234.50' '(12.00)' '£12' '-£3.00' '+£5.00' '12.00 CR' '12.00DR' -> pence."""
    raw = _NOISE.sub("", text or "")
    if not raw:
        raise BadValue(_("The amount is empty."))
    sign = 1
    upper = raw.upper()
    if upper.endswith(("CR", "DR")):
        sign = -1 if upper.endswith("DR") else 1
        raw = raw[:-2]
    if raw.startswith("(") and raw.endswith(")"):
        sign, raw = -sign, raw[1:-1]
    if raw[:1] in ("-", "+"):  # one sign at most; "£" has gone with the noise above
        sign, raw = (-sign if raw[0] == "-" else sign), raw[1:]
    match = _NUMBER.fullmatch(raw)
    if not raw or match is None or not (match["whole"] or match["part"]):
        raise BadValue(_("“{text}” is not an amount of money.").format(text=text.strip()))
    whole = int((match["whole"] or "0").replace(",", ""))
    part = int((match["part"] or "0").ljust(2, "0"))
    return sign * (whole * 100 + part)


# UK order only: a bank in this country never writes month first.
COMMON_DATE_FORMATS = (
    "%d/%m/%Y", "%Y-%m-%d", "%d %b %Y", "%d %b %y", "%d-%m-%Y", "%d/%m/%y", "%d-%b-%Y",
    "%d-%b-%y", "%d.%m.%Y", "%d %B %Y", "%Y/%m/%d", "%Y%m%d",
)
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2})?.*$")


@lru_cache(maxsize=4096)
def _parse_date_cached(text: str, formats: tuple[str, ...]) -> date:
    cleaned = _TIME_TAIL.sub("", (text or "").strip().strip("'"))
    for fmt in formats:
        try:
            parsed = datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
        if not FIRST_YEAR <= parsed.year <= LAST_YEAR:  # year 1 or 9999: damage, not a payment
            raise BadValue(_("The date “{text}” cannot be right.").format(text=text.strip()))
        return parsed
    if not cleaned:
        raise BadValue(_("The date is empty."))
    raise BadValue(_("“{text}” is not a date this bank uses.").format(text=text.strip()))


def parse_bank_date(text: str, formats: Sequence[str] = COMMON_DATE_FORMATS) -> date:
    """A date in any of `formats`; a time after it (Monzo: '2018-02-25 12:34:56 +0000') is dropped.

    A statement repeats each date many times and strptime is slow, so answers are cached.
    """
    return _parse_date_cached(text, tuple(formats))


# Words a "Debit/Credit" or "Type" column uses for the way money went.
_OUT_WORDS = frozenset({"d", "dr", "debit", "out", "paid out", "money out", "withdrawal",
                        "payment", "purchase", "db"})
_IN_WORDS = frozenset({"c", "cr", "credit", "in", "paid in", "money in", "deposit", "refund"})
# Words a status column uses: money not moved yet, or never.
_PENDING_WORDS = ("pending", "authorised", "authorized", "not yet cleared", "uncleared")
_FAILED_WORDS = ("declined", "reverted", "failed", "cancelled", "canceled", "rejected",
                 "reversed")


def direction_of(text: str) -> str | None:
    """'in', 'out' or None for what a debit/credit column says."""
    word = " ".join(text.casefold().replace(".", "").split())
    if word in _OUT_WORDS:
        return "out"
    if word in _IN_WORDS:
        return "in"
    return None


def status_of(text: str) -> str:
    """'pending', 'failed' or '' (settled, or nothing said) for a status column's value."""
    word = text.casefold()
    if any(w in word for w in _PENDING_WORDS):
        return "pending"
    if any(w in word for w in _FAILED_WORDS):
        return "failed"
    return ""
