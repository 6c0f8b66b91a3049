"""Guessing the organisation form from names and stated facts."""

from __future__ import annotations

import pytest

from app.domain.org_form import derive_org_form, stated_org_form
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
