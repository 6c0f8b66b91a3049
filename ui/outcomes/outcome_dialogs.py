"""Dialogs of the outcomes page: an outcome in the person's words (area in law, the plan lines
that pay for it), and a check-in (1 to 4, when, who, a note)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.plan import PlanLine
from app.i18n import _, active_locale
from app.outcomes.areas import Area, list_of
from app.outcomes.model import SCORE_WORDS, Outcome, OutcomeDraft, RatedBy
from ui.accessibility import label_for, named
from ui.widgets import accept_cancel_buttons, message_label, to_date


class OutcomeDialog(QDialog):
    """Add or change an outcome."""

    def __init__(self, areas: Sequence[Area], lines: Sequence[PlanLine],
                 outcome: Outcome | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change outcome") if outcome else _("Add an outcome"))
        self.text_edit = QLineEdit(outcome.text if outcome else "")
        self.text_edit.setPlaceholderText(_("In your own words, e.g. Get to the allotment "
                                            "twice a week"))
        self.area_box = QComboBox()
        # The law's words can be long: the box keeps a sensible width and the full words of
        # the area chosen show, wrapped, beneath it.
        self.area_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.area_box.setMinimumContentsLength(40)
        self.area_box.view().setTextElideMode(Qt.TextElideMode.ElideRight)
        for found in areas:
            law = list_of(found).short(active_locale())
            text = f"{found.label(active_locale())} ({law})"
            self.area_box.addItem(text, found.code)
            self.area_box.setItemData(self.area_box.count() - 1, text,
                                      Qt.ItemDataRole.ToolTipRole)
        if outcome is not None:
            self.area_box.setCurrentIndex(max(0, self.area_box.findData(outcome.area_code)))
        self.area_words = named(QLabel(), _("The area's words in law"))
        self.area_words.setWordWrap(True)
        self.area_box.currentIndexChanged.connect(
            lambda _i: self.area_words.setText(self.area_box.currentText()))
        self.area_words.setText(self.area_box.currentText())
        self.lines_list = QListWidget()
        chosen = set(outcome.plan_line_ids) if outcome else set()
        for line in lines:
            item = QListWidgetItem(line.name)
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            item.setCheckState(Qt.CheckState.Checked if line.id in chosen
                               else Qt.CheckState.Unchecked)
            self.lines_list.addItem(item)
        self.lines_list.setMaximumHeight(110)
        self.measure_edit = QLineEdit(outcome.measure if outcome else "")
        self.message = message_label()
        form = QFormLayout()
        form.addRow(label_for(_("&Outcome:"), self.text_edit), self.text_edit)
        form.addRow(label_for(_("&Area in law:"), self.area_box), self.area_box)
        form.addRow("", self.area_words)
        form.addRow(label_for(_("&Paid for by (plan lines):"), self.lines_list), self.lines_list)
        form.addRow(label_for(_("&How I will know:"), self.measure_edit), self.measure_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(accept_cancel_buttons(self, _("&Save"), _("Save the outcome"),
                                               self.accept))

    def draft(self) -> OutcomeDraft:
        lines = tuple(int(self.lines_list.item(i).data(Qt.ItemDataRole.UserRole))
                      for i in range(self.lines_list.count())
                      if self.lines_list.item(i).checkState() == Qt.CheckState.Checked)
        return OutcomeDraft(self.text_edit.text(), str(self.area_box.currentData()), lines,
                            self.measure_edit.text())

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


class RatingDialog(QDialog):
    """A check-in: press 1 to 4, then Enter."""

    def __init__(self, outcome: Outcome, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("How is it going?"))
        self.today = today
        self.scores = QButtonGroup(self)
        choices = QVBoxLayout()
        for score, words in SCORE_WORDS.items():
            button = named(QRadioButton(f"&{score}  {_(words)}"), f"{score} {_(words)}")
            self.scores.addButton(button, score)
            choices.addWidget(button)
        latest = outcome.ratings[-1].score if outcome.ratings else 2
        self.scores.button(latest).setChecked(True)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.by_box = QComboBox()
        self.by_box.addItem(_("Me"), RatedBy.PERSON.value)
        self.by_box.addItem(_("A carer, with me"), RatedBy.WITH_CARER.value)
        self.note_edit = QLineEdit()
        self.message = message_label()
        form = QFormLayout()
        form.addRow(label_for(_("&When:"), self.date_edit), self.date_edit)
        form.addRow(label_for(_("&Who is rating:"), self.by_box), self.by_box)
        form.addRow(label_for(_("&Note (optional):"), self.note_edit), self.note_edit)
        layout = QVBoxLayout(self)
        intro = named(label_for(outcome.text, self.scores.button(latest)), _("Outcome"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(choices)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(accept_cancel_buttons(self, _("&Save"), _("Save the rating"),
                                               self.accept))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.text() in ("1", "2", "3", "4") and not self.note_edit.hasFocus():
            self.scores.button(int(event.text())).setChecked(True)
            return
        super().keyPressEvent(event)

    def choice(self) -> tuple[int, date, RatedBy, str]:
        return (self.scores.checkedId(), to_date(self.date_edit.date()),
                RatedBy(str(self.by_box.currentData())), self.note_edit.text())

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
