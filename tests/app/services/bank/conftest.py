from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.profiles import OpenProfile
from tests.app.services.bank.bank_profiles import cheap_keys, make_profile


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenProfile]:
    cheap_keys(monkeypatch)
    opened = make_profile(tmp_path)
    yield opened
    opened.close()
