"""Guessing the organisation form from names and stated facts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.domain.org_form import (
    Basis,
    OrgFormEvidence,
    best_org_form,
    company_prefix,
    derive_org_form,
    stated_org_form,
)
from app.domain.providers import OrgForm


@pytest.mark.parametrize(("name", "form"), [
    ("Innowood Limited", OrgForm.PRIVATE_COMPANY),
    ("Red Kite Home Care Ltd", OrgForm.PRIVATE_COMPANY),
    ("Caring Hands Community Interest Company", OrgForm.SOCIAL_ENTERPRISE),
    ("Unity Care CIC", OrgForm.SOCIAL_ENTERPRISE),
    ("Oldham Metropolitan Borough Council", OrgForm.PUBLIC_BODY),
    ("Devon Partnership NHS Trust", OrgForm.PUBLIC_BODY),
    ("Leonard Cheshire Disability", OrgForm.CHARITY),
    ("The Fremantle Trust", OrgForm.CHARITY),
    ("Equal Lives Co-operative Limited", OrgForm.MUTUAL),
    ("Mrs Jane Smith", OrgForm.SOLE_TRADER),
    ("Highlands Borders Care Home", OrgForm.UNKNOWN),
])
def test_names(name: str, form: OrgForm) -> None:
    assert derive_org_form(name) is form


def test_a_charity_number_decides() -> None:
    assert derive_org_form("Sunrise Ltd", charity_number="1123456") is OrgForm.CHARITY


def test_the_first_name_with_a_hint_wins() -> None:
    assert derive_org_form("", "Abbey View", "Abbey Care Ltd") is OrgForm.PRIVATE_COMPANY


def test_stated_words() -> None:
    assert stated_org_form("Community Interest Company") is OrgForm.SOCIAL_ENTERPRISE
    assert stated_org_form("something else") is None


# --- the best evidence: tested against CQC's own provider records -----------------------------

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "register" / \
    "cqc_api_providers_oldham_sample.json"


def _evidence(record: dict[str, Any]) -> OrgFormEvidence:
    return best_org_form(ownership_type=str(record.get("ownershipType") or ""),
                         charity_number=str(record.get("charityNumber") or ""),
                         companies_house_number=str(record.get("companiesHouseNumber") or ""),
                         registered_name=str(record["name"]))


def test_the_real_sample_gets_a_stated_form_for_every_provider() -> None:
    records = json.loads(SAMPLE.read_text(encoding="utf-8"))
    found = {r["name"]: _evidence(r) for r in records}
    assert len(found) == 20
    assert not any(e.likely for e in found.values())  # each rests on CQC's facts
    assert found["Guinness Northern Counties Limited"] == OrgFormEvidence(
        OrgForm.MUTUAL, Basis.REGISTERED_SOCIETY)  # IP19203R, though its name says "Limited"
    assert found["Ordinary Lifestyles"].form is OrgForm.CHARITY
    assert found["Heathbank Support Services"].basis is Basis.CHARITY_NUMBER
    assert found["Mrs Eileen Ashton"] == OrgFormEvidence(OrgForm.SOLE_TRADER, Basis.INDIVIDUAL)
    assert found["Mr Charles Jones and Mrs Sally Jones"].basis is Basis.PARTNERSHIP
    assert found["Sheridan Care Limited"] == OrgFormEvidence(OrgForm.PRIVATE_COMPANY,
                                                             Basis.COMPANY_NUMBER)
    # From the names alone, three would be unknown and Guinness a private company.
    by_name = {name: derive_org_form(name) for name in found}
    assert sum(form is OrgForm.UNKNOWN for form in by_name.values()) == 3
    assert by_name["Guinness Northern Counties Limited"] is OrgForm.PRIVATE_COMPANY


@pytest.mark.parametrize(("facts", "expected"), [
    ({"companies_house_number": "CE010135", "registered_name": "Friends Ltd"},
     (OrgForm.CHARITY, Basis.CIO)),
    ({"companies_house_number": "RS007771"}, (OrgForm.MUTUAL, Basis.REGISTERED_SOCIETY)),
    ({"companies_house_number": "09876543", "registered_name": "Good Care CIC"},
     (OrgForm.SOCIAL_ENTERPRISE, Basis.CIC)),
    ({"companies_house_number": "OC301234"}, (OrgForm.PRIVATE_COMPANY, Basis.COMPANY_NUMBER)),
    ({"ownership_type": "NHS Body", "charity_number": "123",
      "registered_name": "Devon Partnership NHS Trust"}, (OrgForm.PUBLIC_BODY, Basis.NHS_BODY)),
    ({"ownership_type": "Organisation", "registered_name": "Oldham Metropolitan Borough Council"},
     (OrgForm.PUBLIC_BODY, Basis.COUNCIL)),
    ({"registered_name": "Unity Care CIC"}, (OrgForm.SOCIAL_ENTERPRISE, Basis.NAME)),
    ({"registered_name": "Highlands Borders Care Home"}, (OrgForm.UNKNOWN, Basis.NONE)),
])
def test_each_kind_of_evidence(facts: dict[str, str], expected: tuple[OrgForm, Basis]) -> None:
    evidence = best_org_form(**facts)  # type: ignore[arg-type]
    assert (evidence.form, evidence.basis) == expected
    assert evidence.likely is (expected[1] in (Basis.NAME, Basis.NONE))


def test_company_prefixes() -> None:
    assert [company_prefix(n) for n in ("IP19203R", "03754654", "sc123456", "R0000123")] == [
        "IP", "", "SC", "R0"]
