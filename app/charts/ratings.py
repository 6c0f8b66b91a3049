"""Outcome ratings by month: the figures of the outcomes chart. Each outcome's score in a
month is the last rating given that month (people rate about once a month); a month without
a rating has no figure, and the chart's line joins the months around it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.charts.months import first_of_month
from app.outcomes.model import Outcome


@dataclass(frozen=True)
class RatingsByMonth:
    months: tuple[date, ...]  # the first day of each month, oldest first
    outcomes: tuple[str, ...]  # each outcome in the person's own words
    scores: tuple[tuple[int | None, ...], ...]  # [outcome][month]


def ratings_by_month(outcomes: Sequence[Outcome], months: Sequence[date]) -> RatingsByMonth:
    rows = []
    for outcome in outcomes:
        last: dict[date, int] = {}
        for rating in sorted(outcome.ratings, key=lambda r: (r.on, r.id)):
            last[first_of_month(rating.on)] = rating.score
        rows.append(tuple(last.get(month) for month in months))
    return RatingsByMonth(tuple(months), tuple(o.text for o in outcomes), tuple(rows))
