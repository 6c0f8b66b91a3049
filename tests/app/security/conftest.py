"""Fixtures for the security tests: cheap key derivation and ready-made profiles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from security_helpers import NAME, PASSPHRASE, new_request

from app.services.profiles import CreatedProfile, create_profile
from app.store import keys


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # Files record their own cost, so child processes unwrap these keys cheaply too.
    monkeypatch.setattr(keys, "DEFAULT_COST", keys.KdfCost(1, 8, 1))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_profile(data_dir: Path) -> Callable[..., CreatedProfile]:
    def make(name: str = NAME, passphrase: str = PASSPHRASE) -> CreatedProfile:
        return create_profile(data_dir, new_request(name), passphrase)
    return make


@pytest.fixture
def created(make_profile: Callable[..., CreatedProfile]) -> CreatedProfile:
    return make_profile()
