"""The fault suite: each finding of issue 11 as a test that failed before the fix.

Full disks and read-only folders are real: a small tmpfs is mounted for them (root only;
elsewhere those tests are skipped and say why).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.cli import run
from tests.app.safety.safety_helpers import Cli


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
