"""Helpers for bank tests: a small real profile with cheap key derivation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.profiles import NewProfile, OpenProfile, create_profile, open_profile
from app.store import keys

PASSPHRASE = "correct horse battery"
NAME = "Bank Test"


def cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap = keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1)
    monkeypatch.setattr(keys, "DEFAULT_COST", cheap)


def make_profile(data_dir: Path, name: str = NAME) -> OpenProfile:
    request = NewProfile(display_name=name, gross_weekly=Money(40000),
                         frequency=Frequency.FOUR_WEEKLY, start=date(2020, 1, 1))
    create_profile(data_dir, request, PASSPHRASE)
    return open_profile(data_dir, name, PASSPHRASE)


def opened_profile(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenProfile]:
    """Body of the `profile` fixtures: a fresh profile, closed afterwards."""
    cheap_keys(monkeypatch)
    opened = make_profile(data_dir)
    yield opened
    opened.close()
