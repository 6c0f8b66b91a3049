"""Killed while copying, checking or rotating backups: a whole backup is always left.
(scripts/crash_test.py runs many more rounds; this runs a few with every test run.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from scripts.crash_test import run


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
def test_killed_during_backups_and_rotation_a_whole_backup_remains(tmp_path: Path) -> None:
    figures = run(rounds=10, max_delay=0.5, seed=1111, data_dir=tmp_path)
    assert figures.rounds == 10 and figures.committed > 0
    assert figures.missing == 0 and figures.damaged_rounds == 0
    assert figures.bad_backups == 0  # never a half backup under a backup's name
    assert figures.rounds_without_backup == 0
    assert figures.fewest_backups is not None and figures.fewest_backups >= 1
