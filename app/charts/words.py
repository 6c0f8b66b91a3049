"""Each chart's figures in words: what a screen reader says for the chart, and the summary
line shown under it. The table beside the chart holds every figure as well."""

from __future__ import annotations

from collections.abc import Callable

from app.charts.balance import BalanceHistory
from app.charts.months import month_name
from app.charts.ratings import RatingsByMonth
from app.charts.spending import MonthlySpending
from app.i18n import _, format_date, format_money


def spending_in_words(spending: MonthlySpending, names: tuple[str, ...]) -> str:
    if not spending.months or spending.total.pence == 0:
        return _("No money has gone out yet, so there is nothing to show.")
    months = spending.months
    top = max(range(len(months)), key=lambda i: spending.of_month(i).pence)
    lines = [
        _("Money out each month, from {first} to {last}: {total} in all.").format(
            first=month_name(months[0]), last=month_name(months[-1]),
            total=format_money(spending.total.pence)),
        _("Most went on {category}: {amount}.").format(
            category=names[0], amount=format_money(spending.of_category(0).pence)),
        _("The most in one month was {amount}, in {month}.").format(
            amount=format_money(spending.of_month(top).pence), month=month_name(months[top])),
        _("Each month: {list}.").format(list="; ".join(
            f"{month_name(m)} {format_money(spending.of_month(i).pence)}"
            for i, m in enumerate(months))),
    ]
    return " ".join(lines)


def balance_in_words(history: BalanceHistory) -> str:
    now = history.today
    if now is None:
        return _("There are no records yet, so there is nothing to show.")
    lines = [_("The balance at the end of each month, then the forecast.")]
    lines.append(_("On {date} the balance is {balance}.").format(
        date=format_date(now.on, "long"), balance=format_money(now.balance.pence)))
    if now.limit is not None:
        lines.append(_("The council's limit is {weeks} weeks of funding plus what is owed: "
                       "{limit}.").format(weeks=history.allowed_weeks,
                                          limit=format_money(now.limit.pence)))
    over = [p for p in history.points if p.limit is not None and p.balance > p.limit]
    if over:
        lines.append(_("Above the limit on: {days}.").format(
            days=", ".join(format_date(p.on) for p in over)))
    ahead = [p for p in history.points if p.forecast]
    if ahead:
        lines.append(_("The forecast for {date} is {balance}. It is an estimate.").format(
            date=format_date(ahead[-1].on, "long"), balance=format_money(ahead[-1].balance.pence)))
    lines.append(_("Each point: {list}.").format(list="; ".join(
        f"{format_date(p.on)} {format_money(p.balance.pence)}" for p in history.points)))
    return " ".join(lines)


def ratings_in_words(ratings: RatingsByMonth, score_words: Callable[[int], str]) -> str:
    if not ratings.outcomes or not ratings.months:
        return _("No outcome has been rated yet, so there is nothing to show.")
    lines = [_("How each outcome was rated each month, from 1 (not happening yet) to 4 "
               "(yes, as I want it), from {first} to {last}.").format(
        first=month_name(ratings.months[0]), last=month_name(ratings.months[-1]))]
    for text, row in zip(ratings.outcomes, ratings.scores, strict=True):
        given = [(m, s) for m, s in zip(ratings.months, row, strict=True) if s is not None]
        if not given:
            continue
        (first_month, first), (last_month, last) = given[0], given[-1]
        lines.append(_("“{outcome}”: {first} in {first_month}, {last} in {last_month} "
                       "({words}).").format(
            outcome=text, first=first, first_month=month_name(first_month), last=last,
            last_month=month_name(last_month), words=score_words(last)))
    return " ".join(lines)
