"""Ready-made profiles for the security tests (tests/conftest.py makes key derivation cheap
and gives `data_dir`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from security_helpers import NAME, PASSPHRASE, new_request

from app.services.profiles import CreatedProfile, create_profile


@pytest.fixture
def make_profile(data_dir: Path) -> Callable[..., CreatedProfile]:
    def make(name: str = NAME, passphrase: str = PASSPHRASE) -> CreatedProfile:
        return create_profile(data_dir, new_request(name), passphrase)
    return make


@pytest.fixture
def created(make_profile: Callable[..., CreatedProfile]) -> CreatedProfile:
    return make_profile()
