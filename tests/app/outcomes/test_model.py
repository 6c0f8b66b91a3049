"""Outcome rules: the person's words, an area in law, a 1 to 4 rating never in the future."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import ValidationError
from app.outcomes.model import (
    SCORE_WORDS,
    OutcomeDraft,
    RatedBy,
    Rating,
    check_rating,
    clean_draft,
    trend_of,
)

TODAY = date(2026, 3, 31)


def test_the_words_are_tidied_and_the_area_checked() -> None:
    clean = clean_draft(OutcomeDraft("  Get to   the allotment ", "CA.1.2.E", (2, 2, 1)))
    assert (clean.text, clean.area_code, clean.plan_line_ids) == (
        "Get to the allotment", "ca.1.2.e", (2, 1))
    with pytest.raises(ValidationError):
        clean_draft(OutcomeDraft(" ", "ca.1.2.e"))
    with pytest.raises(ValidationError):
        clean_draft(OutcomeDraft("x" * 301, "ca.1.2.e"))


@pytest.mark.parametrize("score", [0, 5, -1])
def test_a_rating_is_one_to_four(score: int) -> None:
    with pytest.raises(ValidationError, match="1, 2, 3 or 4"):
        check_rating(score, TODAY, TODAY, "")


def test_a_rating_is_never_after_today() -> None:
    with pytest.raises(ValidationError):
        check_rating(3, date(2026, 4, 1), TODAY, "")


def test_the_scale_has_four_plain_steps() -> None:
    assert list(SCORE_WORDS) == [1, 2, 3, 4]


def _r(n: int, day: int, score: int) -> Rating:
    return Rating(n, 1, date(2026, 1, day), score, RatedBy.PERSON)


def test_the_trend_compares_the_latest_with_the_first_by_date() -> None:
    trend = trend_of((_r(2, 20, 4), _r(1, 5, 2), _r(3, 10, 3)))
    assert (trend.first, trend.latest, trend.change, trend.words()) == (2, 4, 2, "Better")
    assert trend_of((_r(1, 5, 2),)).change is None
    assert trend_of(()).words() == "Not rated yet"
    assert trend_of((_r(1, 5, 3), _r(2, 6, 1))).words() == "Worse"
