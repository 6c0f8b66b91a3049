"""The wrong-passphrase counter: waits double after a few free tries, survive a clock set
back, and a damaged counter file starts again."""

from __future__ import annotations

from pathlib import Path

from app.store.attempts import ATTEMPTS_FILE, FREE_ATTEMPTS, AttemptCounter, Attempts


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_wait_doubles_after_free_tries_and_is_capped() -> None:
    waits = [Attempts(n, 0).wait_seconds() for n in range(1, 12)]
    assert waits[:FREE_ATTEMPTS] == [0] * FREE_ATTEMPTS
    assert waits[FREE_ATTEMPTS:FREE_ATTEMPTS + 3] == [5, 10, 20]
    assert max(waits) == 300


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
