"""Shared test set-up: Qt offscreen, a cheap key-derivation cost, English text, and ready-made
profiles (a fresh one, and a demo with a year of records) opened as ProfileContexts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the real OS keyring.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import replace  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

from app import i18n  # noqa: E402
from app.domain.funding import Frequency  # noqa: E402
from app.domain.money import Money  # noqa: E402
from app.services.context import ProfileContext, open_context  # noqa: E402
from app.services.demo import create_demo_profile  # noqa: E402
from app.services.profiles import NewProfile, create_profile  # noqa: E402
from app.store import keys  # noqa: E402

# argon2id at full cost takes ~150 ms; tests make hundreds of profiles. Files record their
# own cost, so this changes speed only, not behaviour.
CHEAP = keys.KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)
keys.DEFAULT_COST = CHEAP

PASSPHRASE = "correct horse battery"
NAME = "Ann Example"
START = date(2025, 4, 1)
DEMO_NAME = "Demo Alex"
DEMO_TODAY = date(2026, 3, 31)  # the demo's records run for the year up to this day


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_locale("en_GB")
    yield
    i18n.set_locale("en_GB")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


def new_profile_request(name: str = NAME, **changes: Any) -> NewProfile:
    """£420 a week, paid four-weekly, from 1 April 2025, for Testshire County Council."""
    request = NewProfile(name, Money(42000), Frequency.FOUR_WEEKLY, START,
                         council_name="Testshire County Council", council_reference="TC-123")
    return replace(request, **changes)


@pytest.fixture
def make_ctx(data_dir: Path) -> Iterator[Callable[..., ProfileContext]]:
    """Make and open a fresh profile: make_ctx(name=..., any NewProfile field=...)."""
    opened: list[ProfileContext] = []

    def make(name: str = NAME, **changes: Any) -> ProfileContext:
        create_profile(data_dir, new_profile_request(name, **changes), PASSPHRASE)
        ctx = open_context(data_dir, name, PASSPHRASE)
        opened.append(ctx)
        return ctx

    yield make
    for ctx in opened:
        if ctx.profile.lock is not None and ctx.profile.lock.held:
            ctx.close()


@pytest.fixture
def ctx(make_ctx: Callable[..., ProfileContext]) -> ProfileContext:
    """A fresh profile, unlocked: £420 a week from 1 April 2025, no entries yet."""
    return make_ctx()


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo profile on disk with a year of records to DEMO_TODAY, made once per module."""
    folder = tmp_path_factory.mktemp("demo")
    i18n.set_locale("en_GB")
    create_demo_profile(folder, DEMO_NAME, PASSPHRASE, today=DEMO_TODAY)
    return folder


@pytest.fixture
def demo_ctx(demo_dir: Path) -> Iterator[ProfileContext]:
    opened = open_context(demo_dir, DEMO_NAME, PASSPHRASE)
    yield opened
    opened.close()


def read_every_table(ctx: ProfileContext) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every audited table, raw as stored: 'exactly the same' means this."""
    from app.store.writer import TABLES, all_columns

    with ctx.store.read() as repos:
        return {table: [tuple(row) for row in repos.conn.exec_driver_sql(
                    f'SELECT {", ".join(chr(34) + c + chr(34) for c in all_columns(table))} '
                    f'FROM "{table}" ORDER BY 1, 2')]
                for table in TABLES}


@pytest.fixture
def db_state() -> Callable[[ProfileContext], dict[str, list[tuple[object, ...]]]]:
    return read_every_table


def raw_connection(ctx: ProfileContext) -> Any:
    """The profile's database opened as an attacker with the key would: straight through the
    driver, no CareLedger code in between (no writer, no guard, no foreign keys)."""
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(ctx.info.database), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{ctx.profile.data_key.hex()}'\"")
    return conn


@pytest.fixture
def behind_the_app() -> Callable[[ProfileContext], Any]:
    return raw_connection
