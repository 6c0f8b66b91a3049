"""The outcome areas are the statutes' own lists, whole and in order, in English and Welsh."""

from __future__ import annotations

import pytest

from app.domain.errors import ValidationError
from app.outcomes.areas import all_areas, area, area_lists, areas_for, find_area, list_of

# The lists as legislation.gov.uk prints them (resources/outcomes/README.md).
CARE_ACT_1_2 = [
    "personal dignity (including treatment of the individual with respect)",
    "physical and mental health and emotional well-being",
    "protection from abuse and neglect",
    "control by the individual over day-to-day life (including over care and support, or "
    "support, provided to the individual and the way in which it is provided)",
    "participation in work, education, training or recreation",
    "social and economic well-being",
    "domestic, family and personal relationships",
    "suitability of living accommodation",
    "the individual’s contribution to society",
]
WALES_2_2_CY = [
    "iechyd corfforol, iechyd meddwl a llesiant emosiynol",
    "amddiffyn rhag camdriniaeth ac esgeulustod",
    "addysg, hyfforddiant a gweithgareddau hamdden",
    "perthnasoedd domestig, teuluol a phersonol",
    "cyfraniad a wneir at y gymdeithas",
    "sicrhau hawliau a hawlogaethau",
    "llesiant cymdeithasol ac economaidd",
    "addasrwydd llety preswyl",
]


def _of(list_code: str) -> list[str]:
    return [a.en for a in all_areas() if a.list_code == list_code]


def test_the_care_act_list_is_section_1_2_word_for_word() -> None:
    assert _of("ca") == CARE_ACT_1_2


def test_the_eligibility_outcomes_are_regulation_2_2_all_ten() -> None:
    outcomes = _of("er")
    assert len(outcomes) == 10
    assert outcomes[0] == "managing and maintaining nutrition"
    assert outcomes[-1] == "carrying out any caring responsibilities the adult has for a child"


def test_the_welsh_act_is_statutory_in_both_languages() -> None:
    wales = [a for a in all_areas() if a.list_code == "ww"]
    assert [a.cy for a in wales[:8]] == WALES_2_2_CY
    assert all(a.cy_statutory for a in wales)
    assert wales[-2].en == "control over day to day life"
    assert not any(a.cy_statutory for a in all_areas() if a.list_code != "ww")


def test_every_area_has_a_unique_code_and_both_languages() -> None:
    codes = [a.code for a in all_areas()]
    assert len(codes) == len(set(codes)) == 29
    assert all(a.en and a.cy for a in all_areas())
    assert {lst.code for lst in area_lists()} == {a.list_code for a in all_areas()}


def test_a_welsh_council_sees_the_welsh_act_first() -> None:
    assert areas_for("wales")[0].list_code == "ww"
    assert areas_for("england")[0].list_code == "ca"
    assert list_of(area("ww.2.4.b")).nation == "wales"


def test_an_unknown_code_is_refused_plainly() -> None:
    assert find_area(" CA.1.2.E ") is not None
    with pytest.raises(ValidationError, match="not an outcome area"):
        area("ca.9.9.z")
