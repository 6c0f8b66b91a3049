"""Money out by month and category, against an independent sum over the ledger's rows."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from app.charts.months import months_up_to
from app.charts.spending import OTHER, monthly_spending
from app.domain.money import Money
from app.services.context import ProfileContext
from tests.conftest import DEMO_TODAY


def _raw_spending(conn: Any) -> dict[tuple[str, str], int]:
    """(YYYY-MM, category) -> pence out, straight from the database file."""
    sums: dict[tuple[str, str], int] = defaultdict(int)
    for on, amount, code in conn.execute('SELECT "on", amount, category_code FROM entry'):
        if amount < 0:
            sums[(on[:7], code)] += -amount
    return sums


def test_every_penny_out_is_in_its_month(demo_ctx: ProfileContext, behind_the_app: Any) -> None:
    raw = _raw_spending(behind_the_app(demo_ctx))
    chart = demo_ctx.charts.spending(DEMO_TODAY).spending
    assert len(chart.months) == 12
    for i, month in enumerate(chart.months):
        key = month.isoformat()[:7]
        assert chart.of_month(i).pence == sum(p for (m, _c), p in raw.items() if m == key)
    kept = [c for c in chart.categories if c != OTHER]
    for row, code in zip(chart.pence, chart.categories, strict=True):
        for i, month in enumerate(chart.months):
            key = month.isoformat()[:7]
            expected = (raw.get((key, code), 0) if code != OTHER else
                        sum(p for (m, c), p in raw.items() if m == key and c not in kept))
            assert row[i] == expected, (code, month)
    assert chart.total.pence == sum(raw.values())


def test_categories_are_named_in_the_persons_language(demo_ctx: ProfileContext) -> None:
    found = demo_ctx.charts.spending(DEMO_TODAY)
    assert "PA wages" in found.names
    assert len(found.names) == len(found.spending.categories)


def test_the_biggest_categories_keep_their_own_bars_and_the_rest_are_added_up() -> None:
    months = months_up_to(date(2026, 2, 15), 2)
    spends = [(date(2026, 1, 3), Money(-500), "a"), (date(2026, 2, 3), Money(-400), "b"),
              (date(2026, 2, 4), Money(-300), "c"), (date(2026, 2, 5), Money(-100), "d"),
              (date(2026, 2, 6), Money(900), "a"),  # money in is not spending
              (date(2025, 12, 31), Money(-700), "a")]  # before the months shown
    chart = monthly_spending(spends, months, keep=2)
    assert chart.months == (date(2026, 1, 1), date(2026, 2, 1))
    assert chart.categories == ("a", "b", OTHER)
    assert chart.pence == ((500, 0), (0, 400), (0, 400))
    assert chart.of_month(1) == Money(800)
    assert chart.total == Money(1300)


def test_a_new_profile_shows_only_the_months_it_has(ctx: ProfileContext) -> None:
    chart = ctx.charts.spending(date(2026, 3, 10)).spending
    assert chart.total == Money(0)
