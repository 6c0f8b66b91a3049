"""A small real register (CQC extracts) and a profile for the register page tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.my_providers import MyProvidersService
from app.services.profiles import NewProfile, create_profile, open_profile
from app.services.register import RegisterService

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"


@pytest.fixture
def register(tmp_path: Path) -> Iterator[RegisterService]:
    service = RegisterService(tmp_path)
    for name in ("cqc_directory_extract.csv", "cqc_api_extract.csv",
                 "cqc_api_locations_extract.json"):
        service.import_file(FIXTURES / name)
    yield service
    service.close()


@pytest.fixture
def my_providers(tmp_path: Path, register: RegisterService) -> Iterator[MyProvidersService]:
    create_profile(tmp_path, NewProfile("Ann", Money(42000), Frequency.FOUR_WEEKLY,
                                        date(2024, 4, 1)), "pass phrase here")
    profile = open_profile(tmp_path, "Ann", "pass phrase here")
    yield MyProvidersService(profile, register)
    profile.close()
