"""A date field that cannot go wrong: typed whole as people write dates, shown one way.

- It shows the date as every other place does (babel's medium format: "29 Nov 2026", Welsh
  "29 Tach 2026").
- Tabbing in selects the day; the first key typed starts a new date, so typing 29/11/2026,
  29 Nov 2026 or 2026-11-29 gives exactly that. A day alone ("29") or a day and month
  ("29/11") keep the rest of the date shown.
- Up and Down change the day, Page Up and Page Down the month; Alt+Down (or the button
  beside it) opens a calendar.
- A date that is likely a slip (far ahead, or before the records begin) is asked about
  before it is kept; text that is not a date is said plainly, in the field's own message.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import unlikely
from app.domain.errors import ValidationError
from app.i18n import ParseError, _, format_day, parse_date
from ui.widgets import WARNING_STYLE, message_label

Day = date  # inside DateField, `date` is its method (QDateEdit's name)
_TYPED_REASONS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                  Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.OtherFocusReason)


def _day_length(text: str) -> int:
    """How many characters the day takes at the start of a shown date ("29 Nov 2026": 2)."""
    length = 0
    while length < len(text) and text[length].isdigit():
        length += 1
    return length


class _DateLine(QLineEdit):
    """The text part: selects the day on entry, and the first key typed starts afresh."""

    stepped = Signal(int, int)  # days, months
    calendar_wanted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._fresh = False

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        if event.reason() in _TYPED_REASONS:
            QTimer.singleShot(0, self.select_day)  # after Qt's own select-all on Tab

    def select_day(self) -> None:
        self.setSelection(0, _day_length(self.text()) or len(self.text()))
        self._fresh = True

    def mousePressEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self._fresh = False
        super().mousePressEvent(event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        steps: dict[int, tuple[int, int]] = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0),
                 Qt.Key.Key_PageUp: (0, 1), Qt.Key.Key_PageDown: (0, -1)}
        if (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier) \
                or key == Qt.Key.Key_F4:
            self.calendar_wanted.emit()
            return
        if key in steps and not mods & Qt.KeyboardModifier.AltModifier:
            self.stepped.emit(*steps[key])
            return
        if self._fresh and event.text() and event.text().isprintable():
            self.clear()
        self._fresh = False
        super().keyPressEvent(event)


class DateField(QWidget):
    """Holds one date (or none, when `optional`); `date()` and `value()` read it."""

    dateChanged = Signal(QDate)  # noqa: N815 - the name QDateEdit uses

    def __init__(self, value: Day | None = None, name: str = "", optional: bool = False,
                 earliest: Day | None = None, check_likely: bool = True,
                 parent: QWidget | None = None, today: Day | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self._earliest = earliest
        self._check_likely = check_likely
        self._today = today
        self._value: Day | None = None
        self._confirmed: Day | None = None
        self._asking = False
        self.line = _DateLine()
        self.line.setPlaceholderText(_("for example 29/11/2026") if optional else "")
        self.button = QToolButton()
        self.button.setText(_("Calendar…"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down opens it from the field
        self.button.setToolTip(_("Choose the date on a calendar (Alt+Down)"))
        self.message = message_label()
        self.message.setStyleSheet(WARNING_STYLE)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.message)
        self.setFocusProxy(self.line)
        self.line.editingFinished.connect(self._typed)
        self.line.stepped.connect(self._step)
        self.line.calendar_wanted.connect(self.open_calendar)
        self.button.clicked.connect(self.open_calendar)
        self.setAccessibleName(name)
        if value is not None or not optional:
            self._show(value or self.today())
            self._confirmed = self._value

    # --- names -------------------------------------------------------------------------------

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt override
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)
        self.line.setAccessibleDescription(
            _("Type a date like 29/11/2026 or 29 Nov 2026. Up and Down change the day, "
              "Alt+Down opens a calendar."))
        self.button.setAccessibleName(_("Choose {name} on a calendar").format(
            name=name.casefold() if name else _("the date")))

    # --- reading and setting -----------------------------------------------------------------

    def today(self) -> Day:
        return self._today or date.today()

    def set_earliest(self, earliest: Day | None) -> None:
        """Dates before this (e.g. the day the records begin) are asked about."""
        self._earliest = earliest

    def value(self) -> Day | None:
        """The date (None when an optional field is blank); raises ValidationError when the
        text is not a date, or when the person said an unlikely date was wrong."""
        text = self.line.text().strip()
        if not text:
            if self._optional:
                return None
            raise ValidationError("date", _("Type a date, like 29/11/2026."))
        if self._value is None or text != format_day(self._value):
            self._typed()
            if self.message.isVisible():
                raise ValidationError("date", self.message.text())
        if not self._ensure_confirmed():
            raise ValidationError("date", _("Check the date, then save again."))
        return self._value

    def date(self) -> QDate:
        """As QDateEdit.date(): the date as a QDate."""
        day = self.value() or self.today()
        return QDate(day.year, day.month, day.day)

    def setDate(self, value: QDate | Day | None) -> None:  # noqa: N802 - QDateEdit's name
        """Set by the program: taken as it is, never asked about."""
        day = Day(value.year(), value.month(), value.day()) if isinstance(value, QDate) \
            else value
        self._confirmed = day
        self._show(day)

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802 - as QLineEdit
        """As if typed (and the field then left)."""
        self.line.setText(text)
        self._typed()

    def clear(self) -> None:
        if self._optional:
            self._value = None
            self.line.clear()
        else:
            self.setDate(self.today())

    def _show(self, day: Day | None, emit: bool = True) -> None:
        changed = day != self._value
        self._value = day
        self.line.setText(format_day(day) if day else "")
        self.message.hide()
        self.line.setStyleSheet("")
        if changed and emit and day is not None:
            self.dateChanged.emit(QDate(day.year, day.month, day.day))

    # --- typing ------------------------------------------------------------------------------

    def _typed(self) -> None:
        text = self.line.text().strip()
        if not text:
            if self._optional:
                self._value = None
                self.message.hide()
            return
        if self._value is not None and text == format_day(self._value):
            return
        try:
            day = parse_date(text, around=self._value or self.today())
        except ParseError as error:
            self.message.setText(str(error))
            self.message.show()
            self.line.setStyleSheet("border: 2px solid #a40000")
            self.line.setAccessibleDescription(str(error))
            return
        self._show(day)
        if self.reason_to_ask() and not self._asking:
            QTimer.singleShot(0, self._ask)

    def reason_to_ask(self) -> str | None:
        if not self._check_likely or self._value is None or self._value == self._confirmed:
            return None
        return unlikely(self._value, self.today(), self._earliest)

    def _ask(self) -> None:
        """From a timer: a slot must return nothing (PySide and a returned bool disagree)."""
        self._ensure_confirmed()

    def _ensure_confirmed(self) -> bool:
        """Ask about an unlikely date once; False when the person said it was wrong."""
        reason = self.reason_to_ask()
        if reason is None or self._asking:
            return True
        self._asking = True
        try:
            answer = QMessageBox.question(
                self.window(), _("Check the date"),
                reason + "\n\n" + _("Is that the date you mean?"))
        finally:
            self._asking = False
        if answer == QMessageBox.StandardButton.Yes:
            self._confirmed = self._value
            return True
        self._show(self._confirmed)  # back to the date it held, to type again
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line.select_day()
        return False

    def _step(self, days: int, months: int) -> None:
        day = self._value or self.today()
        if months:
            month = day.month - 1 + months
            year, month = day.year + month // 12, month % 12 + 1
            last = (Day(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
            day = Day(year, month, min(day.day, last))
        day += timedelta(days=days)
        self._confirmed = day  # stepped to, one day at a time: seen, not a slip
        self._show(day)
        self.line.setSelection(0, _day_length(self.line.text()))

    # --- the calendar ------------------------------------------------------------------------

    def open_calendar(self) -> QCalendarWidget:
        """A small window with a month's calendar: arrows move, Enter chooses, Escape
        leaves the date as it was."""
        dialog = QDialog(self.window())
        dialog.setWindowTitle(_("Choose a date"))
        calendar = QCalendarWidget()
        calendar.setAccessibleName(_("Calendar"))
        calendar.setGridVisible(True)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        day = self._value or self.today()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.activated.connect(lambda chosen: self._chosen(dialog, chosen))
        calendar.clicked.connect(lambda chosen: self._chosen(dialog, chosen))
        QVBoxLayout(dialog).addWidget(calendar)
        dialog.finished.connect(lambda _r: self.line.setFocus(Qt.FocusReason.OtherFocusReason))
        dialog.open()
        calendar.setFocus()
        self.calendar = calendar
        return calendar

    def _chosen(self, dialog: QDialog, chosen: QDate) -> None:
        self._confirmed = Day(chosen.year(), chosen.month(), chosen.day())
        self.setDate(chosen)
        dialog.accept()
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line.select_day()
