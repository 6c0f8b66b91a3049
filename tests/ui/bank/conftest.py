from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.profiles import OpenProfile
from tests.app.services.bank.bank_profiles import opened_profile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenProfile]:
    yield from opened_profile(tmp_path, monkeypatch)
