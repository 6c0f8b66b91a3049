"""A few rounds of the crash test (scripts/crash_test.py runs the full 100)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from scripts.crash_test import run


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
def test_writer_killed_at_random_points_loses_nothing(tmp_path: Path) -> None:
    figures = run(rounds=4, max_delay=0.3, seed=20241129, data_dir=tmp_path)
    assert figures.rounds == 4
    assert figures.committed > 0  # the writer really got to write before being killed
    assert figures.damaged_rounds == 0
    assert figures.missing == 0
    assert figures.present >= figures.committed
    assert figures.bad_backups == 0
