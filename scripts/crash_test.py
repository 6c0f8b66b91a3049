"""Crash test: kill the profile writer with SIGKILL at random points, then check the file.

Each round starts a writer process that opens the profile, adds entries one transaction at a
time (reporting each one after its commit returns), and often closes and reopens it
(checkpoint, a checked automatic backup, rotation of old backups, lock release). Its clock
runs six hours ahead at each backup, so rotation by day, week and month really deletes. The
round kills it after a random delay: while writing, copying a backup, checking it, or
rotating. Then `PRAGMA integrity_check` must say ok, every entry reported committed must be
there, every automatic backup left must open with the key and be whole, and once a backup
has been reported made, at least one such backup must always be there.

    python scripts/crash_test.py [--rounds 100] [--max-delay 0.4] [--seed N]

Prints figures; exits 1 when any round finds damage, a missing entry, a bad backup, or no
good backup. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NAME = "Crash Test"
PASSPHRASE = "crash test passphrase"
TODAY = date(2024, 6, 1)


@dataclass
class Figures:
    rounds: int = 0
    committed: int = 0  # entries the writer reported committed, over all rounds
    present: int = 0  # entries found in the file at the end
    missing: int = 0
    damaged_rounds: int = 0
    backups: int = 0  # automatic backups left at the end, each checked
    bad_backups: int = 0  # over all rounds: a backup left that did not open whole
    rounds_without_backup: int = 0  # after a backup was reported made: none good was left
    fewest_backups: int | None = None
    most_backups: int = 0
    phases_at_kill: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return (self.missing == 0 and self.damaged_rounds == 0 and self.bad_backups == 0
                and self.rounds_without_backup == 0)


def writer(data_dir: Path, seed: int) -> None:
    """The child: write until killed, saying each step on stdout."""
    from app.domain.entries import EntryDraft
    from app.domain.money import Money
    from app.services.context import open_context

    rng = random.Random(seed)
    n = 0
    _watch_backups(seed)
    print("ready", flush=True)  # imports done: the random delay starts from here
    while True:
        print("phase opening", flush=True)
        ctx = open_context(data_dir, NAME, PASSPHRASE)
        ledger = ctx.ledger
        for _ in range(rng.randint(1, 6)):
            print("phase writing", flush=True)
            memo = f"s{seed}-n{n}"
            ledger.add_entry(EntryDraft(date(2024, 5, 1), Money(-(n % 5000) - 1),
                                        "Crash payee", "pa_wages", memo), TODAY)
            print(f"committed {memo}", flush=True)
            n += 1
        print("phase closing", flush=True)  # checkpoint, automatic backup, unlock
        ctx.close()
        print("backed up", flush=True)


def _watch_backups(seed: int) -> None:
    """Say each backup step as it starts, and run the backup clock six hours a time ahead
    (from a start that differs by seed), so rotation deletes old copies in every round."""
    from datetime import UTC, datetime, timedelta

    from app.store import backups

    clock = [datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=seed % 1000)]
    copy, rotate, matches = backups.copy_database, backups.rotate, backups.matches

    def ahead() -> datetime:
        clock[0] += timedelta(hours=6)
        return clock[0]

    def say(phase: str, work: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            print(f"phase {phase}", flush=True)
            return work(*args, **kwargs)
        return run

    backups.now_utc = ahead
    backups.automatic_backup.__defaults__ = (backups.Generations(), ahead)
    backups.copy_database = say("copying a backup", copy)
    backups.matches = say("checking a backup", matches)
    backups.rotate = say("rotating backups", rotate)


def make_profile(data_dir: Path) -> bytes:
    """A fresh profile with a cheap key derivation (the file records it); returns its key."""
    from app.domain.funding import Frequency
    from app.domain.money import Money
    from app.services.profiles import NewProfile, create_profile
    from app.store import keys
    from app.store.profiles import ProfileDirectory

    usual, keys.DEFAULT_COST = keys.DEFAULT_COST, keys.KdfCost(1, 8 * 1024, 1)
    try:
        created = create_profile(data_dir, NewProfile(
            NAME, Money(42000), Frequency.FOUR_WEEKLY, date(2024, 4, 1)), PASSPHRASE)
    finally:
        keys.DEFAULT_COST = usual
    wrapped = ProfileDirectory(data_dir).wrapped_keys(created.info)
    return keys.unwrap(next(k for k in wrapped if k.purpose == "passphrase"), PASSPHRASE)


def one_round(data_dir: Path, seed: int, delay: float) -> tuple[list[str], str, bool]:
    child = subprocess.Popen(
        [sys.executable, __file__, "--writer", str(data_dir), "--seed", str(seed)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    assert child.stdout is not None
    first = child.stdout.readline()  # wait until the writer is ready
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    out, _err = child.communicate(timeout=30)
    lines = [first.strip(), *out.splitlines()]
    committed = [line.split(" ", 1)[1] for line in lines if line.startswith("committed ")]
    phases = [line.split(" ", 1)[1] for line in lines if line.startswith("phase ")]
    return committed, phases[-1] if phases else "starting", "backed up" in lines


def check(data_dir: Path, key: bytes) -> tuple[bool, set[str]]:
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(data_dir / "profiles" / "crash-test" / "ledger.db"))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        whole = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        memos = {row[0] for row in conn.execute("SELECT memo FROM entry")}
    finally:
        conn.close()
    return whole, memos


def run(rounds: int, max_delay: float, seed: int, data_dir: Path) -> Figures:
    rng = random.Random(seed)
    key = make_profile(data_dir)
    figures = Figures()
    reported: set[str] = set()
    backed_up = False
    started = time.perf_counter()
    for number in range(rounds):
        committed, phase, made = one_round(data_dir, seed * 1000 + number,
                                           rng.uniform(0.05, max_delay))
        reported.update(committed)
        backed_up = backed_up or made
        figures.phases_at_kill[phase] += 1
        whole, memos = check(data_dir, key)
        figures.damaged_rounds += not whole
        figures.missing = len(reported - memos)
        check_backups(data_dir, key, figures, backed_up)
        figures.rounds += 1
    figures.seconds = time.perf_counter() - started
    figures.committed = len(reported)
    figures.present = len(check(data_dir, key)[1])
    return figures


def check_backups(data_dir: Path, key: bytes, figures: Figures, expected: bool) -> None:
    """Backups cut short by a kill must never be left looking like whole ones, and once one
    was made, a whole one must always be left (rotation removes old ones only after the new
    one is checked)."""
    from app.store.backups import automatic_backups, check_copy

    found = automatic_backups(data_dir / "profiles" / "crash-test")
    good = sum(check_copy(path, key) for path in found)
    figures.backups = len(found)
    figures.bad_backups += len(found) - good
    figures.rounds_without_backup += expected and good == 0
    if expected:
        figures.fewest_backups = good if figures.fewest_backups is None else min(
            figures.fewest_backups, good)
    figures.most_backups = max(figures.most_backups, good)


def report(figures: Figures) -> str:
    phases = ", ".join(f"{k} {v}" for k, v in sorted(figures.phases_at_kill.items()))
    return (f"rounds {figures.rounds}, killed while: {phases}\n"
            f"entries reported committed {figures.committed}, present {figures.present}, "
            f"missing {figures.missing}\n"
            f"rounds with integrity_check not ok: {figures.damaged_rounds}\n"
            f"automatic backups left {figures.backups}; after each round whole ones "
            f"{figures.fewest_backups}-{figures.most_backups}, not whole (all rounds) "
            f"{figures.bad_backups}, rounds with none whole {figures.rounds_without_backup}\n"
            f"time {figures.seconds:.1f} s ({figures.seconds / max(figures.rounds, 1):.2f} s "
            f"a round)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--max-delay", type=float, default=0.4)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--writer", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.writer is not None:
        writer(args.writer, args.seed)
        return 0
    with tempfile.TemporaryDirectory(prefix="careledger-crash-") as tmp:
        figures = run(args.rounds, args.max_delay, args.seed, Path(tmp))
    print(f"seed {args.seed}")
    print(report(figures))
    return 0 if figures.ok else 1


if __name__ == "__main__":
    sys.exit(main())
