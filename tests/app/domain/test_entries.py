from datetime import date

import pytest

from app.domain.categories import load_categories
from app.domain.council_rules import find_template
from app.domain.entries import EntryDraft, validate
from app.domain.errors import NeedsConfirmation, ValidationError
from app.domain.money import Money
from app.domain.policy import Policy

TODAY = date(2025, 6, 1)
CATEGORIES = {c.code: c for c in load_categories()}
POLICY = Policy(find_template("quarterly_8_weeks"), CATEGORIES)


def draft(**changes: object) -> EntryDraft:
    fields: dict[str, object] = dict(on=date(2025, 5, 1), amount=Money(-2500), payee="Jo (PA)",
                                     category_code="pa_wages")
    fields.update(changes)
    return EntryDraft(**fields)  # type: ignore[arg-type]


def test_a_good_entry_is_tidied() -> None:
    clean = validate(draft(payee="  Jo (PA) ", memo=" week 1 ", plan_line=" Line  2 "),
                     POLICY, TODAY)
    assert (clean.payee, clean.memo, clean.plan_line) == ("Jo (PA)", "week 1", "Line 2")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"amount": Money(0)}, "amount"),
        ({"amount": Money(-100_000_001)}, "amount"),
        ({"payee": "   "}, "payee"),
        ({"category_code": "nonsense"}, "category"),
        ({"amount": Money(2500)}, "category"),  # money in against a money-out category
        ({"on": date(1999, 12, 31)}, "on"),
        ({"on": date(2026, 6, 3)}, "on"),
        ({"plan_line": "x" * 101}, "memo"),
    ],
)
def test_bad_entries_name_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate(draft(**changes), POLICY, TODAY)
    assert error.value.field == field
    assert str(error.value)


def test_an_entry_before_the_records_start_is_refused() -> None:
    with pytest.raises(ValidationError, match="before the records start") as error:
        validate(draft(on=date(2025, 3, 31)), POLICY, TODAY, records_start=date(2025, 4, 1))
    assert error.value.field == "on"
    assert validate(draft(on=date(2025, 4, 1)), POLICY, TODAY, date(2025, 4, 1))


@pytest.mark.parametrize(("code", "words"), [("household", "does not usually allow"),
                                             ("equipment", "must agree")])
def test_spending_the_council_must_agree_asks_for_the_reason(code: str, words: str) -> None:
    with pytest.raises(NeedsConfirmation, match=words):
        validate(draft(category_code=code), POLICY, TODAY)
    clean = validate(draft(category_code=code, approval_reason=" Agreed by email 2 May "),
                     POLICY, TODAY)
    assert clean.approval_reason == "Agreed by email 2 May"


def test_every_category_has_english_and_welsh_names() -> None:
    for category in CATEGORIES.values():
        assert category.name_en and category.name_cy, category.code
