"""Wrong-passphrase backoff: a small counter kept in the profile's folder.

The counter lives beside the profile (not in the encrypted file, which cannot be read without
the key) so that it survives restarting the program. It is written atomically.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.store.profiles import write_atomically

ATTEMPTS_FILE = "attempts.json"
FREE_ATTEMPTS = 3  # typing slips should cost nothing
FIRST_WAIT_SECONDS = 5
MAX_WAIT_SECONDS = 300

Clock = Callable[[], float]


@dataclass(frozen=True)
class Attempts:
    failures: int = 0
    last_failure: float = 0.0  # seconds since the epoch

    def wait_seconds(self) -> int:
        """How long after the last failure the next try must wait: doubling, capped."""
        extra = self.failures - FREE_ATTEMPTS - 1
        if extra < 0:
            return 0
        return int(min(FIRST_WAIT_SECONDS * 2 ** extra, MAX_WAIT_SECONDS))


class AttemptCounter:
    def __init__(self, folder: Path, clock: Clock = time.time) -> None:
        self.path = Path(folder) / ATTEMPTS_FILE
        self.clock = clock

    def read(self) -> Attempts:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return Attempts(int(data["failures"]), float(data["last_failure"]))
        except (OSError, ValueError, KeyError, TypeError):
            return Attempts()  # missing or unreadable: start again, never lock people out

    def seconds_to_wait(self) -> int:
        attempts = self.read()
        remaining = attempts.last_failure + attempts.wait_seconds() - self.clock()
        # A clock set backwards must not make the wait longer than the rule says.
        return max(0, min(int(remaining + 0.999), attempts.wait_seconds()))

    def record_failure(self) -> Attempts:
        now = Attempts(self.read().failures + 1, self.clock())
        write_atomically(self.path, json.dumps(
            {"failures": now.failures, "last_failure": now.last_failure}))
        return now

    def reset(self) -> None:
        self.path.unlink(missing_ok=True)
