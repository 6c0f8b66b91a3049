from datetime import date

import pytest

from app.domain.categories import load_categories
from app.domain.entries import EntryDraft, validate
from app.domain.errors import NeedsConfirmation, ValidationError
from app.domain.money import Money

TODAY = date(2025, 6, 1)
CATEGORIES = {c.code: c for c in load_categories()}


def draft(**changes: object) -> EntryDraft:
    fields: dict[str, object] = dict(on=date(2025, 5, 1), amount=Money(-2500), payee="Jo (PA)",
                                     category_code="pa_wages")
    fields.update(changes)
    return EntryDraft(**fields)  # type: ignore[arg-type]


def test_a_good_entry_is_tidied() -> None:
    clean = validate(draft(payee="  Jo (PA) ", memo=" week 1 "), CATEGORIES, TODAY)
    assert (clean.payee, clean.memo) == ("Jo (PA)", "week 1")


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
    ],
)
def test_bad_entries_name_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate(draft(**changes), CATEGORIES, TODAY)
    assert error.value.field == field
    assert str(error.value)


def test_not_allowed_category_needs_a_reason() -> None:
    with pytest.raises(NeedsConfirmation, match="Household bills"):
        validate(draft(category_code="household"), CATEGORIES, TODAY)
    clean = validate(draft(category_code="household", approval_reason="Agreed by email 2 May"),
                     CATEGORIES, TODAY)
    assert clean.approval_reason == "Agreed by email 2 May"


def test_every_category_has_english_and_welsh_names() -> None:
    for category in CATEGORIES.values():
        assert category.name_en and category.name_cy, category.code
