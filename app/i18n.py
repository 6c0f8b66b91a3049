"""Translation and locale formatting: the one place user-visible text and figures go through.

Every module imports `_` from here. Money, dates and numbers are formatted by babel for the
active locale so that the window, the CLI and the PDF always agree.
"""

from __future__ import annotations

import gettext
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.dates import get_month_names
from babel.numbers import format_currency, format_decimal

from app.paths import TRANSLATIONS

DOMAIN = "careledger"
# Locale code -> catalog folder under translations/.
SUPPORTED_LOCALES = {"en_GB": "en_GB", "cy_GB": "cy"}
DEFAULT_LOCALE = "en_GB"

_active_locale = DEFAULT_LOCALE
_catalog: gettext.NullTranslations = gettext.NullTranslations()


class ParseError(ValueError):
    """Text a person typed could not be read; the message is translated and plain."""


def normalise_locale(code: str | None) -> str:
    """Map 'cy', 'cy-GB', 'en', 'cy_GB.UTF-8' and the like onto a supported locale."""
    if not code:
        return DEFAULT_LOCALE
    lang = code.replace("-", "_").split(".")[0].split("_")[0].lower()
    return "cy_GB" if lang == "cy" else DEFAULT_LOCALE


def load_catalog(locale: str) -> gettext.NullTranslations:
    folder = SUPPORTED_LOCALES[normalise_locale(locale)]
    return gettext.translation(
        DOMAIN, localedir=str(TRANSLATIONS), languages=[folder], fallback=True
    )


def set_locale(code: str | None) -> str:
    """Make `code` the active locale for text and formatting; returns the locale used."""
    global _active_locale, _catalog
    _active_locale = normalise_locale(code)
    _catalog = load_catalog(_active_locale)
    return _active_locale


def active_locale() -> str:
    return _active_locale


def _(message: str) -> str:
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (translated where shown)."""
    return message


# --- money -------------------------------------------------------------------------------

_PENCE = Decimal(100)


def format_money(pence: int, locale: str | None = None) -> str:
    """£1,234.50 (and -£12.00) for the active locale, exactly as babel's format_currency."""
    loc = locale or _active_locale
    style = _plain_currency_style(loc)
    if style is None:
        return format_currency(Decimal(pence) / _PENCE, "GBP", locale=loc)
    # babel takes ~0.5 ms a call; a ledger table formats thousands of cells. For locales whose
    # pattern is the plain "¤#,##0.00" this gives the same text (a property test checks it).
    symbol, group, decimal_sign, minus = style
    whole, part = divmod(abs(pence), 100)
    digits = f"{whole:,}".replace(",", group)
    return f"{minus if pence < 0 else ''}{symbol}{digits}{decimal_sign}{part:02d}"


@lru_cache(maxsize=8)
def _plain_currency_style(locale: str) -> tuple[str, str, str, str] | None:
    loc = Locale.parse(locale)
    if loc.currency_formats["standard"].pattern != "¤#,##0.00":
        return None
    symbols = loc.number_symbols["latn"]
    return (loc.currency_symbols.get("GBP", "£"), symbols["group"], symbols["decimal"],
            symbols["minusSign"])


def pence_to_plain(pence: int) -> str:
    """Machine-readable amount for CSV files: -1234.50, no symbol or grouping."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}{whole}.{part:02d}"


_MONEY_JUNK = re.compile(r"[£\s\u00a0]|GBP", re.IGNORECASE)


def parse_money(text: str, locale: str | None = None) -> int:
    """Read an amount a person typed ('£1,234.50', '12', '-3.2', '(12.00)') into pence."""
    loc = Locale.parse(locale or _active_locale)
    raw = _MONEY_JUNK.sub("", text or "")
    negative = raw.startswith("(") and raw.endswith(")")
    raw = raw.strip("()")
    group = loc.number_symbols["latn"]["group"]
    decimal_sign = loc.number_symbols["latn"]["decimal"]
    raw = raw.replace(group, "").replace(decimal_sign, ".")
    if not re.fullmatch(r"[-+]?\d+(\.\d{1,2})?|[-+]?\.\d{1,2}", raw):
        raise ParseError(
            _("“{text}” is not an amount of money. Type it like 12.50").format(text=text.strip())
        )
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:  # pragma: no cover - the pattern above rules this out
        raise ParseError(_("“{text}” is not an amount of money.").format(text=text)) from exc
    pence = int(value * _PENCE)
    return -pence if negative else pence


# --- numbers and dates --------------------------------------------------------------------


def format_number(value: Decimal | int, places: int = 1, locale: str | None = None) -> str:
    pattern = "#,##0." + "0" * places if places else "#,##0"
    return format_decimal(value, format=pattern, locale=locale or _active_locale)


def format_date(value: date, style: str = "medium", locale: str | None = None) -> str:
    """'5 Mar 2024' (medium) or '5 March 2024' (long), translated month names in Welsh."""
    return _cached_date(value, style, locale or _active_locale)


@lru_cache(maxsize=8192)
def _cached_date(value: date, style: str, locale: str) -> str:
    # A ledger shows the same few hundred dates over and over; babel is slow per call.
    return _babel_format_date(value, format=style, locale=locale)


def format_datetime_utc(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC")


def format_when(value: datetime, locale: str | None = None) -> str:
    """A moment in this computer's time zone: '5 Mar 2024, 14:02'."""
    local = value.astimezone() if value.tzinfo else value
    return f"{format_date(local.date(), locale=locale)}, {local:%H:%M}"


# Care budgets began in the 1990s; year 1 or 9999 is a typing slip or a damaged file, and
# date arithmetic near those ends overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2199
DATE_STYLE = "medium"  # the one way dates are shown, in every locale: "29 Nov 2026"
_SEPARATORS = re.compile(r"[\s/.,\-]+")


def format_day(value: date) -> str:
    """The one way a date is shown everywhere: babel's medium format for the locale."""
    return format_date(value, DATE_STYLE)


def parse_date(text: str, around: date | None = None, locale: str | None = None) -> date:
    """Read a date as people type it, day first (UK order): 2024-03-05, 5/3/2024, 05.03.24,
    5 Mar 2024, 5 March 2024, 5 Mawrth 2024. With `around` (the date a field held), a day
    alone ("29") or a day and month ("29/11", "29 Nov") keep the rest of that date."""
    cleaned = (text or "").strip()
    parts = [p for p in _SEPARATORS.split(cleaned.casefold()) if p]
    if len(parts) == 3 and len(parts[0]) == 4 and parts[0].isdigit():  # 2024-03-05
        parts = [parts[2], parts[1], parts[0]]
    day = month = year = None
    if 1 <= len(parts) <= 3:
        day = _number(re.sub(r"(st|nd|rd|th|af|ed|ydd|fed)$", "", parts[0]), 2)
        if len(parts) >= 2:
            month = _number(parts[1], 2) or _month_named(parts[1], locale or _active_locale)
        if len(parts) == 3:
            year = _number(parts[2], 4)
            if year is not None and len(parts[2]) == 2:
                year += 2000
            elif year is not None and len(parts[2]) != 4:
                year = None
    if around is not None and day is not None:
        month = month if len(parts) >= 2 else around.month
        year = year if len(parts) == 3 else around.year
    if day is None or month is None or year is None:
        raise ParseError(_("“{text}” is not a date. Type it like 31/03/2025 or 31 Mar 2025"
                           ).format(text=cleaned))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ParseError(_("{text} is not a date CareLedger can use: give a year between "
                           "{first} and {last}.").format(text=cleaned, first=FIRST_YEAR,
                                                         last=LAST_YEAR))
    if not 1 <= month <= 12:
        raise ParseError(_("“{text}” is not a date: type the day first, then the month "
                           "(1 to 12), like 31/03/2025.").format(text=cleaned))
    try:
        return date(year, month, day)
    except ValueError:
        raise ParseError(_("“{text}” is not a date: that month has no day {day}.").format(
            text=cleaned, day=day)) from None


def _number(text: str, digits: int) -> int | None:
    return int(text) if text.isdigit() and len(text) <= digits else None


def _month_named(word: str, locale: str) -> int | None:
    """A month by its name or the start of it (3 letters at least), in the locale's words or
    in English: "nov", "november", "tach", "tachwedd"."""
    if len(word) < 3 or word.isdigit():
        return None
    for loc in dict.fromkeys((locale, DEFAULT_LOCALE)):
        for number, names in _month_names(loc).items():
            if any(name.startswith(word) or word.startswith(name) for name in names):
                return number
    return None


@lru_cache(maxsize=4)
def _month_names(locale: str) -> dict[int, tuple[str, ...]]:
    found: dict[int, tuple[str, ...]] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale=locale).items():
                clean = name.casefold().rstrip(".")
                found[number] = (*found.get(number, ()), clean)
    return found


set_locale(DEFAULT_LOCALE)
