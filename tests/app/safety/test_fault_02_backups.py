"""Finding 2: automatic backups rotated on every open, even a read-only `entries list`, and
were never checked before an older good one was deleted: a bit-flipped ledger was copied
over all the good backups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from safety_helpers import NAME, PASS, add_entries, data_key, fingerprint, make

from app.domain.errors import DomainError
from app.services.profiles import open_profile
from app.store.backups import automatic_backups, check_copy


def test_reading_never_touches_the_backups(data_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
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


def _flip_last_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) - 2000] ^= 0x01  # inside the last page: a write elsewhere still works
    path.write_bytes(bytes(data))


def test_a_damaged_ledger_never_replaces_the_good_backups(data_dir: Path) -> None:
    created = make(data_dir)
    for _ in range(3):
        add_entries(data_dir, 1)
    key = data_key(data_dir, created.info)
    good = automatic_backups(created.info.folder)
    assert good and all(check_copy(p, key) for p in good)
    _flip_last_page(created.info.database)
    for _ in range(8):  # more sessions than the backups kept
        with pytest.raises(DomainError, match="changes are saved"):
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
            automatic_backup(profile.engine, profile.data_key, created.info.folder,
                             Generations(recent=5), clock=lambda when=when: when)
    left = automatic_backups(created.info.folder)
    ages = sorted((times[-1] - _made(p)).days for p in left)
    assert len(left) <= 5 + 7 + 5 + 12
    assert max(ages) >= 300  # a copy from about a year ago is still there
    assert sum(age >= 28 for age in ages) >= 10  # one a month


def _made(path: Path) -> datetime:
    from app.store.backups import made_at

    when = made_at(path)
    assert when is not None
    return when
