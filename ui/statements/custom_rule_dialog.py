"""A dialog to make a custom council rule: name, how often returns are due, the weeks-held
limit and the agreed contingency. Categories and wording come from the template it starts
from; the checks are the domain's (app.domain.council_rules.custom_rule)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.council_rules import MAX_WEEKS, CouncilRule, ReturnFrequency, custom_rule
from app.domain.errors import DomainError
from app.i18n import _
from app.statements.text import FREQUENCIES
from ui.accessibility import label_for
from ui.widgets import accept_cancel_buttons, message_label


class CustomRuleDialog(QDialog):
    def __init__(self, base: CouncilRule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Make my own rule"))
        self._base = base
        self.rule: CouncilRule | None = None
        self.name_edit = QLineEdit(_("Agreed with my council"))
        self.name_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        self.frequency_combo = QComboBox()
        for frequency in ReturnFrequency:
            self.frequency_combo.addItem(_(FREQUENCIES[frequency.value]), frequency.value)
        self.frequency_combo.setCurrentIndex(list(ReturnFrequency).index(base.return_frequency))
        # A council that publishes no limit: start from the usual 4 weeks, for the person
        # to set what was agreed with them.
        self.limit_spin = self._spin(1, base.weeks_held_limit or 4)
        self.contingency_spin = self._spin(0, base.contingency_weeks)
        self.error_label = message_label()
        self._lay_out()

    def _spin(self, minimum: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(minimum, MAX_WEEKS)
        spin.setValue(value)
        spin.setSuffix(_(" weeks"))
        return spin

    def _lay_out(self) -> None:
        form = QFormLayout()
        for text, widget in ((_("&Name"), self.name_edit),
                             (_("&Returns are due"), self.frequency_combo),
                             (_("Weeks-held &limit"), self.limit_spin),
                             (_("Agreed &contingency"), self.contingency_spin)):
            form.addRow(label_for(text, widget), widget)
        buttons = accept_cancel_buttons(self, _("&Use this rule"), _("Use this rule"),
                                        self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.rule = custom_rule(
                self.name_edit.text(), ReturnFrequency(self.frequency_combo.currentData()),
                self.limit_spin.value(), self.contingency_spin.value(), base=self._base)
        except DomainError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        super().accept()
