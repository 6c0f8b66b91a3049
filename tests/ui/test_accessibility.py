"""Access keys (Alt+letter) in every language: within one window no letter leads to two
controls (the menus' titles, the tabs, the page shown, each dialog), and within each menu no
letter leads to two items. Walks the real window and every dialog, in English and Welsh."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import i18n
from tests.conftest import DEMO_NAME, PASSPHRASE
from tests.ui.conftest import dialog_factories
from ui.main_window import MainWindow
from ui.text_size import TextSize

_KEY = re.compile(r"&([^&\s])")


def access_key(text: str) -> str | None:
    found = _KEY.search(text or "")
    return found.group(1).casefold() if found else None


def keyed_controls(root: QWidget) -> list[tuple[str, str]]:
    """(key, text) for each control under `root` that Alt+key reaches."""
    keyed = []
    for widget in root.findChildren(QWidget):
        if widget.isHidden() and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        key = access_key(text)
        if key:
            keyed.append((key, text))
    return keyed


def clashes(keyed: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for key, text in keyed:
        by_key.setdefault(key, []).append(text)
    return {key: texts for key, texts in by_key.items() if len(texts) > 1}


@pytest.fixture(params=["en_GB", "cy_GB"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_locale(request.param)
    yield request.param
    i18n.set_locale("en_GB")


@pytest.fixture
def demo_window(qtbot: QtBot, demo_dir: Path, qapp: QApplication,
                language: str) -> Iterator[MainWindow]:
    window = MainWindow(demo_dir, TextSize(qapp))
    qtbot.addWidget(window)
    window.show()
    window.open_with_passphrase(DEMO_NAME, PASSPHRASE)
    yield window
    window.lock()


def test_no_access_key_leads_to_two_places_on_any_page(demo_window: MainWindow,
                                                       language: str) -> None:
    tabs = demo_window.profile_view
    assert isinstance(tabs, QTabWidget)
    bar = [(access_key(a.text()) or "", a.text()) for a in demo_window.menuBar().actions()]
    tab_keys = [(access_key(tabs.tabText(i)) or "", tabs.tabText(i)) for i in range(tabs.count())]
    found = {}
    for index in range(tabs.count()):
        page = tabs.page(index)
        assert page is not None
        keyed = [k for k in bar + tab_keys if k[0]] + keyed_controls(page)
        if clashes(keyed):
            found[tabs.tabText(index)] = clashes(keyed)
    demo_window.lock()
    first = [k for k in bar if k[0]] + keyed_controls(demo_window.profiles_page)
    if clashes(first):
        found["profiles"] = clashes(first)
    assert found == {}, language


def test_no_access_key_leads_to_two_items_in_a_menu(demo_window: MainWindow,
                                                    language: str) -> None:
    found = {}
    for menu in demo_window.menuBar().findChildren(QMenu):
        keyed = [(access_key(a.text()) or "", a.text()) for a in menu.actions()
                 if access_key(a.text())]
        if clashes(keyed):
            found[menu.title()] = clashes(keyed)
    assert found == {}, language


def test_no_access_key_leads_to_two_places_in_a_dialog(demo_window: MainWindow,
                                                       demo_dir: Path, qtbot: QtBot,
                                                       language: str) -> None:
    assert demo_window.ctx is not None
    found = {}
    for kind, make in dialog_factories(demo_window.ctx, demo_dir).items():
        dialog = make(demo_window)
        qtbot.addWidget(dialog)
        dialog.show()  # keys are settled as a dialog is shown
        if clashes(keyed_controls(dialog)):
            found[kind.__name__] = clashes(keyed_controls(dialog))
    assert found == {}, language
