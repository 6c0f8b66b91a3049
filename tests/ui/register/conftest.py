"""A small real register (CQC extracts) and a profile for the register page tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.domain.funding import Frequency  # noqa: E402
from app.domain.money import Money  # noqa: E402
from app.services.my_providers import MyProvidersService  # noqa: E402
from app.services.profiles import NewProfile, create_profile, open_profile  # noqa: E402
from app.services.register import RegisterService  # noqa: E402
from app.store import keys  # noqa: E402

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
def my_providers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 register: RegisterService) -> Iterator[MyProvidersService]:
    monkeypatch.setattr(keys, "DEFAULT_COST", keys.KdfCost(1, 8, 1))
    create_profile(tmp_path, NewProfile("Ann", Money(42000), Frequency.FOUR_WEEKLY,
                                        date(2024, 4, 1)), "pass phrase here")
    profile = open_profile(tmp_path, "Ann", "pass phrase here")
    yield MyProvidersService(profile, register)
    profile.close()
