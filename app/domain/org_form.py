"""Guess a provider's organisation form from what its name and numbers say.

Registers rarely state the legal form, so this is a guess the screen marks as
"derived, not certain". The order of the rules matters: a "Community Interest Company
Limited" is a CIC, and an "NHS Foundation Trust" is a public body, not a charity.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from app.domain.local_authorities import is_council_name
from app.domain.providers import OrgForm
from app.i18n import N_
from app.paths import RESOURCES

_RULES: list[tuple[OrgForm, re.Pattern[str]]] = [
    (OrgForm.PUBLIC_BODY, re.compile(
        r"\b(nhs|council|borough|county|city of|metropolitan|local authority|"
        r"health board|clinical commissioning|integrated care board)\b")),
    (OrgForm.SOCIAL_ENTERPRISE, re.compile(
        r"\b(c\.?i\.?c\.?|community interest company|social enterprise)\b")),
    (OrgForm.MUTUAL, re.compile(
        r"\b(co-?operative|co-?op|mutual|friendly society|benefit society)\b")),
    (OrgForm.CHARITY, re.compile(
        r"\b(charity|charitable|trust|foundation|association|almshouses?|abbeyfield|"
        r"barnardo'?s|mencap|scope|leonard cheshire|salvation army|methodist homes|"
        r"sue ryder|royal british legion|diocese|sisters of|little sisters)\b")),
    (OrgForm.PRIVATE_COMPANY, re.compile(
        r"\b(ltd\.?|limited|plc|llp|l\.l\.p\.?|& partners|and partners|partnership|"
        r"company)\b")),
    (OrgForm.SOLE_TRADER, re.compile(r"^(mr|mrs|ms|miss|dr)\.? [a-z]")),
]


def derive_org_form(*names: str, charity_number: str = "") -> OrgForm:
    """The most likely form, or UNKNOWN when nothing in the names gives a hint."""
    if charity_number.strip():
        return OrgForm.CHARITY
    for name in names:
        form = _form_of(" ".join(name.lower().split()))
        if form is not OrgForm.UNKNOWN:
            return form
    return OrgForm.UNKNOWN


@lru_cache(maxsize=65536)  # provider names repeat across a chain's many locations
def _form_of(lowered: str) -> OrgForm:
    for form, pattern in _RULES:
        if pattern.search(lowered):
            return form
    return OrgForm.UNKNOWN


# ORUK and HSDS legal_status / tax_status words, when a feed states them outright.
_STATED = {
    "charity": OrgForm.CHARITY,
    "registered charity": OrgForm.CHARITY,
    "charitable incorporated organisation": OrgForm.CHARITY,
    "cio": OrgForm.CHARITY,
    "cic": OrgForm.SOCIAL_ENTERPRISE,
    "community interest company": OrgForm.SOCIAL_ENTERPRISE,
    "social enterprise": OrgForm.SOCIAL_ENTERPRISE,
    "co-operative": OrgForm.MUTUAL,
    "cooperative": OrgForm.MUTUAL,
    "mutual": OrgForm.MUTUAL,
    "public body": OrgForm.PUBLIC_BODY,
    "local authority": OrgForm.PUBLIC_BODY,
    "government": OrgForm.PUBLIC_BODY,
    "private company": OrgForm.PRIVATE_COMPANY,
    "limited company": OrgForm.PRIVATE_COMPANY,
    "company": OrgForm.PRIVATE_COMPANY,
    "sole trader": OrgForm.SOLE_TRADER,
    "self-employed": OrgForm.SOLE_TRADER,
    # CQC's provider ownership type and provider type/sector words.
    "individual": OrgForm.SOLE_TRADER,
    "nhs healthcare organisation": OrgForm.PUBLIC_BODY,
    "nhs body": OrgForm.PUBLIC_BODY,
}


def stated_org_form(text: str) -> OrgForm | None:
    """The form a feed states in words, or None when the words are not ones we know."""
    return _STATED.get(" ".join(text.lower().split()))


def org_form_of(stated: list[str], names: list[str], charity_number: str = "",
                companies_house_number: str = "") -> tuple[OrgForm, bool]:
    """(form, derived?): what a register states or its numbers say win; otherwise a guess from
    the names (derived: "likely")."""
    ownership = next((s for s in stated if s.strip().lower() in (
        "nhs body", "individual", "partnership")), "")
    evidence = best_org_form(ownership_type=ownership, charity_number=charity_number,
                             companies_house_number=companies_house_number,
                             names=tuple(names), stated=tuple(stated))
    return evidence.form, evidence.likely


# --- the best evidence there is --------------------------------------------------------------

PREFIXES_FILE = RESOURCES / "register" / "companies_house_prefixes.json"


class Basis(StrEnum):
    """What an organisation form rests on, strongest first."""

    NHS_BODY = "nhs_body"  # CQC ownership type "NHS Body"
    COUNCIL = "council"  # the registered name is a council's own name
    CIO = "cio"  # Companies House number CE... or CS...
    CHARITY_NUMBER = "charity_number"
    REGISTERED_SOCIETY = "registered_society"  # Companies House number IP..., RS..., ...
    CIC = "cic"  # a registered company whose name says Community Interest Company / CIC
    COMPANY_NUMBER = "company_number"  # any other Companies House number
    INDIVIDUAL = "individual"  # CQC ownership type
    PARTNERSHIP = "partnership"  # CQC ownership type
    STATED = "stated"  # a register's own words (ORUK legal status, ...)
    NAME = "name"  # the name alone: a guess, shown as "likely"
    NONE = "none"


BASIS_WORDS = {
    Basis.NHS_BODY: N_("CQC records it as an NHS body"),
    Basis.COUNCIL: N_("its registered name is a council's"),
    Basis.CIO: N_("its Companies House number is a charitable incorporated organisation's"),
    Basis.CHARITY_NUMBER: N_("it has a charity number"),
    Basis.REGISTERED_SOCIETY: N_("its Companies House number is a registered society's "
                                 "(a co-operative or community benefit society)"),
    Basis.CIC: N_("a registered company with Community Interest Company in its name"),
    Basis.COMPANY_NUMBER: N_("it has a Companies House company number"),
    Basis.INDIVIDUAL: N_("CQC records one person as the provider"),
    Basis.PARTNERSHIP: N_("CQC records a partnership as the provider"),
    Basis.STATED: N_("the register states it"),
    Basis.NAME: N_("likely, from its name alone"),
    Basis.NONE: N_("nothing says"),
}


@dataclass(frozen=True)
class OrgFormEvidence:
    form: OrgForm
    basis: Basis

    @property
    def likely(self) -> bool:
        """True when the form rests on the name alone."""
        return self.basis in (Basis.NAME, Basis.NONE)


@cache
def _prefixes() -> dict[str, str]:
    data = json.loads(PREFIXES_FILE.read_text(encoding="utf-8"))
    return {prefix: item["form"] for prefix, item in data["prefixes"].items()}


def company_prefix(number: str) -> str:
    """The letters a Companies House number starts with ('' for eight digits)."""
    clean = "".join(number.split()).upper()
    letters = clean[:2] if clean[:2].isalpha() or clean[:2] == "R0" else ""
    return letters


_CIC = re.compile(r"\b(c\.?i\.?c\.?|community interest company)\b")


def best_org_form(*, ownership_type: str = "", charity_number: str = "",
                  companies_house_number: str = "", registered_name: str = "",
                  names: tuple[str, ...] = (), stated: tuple[str, ...] = ()
                  ) -> OrgFormEvidence:
    """The organisation form from the strongest evidence given: CQC's ownership type, the
    charity and Companies House numbers, a council's own name, a register's stated words;
    only when none says anything, the names (and then it is marked likely)."""
    ownership = " ".join(ownership_type.lower().split())
    company = "".join(companies_house_number.split()).upper()
    lowered = " ".join(registered_name.lower().split())
    kind = _prefixes().get(company_prefix(company), "") if company else ""
    if ownership == "nhs body":
        return OrgFormEvidence(OrgForm.PUBLIC_BODY, Basis.NHS_BODY)
    if kind == "charity":
        return OrgFormEvidence(OrgForm.CHARITY, Basis.CIO)
    if charity_number.strip():
        return OrgFormEvidence(OrgForm.CHARITY, Basis.CHARITY_NUMBER)
    if kind == "mutual":
        return OrgFormEvidence(OrgForm.MUTUAL, Basis.REGISTERED_SOCIETY)
    if kind == "company" and _CIC.search(lowered):
        return OrgFormEvidence(OrgForm.SOCIAL_ENTERPRISE, Basis.CIC)
    if kind in ("company", "private_company"):
        return OrgFormEvidence(OrgForm.PRIVATE_COMPANY, Basis.COMPANY_NUMBER)
    if ownership == "individual":
        return OrgFormEvidence(OrgForm.SOLE_TRADER, Basis.INDIVIDUAL)
    if ownership == "partnership":
        return OrgFormEvidence(OrgForm.PRIVATE_COMPANY, Basis.PARTNERSHIP)
    if registered_name and not company and is_council_name(registered_name):
        return OrgFormEvidence(OrgForm.PUBLIC_BODY, Basis.COUNCIL)
    for text in stated:
        form = stated_org_form(text) if text else None
        if form is not None:
            return OrgFormEvidence(form, Basis.STATED)
    guessed = derive_org_form(registered_name, *names)
    return OrgFormEvidence(guessed, Basis.NAME if guessed is not OrgForm.UNKNOWN else Basis.NONE)
