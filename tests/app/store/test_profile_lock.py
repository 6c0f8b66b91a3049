"""The writer lock's note: one from another computer in a synced folder counts, until old."""

from __future__ import annotations

import json
import time
from pathlib import Path

from app.store.profile_lock import LOCK_FILE, WriterLock


def _note(folder: Path, host: str, since: float) -> None:
    (folder / LOCK_FILE).write_text(json.dumps({"host": host, "pid": 1, "since": since}))


def test_note_from_another_computer_in_a_synced_folder_counts(tmp_path: Path) -> None:
    _note(tmp_path, "the-other-laptop", time.time() - 60)
    assert WriterLock.acquire(tmp_path) is None


def test_old_note_from_another_computer_is_stale(tmp_path: Path) -> None:
    _note(tmp_path, "the-other-laptop", time.time() - 13 * 3600)
    lock = WriterLock.acquire(tmp_path)
    assert lock is not None
    lock.release()
