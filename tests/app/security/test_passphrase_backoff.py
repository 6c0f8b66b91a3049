"""Repeated wrong passphrases slow down, survive a restart, and a right one resets them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from security_helpers import NAME, PASSPHRASE

from app.services.profiles import (
    CreatedProfile,
    TooManyAttempts,
    WrongPassphrase,
    open_profile,
)
from app.store.attempts import ATTEMPTS_FILE, FREE_ATTEMPTS, AttemptCounter, Attempts


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _fail(data_dir: Path, clock: FakeClock, times: int) -> None:
    for _ in range(times):
        with pytest.raises(WrongPassphrase):
            open_profile(data_dir, NAME, "wrong passphrase", clock=clock)


def test_wait_doubles_after_free_tries_and_is_capped() -> None:
    waits = [Attempts(n, 0).wait_seconds() for n in range(1, 12)]
    assert waits[:FREE_ATTEMPTS] == [0] * FREE_ATTEMPTS
    assert waits[FREE_ATTEMPTS:FREE_ATTEMPTS + 3] == [5, 10, 20]
    assert max(waits) == 300


def test_too_many_wrong_tries_say_how_long_to_wait(created: CreatedProfile,
                                                   data_dir: Path) -> None:
    clock = FakeClock()
    _fail(data_dir, clock, FREE_ATTEMPTS + 1)
    clock.now += 2
    with pytest.raises(TooManyAttempts, match="Wait 3 seconds"):
        open_profile(data_dir, NAME, PASSPHRASE, clock=clock)  # even the right one waits
    clock.now += 3
    open_profile(data_dir, NAME, PASSPHRASE, clock=clock).close()
    assert not (created.info.folder / ATTEMPTS_FILE).exists()  # reset by the right passphrase


def test_counter_is_kept_in_the_profile_folder(created: CreatedProfile, data_dir: Path) -> None:
    clock = FakeClock()
    _fail(data_dir, clock, 2)
    saved = json.loads((created.info.folder / ATTEMPTS_FILE).read_text())
    assert saved == {"failures": 2, "last_failure": clock.now}
    assert AttemptCounter(created.info.folder, clock).read().failures == 2


def test_clock_set_back_never_lengthens_the_wait(tmp_path: Path) -> None:
    clock = FakeClock()
    counter = AttemptCounter(tmp_path, clock)
    for _ in range(FREE_ATTEMPTS + 1):
        counter.record_failure()
    clock.now -= 100_000
    assert counter.seconds_to_wait() == 5


def test_unreadable_counter_starts_again(tmp_path: Path) -> None:
    (tmp_path / ATTEMPTS_FILE).write_text("{broken")
    assert AttemptCounter(tmp_path).seconds_to_wait() == 0
