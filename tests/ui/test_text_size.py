"""Large text that fits: every page of the window and every dialog, at 100%, 200% and 250%
text on a 1366x768 screen, lays out with nothing squeezed below its own minimum size, no
wrapped text short of the height it needs, nothing cut off by its parent, and the window no
bigger than the screen. Pages are found by walking the window's tabs and dialogs by walking
the ui package, so a page or dialog added later is checked too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.services.context import open_context
from app.services.profiles import CreatedProfile
from tests.conftest import DEMO_NAME, NAME, PASSPHRASE
from tests.ui.conftest import (
    SCREEN,
    TEXT_SCALES,
    dialog_classes,
    dialog_factories,
    layout_problems,
)
from ui.main_window import MainWindow
from ui.pages.profile_tabs import ProfileTabs
from ui.text_size import TextSize


@pytest.fixture
def demo_window(qtbot: QtBot, demo_dir: Path, qapp: QApplication) -> Iterator[MainWindow]:
    base = qapp.font()
    window = MainWindow(demo_dir, TextSize(qapp))
    qtbot.addWidget(window)
    window.show()
    window.open_with_passphrase(DEMO_NAME, PASSPHRASE)
    yield window
    window.lock()
    qapp.setFont(base)


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{where}: {problem}" for where, problems in found.items()
                     for problem in problems)


def _settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(20)
    QApplication.processEvents()


def _fit_to_screen(window: QWidget, qtbot: QtBot) -> list[str]:
    window.resize(*SCREEN)
    _settle(qtbot)
    problems = []
    hint = window.minimumSizeHint()
    if hint.width() > SCREEN[0] or hint.height() > SCREEN[1]:
        problems.append(f"the window needs {hint.width()}x{hint.height()}")
    if window.width() > SCREEN[0] or window.height() > SCREEN[1]:
        problems.append(f"the window is {window.width()}x{window.height()}")
    return problems


@pytest.mark.parametrize("visited_first", [False, True])
@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_every_page_fits_the_screen(demo_window: MainWindow, qtbot: QtBot,
                                    scale: float, visited_first: bool) -> None:
    """Pages built at the new size, and pages built before it changed (every tab visited,
    then the text made larger: their tables' columns grow with it)."""
    tabs = demo_window.profile_view
    assert isinstance(tabs, ProfileTabs)
    if visited_first:
        demo_window.resize(*SCREEN)  # as a person has it, before the text grows
        tabs.build_all()
        tabs.statement_page.refresh_checklist()  # a table with long words in its last column
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            _settle(qtbot)
    demo_window.text_size.apply(scale)
    found: dict[str, list[str]] = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        problems = _fit_to_screen(demo_window, qtbot) + layout_problems(demo_window)
        if problems:
            found[tabs.tabText(index).replace("&", "")] = problems
    demo_window.lock()  # the first screen: the list of profiles
    problems = _fit_to_screen(demo_window, qtbot) + layout_problems(demo_window)
    if problems:
        found["Profiles"] = problems
    assert not found, _report(found)


@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_every_dialog_fits_the_screen(demo_window: MainWindow, demo_dir: Path,
                                      qtbot: QtBot, scale: float) -> None:
    demo_window.text_size.apply(scale)
    assert demo_window.ctx is not None
    found: dict[str, list[str]] = {}
    for kind, make in dialog_factories(demo_window.ctx, demo_dir).items():
        dialog = make(demo_window)
        qtbot.addWidget(dialog)
        dialog.show()
        _settle(qtbot)
        problems = []
        hint = dialog.minimumSizeHint()
        if hint.width() > SCREEN[0] or hint.height() > SCREEN[1]:
            problems.append(f"the dialog needs {hint.width()}x{hint.height()}")
        if dialog.width() > SCREEN[0] or dialog.height() > SCREEN[1]:
            problems.append(f"the dialog is {dialog.width()}x{dialog.height()}")
        problems += layout_problems(dialog)
        if problems:
            found[kind.__name__] = problems
        dialog.reject()
    assert not found, _report(found)


def test_every_dialog_is_covered(demo_dir: Path, qapp: QApplication) -> None:
    with open_context(demo_dir, DEMO_NAME, PASSPHRASE) as ctx:
        covered = set(dialog_factories(ctx, demo_dir))
    missing = {d.__name__ for d in dialog_classes() - covered if d is not QDialog}
    assert missing == set(), "add these to dialog_factories in tests/ui/conftest.py"


def test_text_size_is_remembered(qapp: QApplication, tmp_path: Path) -> None:
    base = qapp.font()
    stored = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    try:
        TextSize(qapp, stored).larger()
        again = TextSize(qapp, stored)
        assert again.scale == 1.25
        assert qapp.font().pointSizeF() == pytest.approx(again.base_point_size * 1.25)
    finally:
        qapp.setFont(base)


def test_larger_text_with_a_profile_open_reaches_its_pages(
        qtbot: QtBot, window: MainWindow, created: CreatedProfile) -> None:
    """View > Larger text (Ctrl++) while a profile is open grew only the menus: the tab bar's
    style sheet (scroller width) marks the tabs WA_StyleSheet, and Qt then stops the
    application font at them; pages built afterwards inherited the old size."""
    window.open_with_passphrase(NAME, PASSPHRASE)
    tabs = window.profile_view
    assert tabs is not None and window.ledger_page is not None
    qtbot.waitExposed(window)
    qtbot.wait(100)  # painted once: the tab bar's style sheet is polished
    before = window.ledger_page.table.font().pointSizeF()
    window.text_size.larger()
    QApplication.processEvents()
    assert window.menuBar().font().pointSizeF() > before  # the menus follow
    assert window.ledger_page.table.font().pointSizeF() > before
    assert tabs.people_page.name.font().pointSizeF() > before  # a page built after
