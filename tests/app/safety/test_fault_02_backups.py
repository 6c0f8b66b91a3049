"""Finding 2: automatic backups rotated on every open, even a read-only `entries list`, and
were never checked before an older good one was deleted: a bit-flipped ledger was copied
over all the good backups."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.services.profiles import open_profile
from app.store.backups import automatic_backups, check_copy
from tests.app.safety.conftest import (
    NAME,
    PASS,
    Cli,
    add_entries,
    data_key,
    fingerprint,
    make,
)


def test_reading_never_touches_the_backups(data_dir: Path, cli: Cli) -> None:
    folder = make(data_dir).info.folder
    add_entries(data_dir, 2)
    before = fingerprint(folder / "backups")
    for _ in range(6):
        assert cli(data_dir, "entries", "list", "--profile", NAME,
                   CARELEDGER_PASSPHRASE=PASS)[0] == 0
        with open_profile(data_dir, NAME, PASS):  # opened for writing, nothing written
            pass
    assert fingerprint(folder / "backups") == before


def test_writing_makes_one_checked_backup(data_dir: Path) -> None:
    created = make(data_dir)
    add_entries(data_dir, 1)
    first = automatic_backups(created.info.folder)
    add_entries(data_dir, 1)
    second = automatic_backups(created.info.folder)
    assert len(second) == len(first) + 1
    assert check_copy(second[0], data_key(data_dir, created.info))


def _flip_a_page_in_use(path: Path, key: bytes, tmp: Path) -> None:
    """Flip one bit in the first page whose damage SQLite notices (a page of records that
    adding entries does not rewrite), as a failing disk would."""
    data = path.read_bytes()
    for page in range(1, len(data) // 4096):
        flipped = bytearray(data)
        flipped[page * 4096 + 2000] ^= 0x01
        trial = tmp / f"trial-{page}.db"
        trial.write_bytes(bytes(flipped))
        if not check_copy(trial, key):
            path.write_bytes(bytes(flipped))
            return
    raise AssertionError("no page of records found")


def test_a_damaged_ledger_never_replaces_the_good_backups(data_dir: Path,
                                                          tmp_path: Path) -> None:
    created = make(data_dir)
    for _ in range(3):
        add_entries(data_dir, 1)
    key = data_key(data_dir, created.info)
    good = automatic_backups(created.info.folder)
    assert good and all(check_copy(p, key) for p in good)
    _flip_a_page_in_use(created.info.database, key, tmp_path)
    for _ in range(8):  # more sessions than the backups kept
        with pytest.raises(DomainError):  # "changes are saved, but..." or "damaged"
            add_entries(data_dir, 1)
    left = automatic_backups(created.info.folder)
    assert set(good) <= set(left)
    assert all(check_copy(p, key) for p in left)


def test_generations_keep_old_copies_through_a_bad_week(data_dir: Path) -> None:
    """Daily use for a year, then a week of many sessions a day: months-old copies stay."""
    from app.store.backups import Generations, automatic_backup

    created = make(data_dir)
    start = datetime(2024, 1, 1, 9, tzinfo=UTC)
    times = [start + timedelta(days=d) for d in range(365)]
    times += [times[-1] + timedelta(days=1, minutes=m) for m in range(40)]
    with open_profile(data_dir, NAME, PASS) as profile:
        for when in times:
            automatic_backup(profile.info.database, profile.data_key, created.info.folder,
                             Generations(recent=5), clock=_at(when))
    left = automatic_backups(created.info.folder)
    ages = sorted((times[-1] - _made(p)).days for p in left)
    assert len(left) <= 5 + 7 + 5 + 12
    assert max(ages) >= 300  # a copy from about a year ago is still there
    assert sum(age >= 28 for age in ages) >= 10  # one a month


def _at(when: datetime) -> Callable[[], datetime]:
    return lambda: when


def _made(path: Path) -> datetime:
    from app.store.backups import made_at

    when = made_at(path)
    assert when is not None
    return when
