"""The fault suite: each finding of issue 11 as a test that failed before the fix.

Full disks and read-only folders are real: a small tmpfs is mounted for them (root only;
elsewhere those tests are skipped and say why).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from app.cli import run
from app.domain.entries import EntryDraft
from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.context import open_context
from app.services.profiles import CreatedProfile, NewProfile, create_profile
from app.store import keys
from app.store.profiles import ProfileDirectory, ProfileInfo

# --- builders shared by the fault suite ---------------------------------------------------------

Cli = Callable[..., tuple[int, str]]  # cli(data_dir, *argv, ENV=value) -> (status, output)
Disk = Callable[[str], Path]  # small_disk("2m") -> a mounted tmpfs of that size

NAME = "Dilys Example"
PASS = "fault suite passphrase"
TODAY = date(2025, 6, 1)


def request(name: str = NAME) -> NewProfile:
    return NewProfile(display_name=name, gross_weekly=Money(42000),
                      frequency=Frequency.FOUR_WEEKLY, start=date(2020, 1, 1))


def make(data_dir: Path, name: str = NAME, passphrase: str = PASS) -> CreatedProfile:
    return create_profile(data_dir, request(name), passphrase)


def add_entries(data_dir: Path, count: int = 1, name: str = NAME, payee: str = "Shop",
                passphrase: str = PASS) -> None:
    with open_context(data_dir, name, passphrase) as ctx:
        ledger = ctx.ledger
        for n in range(count):
            ledger.add_entry(EntryDraft(date(2025, 5, 1), Money(-(n + 1) * 100), payee,
                                        "pa_wages", ""), TODAY)


def count_entries(data_dir: Path, name: str = NAME, passphrase: str = PASS) -> int:
    with open_context(data_dir, name, passphrase, read_only=True) as ctx:
        return ctx.ledger.count()


def data_key(data_dir: Path, info: ProfileInfo, passphrase: str = PASS) -> bytes:
    wrapped = ProfileDirectory(data_dir).wrapped_keys(info)
    return keys.unwrap(next(k for k in wrapped if k.purpose == "passphrase"), passphrase)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file below `folder` by name, with a hash of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def remount_read_only(target: Path) -> None:
    done = subprocess.run(["mount", "-o", "remount,ro", str(target)], capture_output=True,
                          text=True)
    if done.returncode:
        pytest.skip(f"remounting read-only failed: {done.stderr.strip()}")


def fill(disk: Path) -> None:
    """Fill the file system to the last byte."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (1 << 20, 65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                continue
    finally:
        os.close(fd)


# --- fixtures ------------------------------------------------------------------------------------

def _mount(target: Path, size: str) -> str | None:
    """Mount a tmpfs of `size` on `target`; the reason when it cannot be done."""
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root; the full-disk and read-only cases need one"
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                           str(target)], capture_output=True, text=True)
    return None if done.returncode == 0 else f"mount failed: {done.stderr.strip()}"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """`small_disk("2m")`: a real file system of that size (a tmpfs), unmounted afterwards."""
    mounted: list[Path] = []

    def make(size: str) -> Path:
        target = tmp_path / f"disk{len(mounted)}"
        reason = _mount(target, size)
        if reason:
            pytest.skip(reason)
        mounted.append(target)
        return target

    yield make
    for target in reversed(mounted):
        subprocess.run(["umount", "-l", str(target)], check=False)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    """`cli(data_dir, *argv, CARELEDGER_PASSPHRASE=...)` -> (status, what it printed)."""

    def call(data: Path, *argv: str, **env: str) -> tuple[int, str]:
        for var in ("CARELEDGER_PASSPHRASE", "CARELEDGER_NEW_PASSPHRASE", "CARELEDGER_RECOVERY"):
            monkeypatch.delenv(var, raising=False)
        for var, value in env.items():
            monkeypatch.setenv(var, value)
        status = run(["--data-dir", str(data), *argv])
        captured = capsys.readouterr()
        out = captured.out + captured.err
        assert "Traceback" not in out
        return status, out

    return call
