from datetime import date

import pytest

from app.domain.errors import ValidationError
from app.domain.money import Money
from app.domain.visits import Visit, VisitDraft, parse_hours, validate_visit


@pytest.mark.parametrize(("text", "minutes"), [("2", 120), ("1.5", 90), ("1:30", 90),
                                                ("0.25", 15), (".5", 30)])
def test_parse_hours(text: str, minutes: int) -> None:
    assert parse_hours(text) == minutes


@pytest.mark.parametrize("text", ["", "two", "1:75", "-1", "1:-5"])
def test_parse_hours_refuses(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_hours(text)


@pytest.mark.parametrize("draft", [
    VisitDraft(date(2026, 1, 1), " ", 60, 60, 1000),
    VisitDraft(date(2026, 1, 1), "PA", 60 * 25, 60, 1000),
    VisitDraft(date(2026, 1, 1), "PA", 60, 60, 100_01),
    VisitDraft(date(2026, 1, 1), "PA", 60, 30, 1000, missed=True),
])
def test_bad_visits_are_refused(draft: VisitDraft) -> None:
    with pytest.raises(ValidationError):
        validate_visit(draft)


def test_a_visit_costs_its_delivered_time_to_the_nearest_penny() -> None:
    visit = Visit(1, VisitDraft(date(2026, 1, 1), "PA", 120, 105, 1850))
    assert visit.cost == Money(3238)  # 1h45 at £18.50 = £32.375
