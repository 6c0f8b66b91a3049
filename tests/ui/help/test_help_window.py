"""F1 in the real window opens the guide at the page about what is on the screen; the guide
shows its pictures and is read in the person's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import i18n
from app.help.topics import TOPICS
from app.services.profiles import CreatedProfile
from tests.conftest import DEMO_NAME, NAME, PASSPHRASE
from ui.help.help_window import HelpWindow
from ui.main_window import MainWindow
from ui.text_size import TextSize

EXPECTED = {"ledger_page": "entry", "overview_page": "overview",
            "services_page": "visits", "my_providers_page": "providers", "pa_page": "pas",
            "outcomes_page": "outcomes",
            "register_page": "providers", "statement_page": "statement",
            "history_page": "backups", "people_page": "profiles"}


@pytest.fixture
def demo_window(qtbot: QtBot, demo_dir: Path, qapp: QApplication) -> Iterator[MainWindow]:
    window = MainWindow(demo_dir, TextSize(qapp))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    yield window
    if window.help_window is not None:
        window.help_window.close()
    window.lock()


def _press_f1(window: MainWindow, qtbot: QtBot) -> HelpWindow:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    assert window.help_window is not None and window.help_window.isVisible()
    return window.help_window


def test_f1_opens_the_page_about_the_tab_shown(demo_window: MainWindow, qtbot: QtBot) -> None:
    assert _press_f1(demo_window, qtbot).topic == "profiles"
    demo_window.open_with_passphrase(DEMO_NAME, PASSPHRASE)
    tabs = demo_window.profile_view
    assert tabs is not None
    for attribute, topic in EXPECTED.items():
        tabs.setCurrentWidget(getattr(tabs, attribute))
        demo_window.activateWindow()
        tabs.currentWidget().setFocus()
        assert _press_f1(demo_window, qtbot).topic == topic, attribute
    assert {tabs.page(i).__class__ for i in range(tabs.count())} <= {
        getattr(tabs, a).__class__ for a in EXPECTED}, "a tab without a help page"


def test_the_help_menu_has_the_guide_on_f1(demo_window: MainWindow) -> None:
    assert demo_window.help_action.shortcut().toString() == "F1"
    demo_window.help_action.trigger()
    assert demo_window.help_window is not None
    assert demo_window.help_window.topic == "profiles"


def test_every_picture_is_shown(qtbot: QtBot) -> None:
    window = HelpWindow(language="en")
    qtbot.addWidget(window)
    shown = 0
    for topic in TOPICS:
        window.show_topic(topic)
        document = window.page.document()
        html = document.toHtml()
        for name in [part.split('"')[0] for part in html.split('<img src="')[1:]]:
            image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
            assert image is not None and not image.isNull(), (topic, name)
            shown += 1
    assert shown >= len(TOPICS) - 2


def test_links_and_the_list_lead_to_pages(qtbot: QtBot) -> None:
    window = HelpWindow(language="en")
    qtbot.addWidget(window)
    window.page.anchorClicked.emit(QUrl("topic:backups"))
    assert window.topic == "backups"
    assert window.topics.currentRow() == TOPICS.index("backups")
    window.topics.setCurrentRow(TOPICS.index("visits"))
    assert window.topic == "visits"
    assert "Care received" in window.page.toPlainText()


def test_the_guide_is_in_welsh_for_welsh_speakers(qtbot: QtBot) -> None:
    i18n.set_locale("cy_GB")
    try:
        window = HelpWindow()
        qtbot.addWidget(window)
        window.show_topic("entry")
        assert window.windowTitle() == "Help CareLedger"
        assert "Ychwanegu cofnod" in window.page.toPlainText()
    finally:
        i18n.set_locale("en_GB")


def test_the_close_button_is_in_welsh_too(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton
    i18n.set_locale("cy_GB")
    try:
        window = HelpWindow()
        qtbot.addWidget(window)
        texts = [b.text().replace("&", "") for b in window.findChildren(QPushButton)]
        assert "Cau" in texts, texts
    finally:
        i18n.set_locale("en_GB")


def test_every_kind_named_for_help_is_a_real_page_or_dialog() -> None:
    """F1 matches by class name (so it imports nothing): a renamed class must be renamed here."""
    import importlib
    import pkgutil

    import ui
    from ui.help.context_help import TOPIC_OF

    kinds = set()
    for module in pkgutil.walk_packages(ui.__path__, "ui."):
        if module.name in {"ui.main", "ui.__main__"}:
            continue
        loaded = importlib.import_module(module.name)
        kinds |= {name for name, value in vars(loaded).items() if isinstance(value, type)}
    assert {kind for kind, _topic in TOPIC_OF} - kinds == set()
    assert {topic for _kind, topic in TOPIC_OF} <= set(TOPICS)


def test_f1_in_a_dialog_opens_its_help(
        qtbot: QtBot, window: MainWindow, created: CreatedProfile,
        dialog_driver: object) -> None:
    """context_help names dialogs (EntryDialog, BankImportDialog…), but F1 was the main
    window's shortcut only, which a modal dialog in front never reaches."""
    from ui.dialogs.entry_dialog import EntryDialog

    window.open_with_passphrase(NAME, PASSPHRASE)
    assert window.ledger_page is not None
    topics: list[object] = []

    def press_f1(dialog: EntryDialog) -> None:
        qtbot.keyClick(dialog.amount, Qt.Key.Key_F1)
        help_window = window.help_window
        topics.append(help_window.topic if help_window is not None
                      and help_window.isVisible() else None)

    driver = dialog_driver()  # type: ignore[operator]
    driver.expect(EntryDialog, press_f1)
    window.ledger_page.add_button.click()
    driver.check()
    assert topics == ["entry"]
