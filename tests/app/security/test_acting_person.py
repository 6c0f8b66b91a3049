"""Changing who is at the keyboard once a profile is open (the window asks after unlocking)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from security_helpers import NAME, PASSPHRASE

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.domain.roles import Role
from app.services.history import HistoryService
from app.services.ledger import LedgerService
from app.services.people import PeopleService
from app.services.profiles import CreatedProfile, NotAllowedToAct, open_profile


def test_acting_as_a_recorded_carer_records_them(created: CreatedProfile, data_dir: Path
                                                 ) -> None:
    with open_profile(data_dir, NAME, PASSPHRASE) as profile:
        people = PeopleService(profile)
        people.add("Sam Carer", Role.CARER)
        assert people.act_as("sam carer") == "Sam Carer"
        LedgerService(profile).add_entry(
            EntryDraft(date(2024, 5, 3), Money(-500), "Shop", "pa_wages", ""), date(2024, 6, 1))
        assert HistoryService(profile).events()[-1].actor == "Sam Carer"


def test_acting_as_someone_not_recorded_is_refused(created: CreatedProfile, data_dir: Path
                                                   ) -> None:
    with open_profile(data_dir, NAME, PASSPHRASE) as profile:
        with pytest.raises(NotAllowedToAct, match="Stranger"):
            PeopleService(profile).act_as("Stranger")
        assert profile.actor == NAME
