"""When a date a person typed is likely a slip: far in the future, or before the records
begin. The form asks before it is kept (a slip such as 2911 for 2026 is easy to make)."""

from __future__ import annotations

from datetime import date, timedelta

from app.i18n import _, format_day, ngettext

AHEAD = timedelta(days=366)  # a year ahead: booked visits and renewals, not further
BEHIND_YEARS = 10  # without a start to go by, ten years back


def unlikely(day: date, today: date, earliest: date | None = None) -> str | None:
    """Why `day` looks like a slip, in words, or None when it is a likely date."""
    if day > today + AHEAD:
        years = (day - today).days // 365
        if years >= 1:
            return ngettext("{day} is {n} year from now.", "{day} is {n} years from now.",
                            years).format(day=format_day(day), n=years)
        return _("{day} is more than a year from now.").format(day=format_day(day))
    floor = earliest or _years_before(today, BEHIND_YEARS)
    if day < floor:
        if earliest is not None:
            return _("{day} is before these records begin ({start}).").format(
                day=format_day(day), start=format_day(earliest))
        return _("{day} is more than {n} years ago.").format(day=format_day(day),
                                                             n=BEHIND_YEARS)
    return None


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
