"""A demo profile on disk (a year of entries), made once per test module with a cheap KDF."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.i18n import set_locale
from app.services.demo import create_demo_profile
from app.services.profiles import OpenProfile, open_profile
from app.store import keys

DEMO_TODAY = date(2026, 3, 31)
NAME = "Demo Alex"
PASSPHRASE = "demo passphrase"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("profiles")
    cheap = keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "DEFAULT_COST", cheap)
        create_demo_profile(folder, NAME, PASSPHRASE, today=DEMO_TODAY)
    return folder


@pytest.fixture
def profile(demo_dir: Path) -> Iterator[OpenProfile]:
    set_locale("en")
    opened = open_profile(demo_dir, NAME, PASSPHRASE)
    yield opened
    opened.close()
    set_locale("en")
