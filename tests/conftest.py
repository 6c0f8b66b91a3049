"""Shared test set-up: Qt offscreen, a cheap key-derivation cost, English text."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the real OS keyring.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from collections.abc import Iterator  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402

from app import i18n  # noqa: E402
from app.store import keys  # noqa: E402
from tests.memory_keyring import MemoryKeyring  # noqa: E402

# argon2id at full cost takes ~150 ms; tests make hundreds of profiles. Files record their
# own cost, so this changes speed only, not behaviour.
keys.DEFAULT_COST = keys.KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)

PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_locale("en_GB")
    yield
    i18n.set_locale("en_GB")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring, so “remember on this computer” is tested without the OS one."""
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def open_profile(data_dir: Path) -> Iterator[object]:
    """A fresh profile: £420 a week, paid four-weekly, from 1 April 2025, unlocked."""
    from app.domain.funding import Frequency
    from app.domain.money import Money
    from app.services.profiles import NewProfile, create_profile
    from app.services.profiles import open_profile as open_

    request = NewProfile("Ann Example", Money(42000), Frequency.FOUR_WEEKLY, date(2025, 4, 1),
                         council_name="Testshire County Council", council_reference="TC-123")
    create_profile(data_dir, request, PASSPHRASE)
    profile = open_(data_dir, "Ann Example", PASSPHRASE)
    yield profile
    profile.close()


@pytest.fixture
def ledger(open_profile: object) -> object:
    from app.services.ledger import LedgerService

    return LedgerService(open_profile)  # type: ignore[arg-type]
