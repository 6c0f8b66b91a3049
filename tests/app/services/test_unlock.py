"""app/services/unlock.py: the key derived on a worker thread while other work runs here,
with the same answers and the same counting of wrong tries as unlocking in turn."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.services.profiles import CreatedProfile, WrongPassphrase, unlock_key
from app.services.unlock import find_profile, unlock_while
from app.store.attempts import AttemptCounter
from tests.conftest import NAME, PASSPHRASE


def test_the_key_comes_while_other_work_runs(data_dir: Path, created: CreatedProfile) -> None:
    ran_on: list[threading.Thread] = []
    info, key = unlock_while(data_dir, NAME, PASSPHRASE,
                             lambda: ran_on.append(threading.current_thread()))
    directory, found = find_profile(data_dir, NAME)
    assert info == found and key == unlock_key(directory, found, PASSPHRASE)
    assert ran_on == [threading.main_thread()]


def test_a_wrong_passphrase_is_refused_and_counted(data_dir: Path,
                                                   created: CreatedProfile) -> None:
    ran: list[bool] = []
    with pytest.raises(WrongPassphrase):
        unlock_while(data_dir, NAME, "not the passphrase", lambda: ran.append(True))
    assert ran == [True]  # the other work was done all the same
    _directory, info = find_profile(data_dir, NAME)
    assert AttemptCounter(info.folder).read().failures == 1
