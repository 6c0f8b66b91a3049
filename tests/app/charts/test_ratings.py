"""Outcome ratings by month: the last rating of each month, against the ratings stored."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.charts.months import months_up_to
from app.charts.ratings import ratings_by_month
from app.outcomes.model import Outcome, RatedBy, Rating
from app.services.context import ProfileContext
from tests.conftest import DEMO_TODAY


def test_each_months_figure_is_its_last_rating(demo_ctx: ProfileContext,
                                               behind_the_app: Any) -> None:
    found = demo_ctx.charts.ratings(DEMO_TODAY)
    assert len(found.outcomes) == 5 and len(found.months) == 12
    conn = behind_the_app(demo_ctx)
    texts = dict(conn.execute("SELECT id, text FROM outcome"))
    last: dict[tuple[str, str], tuple[str, int, int]] = {}
    for outcome_id, on, rid, score in conn.execute(
            'SELECT outcome_id, "on", id, score FROM outcome_rating'):
        key = (texts[outcome_id], on[:7])
        if key not in last or (on, rid) > last[key][:2]:
            last[key] = (on, rid, score)
    for text, row in zip(found.outcomes, found.scores, strict=True):
        for month, score in zip(found.months, row, strict=True):
            expected = last.get((text, month.isoformat()[:7]))
            assert score == (expected[2] if expected else None), (text, month)


def test_a_month_without_a_rating_has_no_figure_and_a_later_rating_wins() -> None:
    def rating(n: int, on: date, score: int) -> Rating:
        return Rating(n, 1, on, score, RatedBy.PERSON)

    outcome = Outcome(1, "Walk to the shop", "x", "", date(2026, 1, 1), (), (
        rating(1, date(2026, 1, 5), 1), rating(2, date(2026, 1, 25), 2),
        rating(3, date(2026, 3, 2), 4)))
    found = ratings_by_month([outcome], months_up_to(date(2026, 3, 31), 3))
    assert found.scores == ((2, None, 4),)
    assert found.outcomes == ("Walk to the shop",)


def test_no_ratings_no_months(ctx: ProfileContext) -> None:
    found = ctx.charts.ratings(date(2026, 3, 1))
    assert found.months == () and found.outcomes == ()
