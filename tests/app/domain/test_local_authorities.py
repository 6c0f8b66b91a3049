"""Council names to ONS codes, from the mySociety extract in resources/opendata."""

from __future__ import annotations

import pytest

from app.domain.local_authorities import councils, find_council, is_council_name


@pytest.mark.parametrize(("typed", "code"), [
    ("Oldham Council", "E08000004"),
    ("Oldham Metropolitan Borough Council", "E08000004"),
    ("Cyngor Caerdydd", "W06000015"),
    ("City of Cardiff Council", "W06000015"),
    ("Kent County Council", "E10000016"),
    ("London Borough of Camden", "E09000007"),
    ("Somerset County Council", "E06000066"),  # replaced in 2023 by Somerset Council
    ("Powys", "W06000023"),
])
def test_a_typed_council_finds_its_code(typed: str, code: str) -> None:
    found = find_council(typed)
    assert found is not None and found.current_code == code


@pytest.mark.parametrize("typed", ["Demo Borough Council", "Testshire County Council", ""])
def test_no_guess_when_no_council_matches(typed: str) -> None:
    assert find_council(typed) is None


def test_the_extract_holds_the_social_care_councils_of_england_and_wales() -> None:
    current = [c for c in councils() if not c.end_date]
    assert len([c for c in current if c.nation == "Wales"]) == 22
    assert len([c for c in current if c.nation == "England"]) == 153
    assert is_council_name("Oldham Metropolitan Borough Council")
    assert not is_council_name("Ordinary Lifestyles")
