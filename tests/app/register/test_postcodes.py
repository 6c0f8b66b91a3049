"""District centroids and distances, offline."""

from __future__ import annotations

import pytest

from app.register.postcodes import district_of, locate, miles_between


@pytest.mark.parametrize(("text", "district"), [
    ("EX1 2QE", "EX1"), ("ex12qe", "EX1"), ("SW1A 1AA", "SW1A"), ("M1", "M1"),
    ("W1A", "W1A"), ("nonsense", ""), ("", "")])
def test_district_of(text: str, district: str) -> None:
    assert district_of(text) == district


def test_a_full_postcode_uses_its_district() -> None:
    assert locate("EX1 2QE") == locate("EX1")


def test_exeter_to_plymouth_is_about_37_miles() -> None:
    exeter, plymouth = locate("EX1"), locate("PL1")
    miles = miles_between(exeter.latitude, exeter.longitude, plymouth.latitude,
                          plymouth.longitude)
    assert 35 < miles < 40
