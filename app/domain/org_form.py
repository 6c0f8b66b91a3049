"""Guess a provider's organisation form from what its name and numbers say.

Registers rarely state the legal form, so this is a guess the screen marks as
"derived, not certain". The order of the rules matters: a "Community Interest Company
Limited" is a CIC, and an "NHS Foundation Trust" is a public body, not a charity.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.domain.providers import OrgForm

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


def org_form_of(stated: list[str], names: list[str], charity_number: str = ""
                ) -> tuple[OrgForm, bool]:
    """(form, derived?): what a register states outright wins; otherwise a guess from names."""
    if charity_number.strip():
        return OrgForm.CHARITY, False
    for text in stated:
        form = stated_org_form(text) if text else None
        if form is not None:
            return form, False
    return derive_org_form(*names), True
