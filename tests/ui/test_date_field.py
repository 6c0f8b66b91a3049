"""Date fields typed as a person types: Tab in, keys one by one, Tab out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app import i18n
from app.domain.errors import ValidationError
from ui.date_field import DateField

TODAY = date(2026, 12, 2)
NewDriver = Callable[[], Any]


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, QLineEdit, DateField, QLineEdit]:
    """A field between two others, as in a form: before, the date, after."""
    window = QWidget()
    before, after = QLineEdit(), QLineEdit()
    field = DateField(TODAY, "Date", today=TODAY)
    layout = QVBoxLayout(window)
    for widget in (before, field, after):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    before.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is before)
    return window, before, field, after


def tab_in(qtbot: QtBot, before: QLineEdit, field: DateField) -> None:
    before.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is before)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field.line)
    qtbot.waitUntil(lambda: field.line.hasSelectedText()
                    and field.line.selectedText() != field.line.text())


def type_and_leave(qtbot: QtBot, field: DateField, keys: str) -> None:
    qtbot.keyClicks(field.line, keys)
    qtbot.keyClick(field.line, Qt.Key.Key_Tab)


def test_tabbing_in_selects_the_day(qtbot: QtBot, form: Any) -> None:
    _window, before, field, _after = form
    assert field.text() == "2 Dec 2026"
    tab_in(qtbot, before, field)
    assert field.line.selectedText() == "2"


@pytest.mark.parametrize("typed", ["29/11/2026", "29 Nov 2026", "29 November 2026",
                                   "2026-11-29", "29.11.26"])
def test_a_whole_date_typed_is_the_date(qtbot: QtBot, form: Any, typed: str) -> None:
    _window, before, field, after = form
    tab_in(qtbot, before, field)
    type_and_leave(qtbot, field, typed)
    assert QApplication.focusWidget() is after
    assert field.value() == date(2026, 11, 29)
    assert field.text() == "29 Nov 2026"


def test_typing_a_day_keeps_the_month_and_year(qtbot: QtBot, form: Any) -> None:
    _window, before, field, _after = form
    tab_in(qtbot, before, field)
    type_and_leave(qtbot, field, "29")
    assert field.value() == date(2026, 12, 29)
    tab_in(qtbot, before, field)
    type_and_leave(qtbot, field, "5/1")
    assert field.value() == date(2026, 1, 5)


def test_arrow_keys_step_the_day_and_page_keys_the_month(qtbot: QtBot, form: Any) -> None:
    _window, before, field, _after = form
    tab_in(qtbot, before, field)
    qtbot.keyClick(field.line, Qt.Key.Key_Up)
    qtbot.keyClick(field.line, Qt.Key.Key_Up)
    assert field.value() == date(2026, 12, 4)
    qtbot.keyClick(field.line, Qt.Key.Key_PageDown)
    assert field.value() == date(2026, 11, 4)
    assert field.line.selectedText() == "4"


def test_not_a_date_is_said_in_the_field(qtbot: QtBot, form: Any) -> None:
    _window, before, field, _after = form
    tab_in(qtbot, before, field)
    type_and_leave(qtbot, field, "31/11/2026")
    assert field.message.isVisible() and "no day 31" in field.message.text()
    with pytest.raises(ValidationError):
        field.value()
    field.line.setFocus()
    field.line.selectAll()
    type_and_leave(qtbot, field, "30/11/2026")
    assert not field.message.isVisible() and field.value() == date(2026, 11, 30)


def test_an_unlikely_date_is_asked_about(qtbot: QtBot, form: Any,
                                         dialog_driver: NewDriver) -> None:
    _window, before, field, _after = form
    asked: list[str] = []

    def say(answer: QMessageBox.StandardButton) -> Callable[[QMessageBox], None]:
        def click(box: QMessageBox) -> None:
            asked.append(box.text())
            box.button(answer).click()
        return click

    driver = dialog_driver()
    driver.expect(QMessageBox, say(QMessageBox.StandardButton.No))
    tab_in(qtbot, before, field)
    type_and_leave(qtbot, field, "2/12/2062")  # 2026 with two digits swapped
    qtbot.waitUntil(lambda: driver.ran == 1)
    driver.check()
    assert "36 years from now" in asked[0]
    assert field.value() == TODAY  # "No": back to the date it held, the day selected
    assert field.line.selectedText() == "2"
    driver = dialog_driver()
    driver.expect(QMessageBox, say(QMessageBox.StandardButton.Yes))
    form[0].activateWindow()
    tab_in(qtbot, before, field)
    type_and_leave(qtbot, field, "2/12/2062")
    qtbot.waitUntil(lambda: driver.ran == 1)
    driver.check()
    assert field.value() == date(2062, 12, 2)  # "Yes" keeps it, and it is not asked again


def test_the_calendar_opens_from_the_keyboard(qtbot: QtBot, form: Any) -> None:
    _window, before, field, _after = form
    tab_in(qtbot, before, field)
    qtbot.keyClick(field.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.window().windowTitle() == "Choose a date"
    assert calendar.selectedDate().toPython() == TODAY
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert field.value() == date(2026, 12, 3)
    assert field.button.accessibleName() == "Choose date on a calendar"


def test_welsh_dates_shown_and_typed(qtbot: QtBot) -> None:
    i18n.set_locale("cy")
    field = DateField(TODAY, "Dyddiad", today=TODAY)
    qtbot.addWidget(field)
    assert field.text() == "2 Rhag 2026"
    field.setText("29 Tach 2026")
    assert field.value() == date(2026, 11, 29) and field.text() == "29 Tach 2026"


def test_an_optional_date_may_be_blank(qtbot: QtBot) -> None:
    field = DateField(None, "Renewal", optional=True, today=TODAY)
    qtbot.addWidget(field)
    assert field.value() is None and field.text() == ""
    field.setText("1/4/2027")
    assert field.value() == date(2027, 4, 1)
    field.clear()
    assert field.value() is None
