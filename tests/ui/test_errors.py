"""The window's one hook for failures: words for the expected, an apology for the rest."""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ui.errors import install_exception_hook, setup_logging


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    old = sys.excepthook
    yield said
    sys.excepthook = old


def _raise(error: BaseException) -> None:
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001 - handed to the hook as Qt would
        sys.excepthook(type(caught), caught, caught.__traceback__)


def test_full_disk_in_a_slot_is_said_plainly(qtbot: QtBot, tmp_path: Path,
                                             shown: list[str]) -> None:
    install_exception_hook(setup_logging(tmp_path))
    _raise(OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "ledger.db")))
    assert "disk is full" in shown[0]


def test_a_bug_is_an_apology_and_the_log_holds_no_personal_data(
        qtbot: QtBot, tmp_path: Path, shown: list[str]) -> None:
    log_path = setup_logging(tmp_path)
    assert log_path is not None
    install_exception_hook(log_path)
    _raise(KeyError("Ann Example owes £317.29"))
    assert "Something went wrong" in shown[0] and str(log_path) in shown[0]
    text = log_path.read_text()
    # (A figure a log line's own time cannot hold: "300" was once its milliseconds.)
    assert "KeyError" in text and "Ann" not in text and "317.29" not in text


def test_a_read_only_data_folder_still_starts(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "logs").write_text("a file where the log folder should be")
    assert setup_logging(folder) is None  # no log, and no crash: the window says why later
