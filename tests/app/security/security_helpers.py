"""Constants and builders shared by the security tests (a unique module name on purpose)."""

from __future__ import annotations

from datetime import date

from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.profiles import NewProfile

PASSPHRASE = "correct horse battery"
NAME = "Alex Example"


def new_request(name: str = NAME) -> NewProfile:
    return NewProfile(display_name=name, gross_weekly=Money(42000),
                      frequency=Frequency.FOUR_WEEKLY, start=date(2024, 4, 1),
                      council_name="Test Council", council_reference="REF-1")
