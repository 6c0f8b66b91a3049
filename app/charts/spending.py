"""Money out by month and category: the figures of the spending chart.

The biggest categories over the months shown keep their own bars; the rest are added up as
"other", so the chart stays readable and every penny of money out is still counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.charts.months import first_of_month
from app.domain.money import Money

OTHER = ""  # the code of the added-up remaining categories
KEEP = 5  # categories drawn on their own; with "other", six colours and patterns


@dataclass(frozen=True)
class MonthlySpending:
    months: tuple[date, ...]  # the first day of each month, oldest first
    categories: tuple[str, ...]  # codes, most spent first; OTHER last when there is one
    pence: tuple[tuple[int, ...], ...]  # [category][month], money out as positive pence

    def of_month(self, index: int) -> Money:
        return Money(sum(row[index] for row in self.pence))

    def of_category(self, index: int) -> Money:
        return Money(sum(self.pence[index]))

    @property
    def total(self) -> Money:
        return Money(sum(sum(row) for row in self.pence))


def monthly_spending(spends: Iterable[tuple[date, Money, str]], months: Sequence[date],
                     keep: int = KEEP) -> MonthlySpending:
    """Money out (negative amounts) in each of `months`, by category. Money in and refunds are
    not spending and are left out."""
    shown = set(months)
    sums: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for on, amount, code in spends:
        month = first_of_month(on)
        if amount.pence < 0 and month in shown:
            sums[code][month] += -amount.pence
    ranked = sorted(sums, key=lambda code: (-sum(sums[code].values()), code))
    rows = [tuple(sums[code][m] for m in months) for code in ranked[:keep]]
    codes = ranked[:keep]
    if len(ranked) > keep:
        codes.append(OTHER)
        rows.append(tuple(sum(sums[code][m] for code in ranked[keep:]) for m in months))
    return MonthlySpending(tuple(months), tuple(codes), tuple(rows))
