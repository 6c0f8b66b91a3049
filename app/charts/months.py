"""Calendar months as the charts count them: each month is named by its first day."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from babel.dates import format_date as babel_format_date

from app.i18n import active_locale


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def last_of_month(day: date) -> date:
    return day.replace(day=monthrange(day.year, day.month)[1])


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after (or before) `month`'s."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_up_to(last: date, count: int) -> tuple[date, ...]:
    """The `count` months ending with the one holding `last`, oldest first."""
    end = first_of_month(last)
    return tuple(add_months(end, n) for n in range(1 - count, 1))


def month_name(month: date, locale: str | None = None) -> str:
    """Short month and year in the person's language, e.g. 'Nov 2026', 'Tach 2026'."""
    return babel_format_date(month, "MMM y", locale=locale or active_locale())
