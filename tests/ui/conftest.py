from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.text_size import TextSize


@pytest.fixture
def window(qtbot: object, data_dir: Path, qapp: QApplication) -> Iterator[MainWindow]:
    base = qapp.font()
    win = MainWindow(data_dir, TextSize(qapp))
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    yield win
    win.lock()
    qapp.setFont(base)
