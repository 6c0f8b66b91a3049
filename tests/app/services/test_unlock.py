"""app/services/unlock.py: unlocking by name, without loading the store (SQLAlchemy), with the
same answers and the same counting of wrong tries as app/services/profiles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.profiles import CreatedProfile, WrongPassphrase, unlock_key
from app.services.unlock import find_profile, unlock_by_name
from app.store.attempts import AttemptCounter
from tests.conftest import NAME, PASSPHRASE


def test_the_key_is_the_profiles_own(data_dir: Path, created: CreatedProfile) -> None:
    info, key = unlock_by_name(data_dir, NAME, PASSPHRASE)
    directory, found = find_profile(data_dir, NAME)
    assert info == found and key == unlock_key(directory, found, PASSPHRASE)


def test_a_wrong_passphrase_is_refused_and_counted(data_dir: Path,
                                                   created: CreatedProfile) -> None:
    with pytest.raises(WrongPassphrase):
        unlock_by_name(data_dir, NAME, "not the passphrase")
    _directory, info = find_profile(data_dir, NAME)
    assert AttemptCounter(info.folder).read().failures == 1


def test_the_window_derives_the_key_before_the_store_is_loaded(
        data_dir: Path, created: CreatedProfile) -> None:
    """argon2id holds 64 MiB while it works: with SQLAlchemy and the pages not yet loaded,
    the window's peak memory is theirs or argon2's, never both."""
    code = ("import sys\n"
            "from pathlib import Path\n"
            "from PySide6.QtWidgets import QApplication\n"
            "from app.store import keys\n"
            "from ui.main_window import MainWindow\n"
            "loaded = []\n"
            "derive = keys._derive\n"
            "def watched(*args):\n"
            "    loaded.append('sqlalchemy' in sys.modules)\n"
            "    return derive(*args)\n"
            "keys._derive = watched\n"
            "app = QApplication([])\n"
            f"window = MainWindow(Path({str(data_dir)!r}))\n"
            f"window.open_with_passphrase({NAME!r}, {PASSPHRASE!r})\n"
            "assert window.ctx is not None\n"
            "print(loaded)\n"
            "window.lock()\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=Path(__file__).parents[3],
                          capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[-2] == "[False]"
