"""The check-in at a return: before the return is written, each outcome not yet rated in its
period can be rated in one dialog (one choice per outcome, or left out). It never stops the
return: "Not now" goes straight on."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.domain.funding import Period
from app.i18n import _, format_date
from app.outcomes.model import RATED_BY_WORDS, SCORE_WORDS, Outcome, RatedBy
from app.outcomes.service import OutcomesService
from app.services.undo import UndoStack
from ui.accessibility import label_for, named
from ui.widgets import accept_cancel_buttons, message_label

Choice = tuple[int, int]  # outcome id, score


class ReturnCheckInDialog(QDialog):
    def __init__(self, outcomes: Sequence[Outcome], period: Period,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Before the return: how are your outcomes going?"))
        intro = QLabel(_("These outcomes have no rating between {start} and {end}. Choose how "
                         "each is going, or leave it out. You can also press Not now.").format(
            start=format_date(period.start), end=format_date(period.end)))
        intro.setWordWrap(True)
        self.boxes: dict[int, QComboBox] = {}
        form = QFormLayout()
        for outcome in outcomes:
            box = QComboBox()
            box.addItem(_("Leave out"), 0)
            for score, words in SCORE_WORDS.items():
                box.addItem(f"{score} – {_(words)}", score)
            named(box, outcome.text)
            label = label_for(outcome.text, box)
            label.setWordWrap(True)
            form.addRow(label, box)
            self.boxes[outcome.id] = box
        self.by_box = QComboBox()
        for who in RatedBy:
            self.by_box.addItem(_(RATED_BY_WORDS[who]), who.value)
        form.addRow(label_for(_("&Who is rating:"), self.by_box), self.by_box)
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = accept_cancel_buttons(self, _("&Save ratings"), _("Save the ratings"),
                                        self.accept)
        cancel = buttons.buttons()[-1]
        cancel.setText(_("&Not now"))
        named(cancel, _("Not now: make the return without rating"))
        layout.addWidget(buttons)

    def choices(self) -> list[Choice]:
        return [(outcome_id, int(box.currentData())) for outcome_id, box in self.boxes.items()
                if int(box.currentData())]

    def rated_by(self) -> RatedBy:
        return RatedBy(str(self.by_box.currentData()))

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def check_in_before_return(parent: QWidget, outcomes: OutcomesService, undo: UndoStack,
                           period: Period, today: date) -> int:
    """Ask about the outcomes not rated in the period; returns how many ratings were saved.
    The ratings are dated today (or the period's last day, for a past period)."""
    unrated = outcomes.unrated(period)
    if not unrated:
        return 0
    on = min(today, period.end)
    dialog = ReturnCheckInDialog(unrated, period, parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        chosen = dialog.choices()
        if not chosen:
            return 0
        ratings = [(outcome_id, score, on, dialog.rated_by(), "")
                   for outcome_id, score in chosen]
        try:
            undo.run(_("Rate outcomes"), lambda: outcomes.rate_many(ratings, today))  # noqa: B023 (run now)
            return len(ratings)
        except DomainError as error:
            dialog.show_problem(str(error))
    return 0
