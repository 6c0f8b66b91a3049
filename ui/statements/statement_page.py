"""The statements page: pick the council's rule and a period, see the forecast warning, and
save the monitoring return as PDF or CSV. No sums here: the service does every figure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.council_rules import CouncilRule
from app.domain.errors import DomainError
from app.domain.funding import Period
from app.domain.money import Money
from app.i18n import ParseError, _, active_locale, parse_money
from app.services.rules import RulesService
from app.services.statements import StatementRequest, StatementService
from app.services.undo import UndoStack
from ui.accessibility import label_for
from ui.date_field import DateField
from ui.jobs import run_job
from ui.statements.custom_rule_dialog import CustomRuleDialog

PathChooser = Callable[[QWidget, str, str], Path | None]
RuleMaker = Callable[[QWidget, CouncilRule], CouncilRule | None]


def ask_save_path(parent: QWidget, title: str, file_filter: str) -> Path | None:
    name, _selected = QFileDialog.getSaveFileName(parent, title, "", file_filter)
    return Path(name) if name else None


def ask_custom_rule(parent: QWidget, base: CouncilRule) -> CouncilRule | None:
    dialog = CustomRuleDialog(base, parent)
    return dialog.rule if dialog.exec() == CustomRuleDialog.DialogCode.Accepted else None


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class StatementPage(QWidget):
    rule_chosen = Signal(str)  # the rule's code
    statement_saved = Signal(Path)

    def __init__(self, service: StatementService, rules: RulesService, undo: UndoStack,
                 today: date | None = None, choose_path: PathChooser = ask_save_path,
                 make_rule: RuleMaker = ask_custom_rule,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._rules_service = rules
        self._undo = undo
        self._today = today or date.today()
        self._choose_path = choose_path
        self._make_rule = make_rule
        self._rules: list[CouncilRule] = []
        self._build_controls()
        self._load_rules()
        self.refresh_forecast()

    # --- layout --------------------------------------------------------------------------

    def _build_controls(self) -> None:
        period = self._rules_service.policy().return_period(self._today)
        self.start_edit = self._date_edit(period.start, _("Period start"))
        self.end_edit = self._date_edit(period.end, _("Period end"))
        self.rule_combo = QComboBox()
        self.rule_combo.setAccessibleName(_("Council rule"))
        self.bank_edit = QLineEdit()
        self.bank_edit.setAccessibleName(_("Bank statement balance"))
        self.bank_edit.setPlaceholderText(_("Optional, e.g. 1234.56"))
        self.forecast_label = self._wrapping_label(_("Forecast"))
        self.status_label = self._wrapping_label(_("Status"))
        self.pdf_button = self._button(_("Save &PDF…"), _("Save the return as PDF"),
                                       lambda: self.save(".pdf"))
        self.csv_button = self._button(_("Save &CSV…"), _("Save the return as CSV"),
                                       lambda: self.save(".csv"))
        self.custom_button = self._button(_("&Make my own rule…"), _("Make my own rule"),
                                          self.make_custom_rule)
        rule_row = QHBoxLayout()
        rule_row.addWidget(self.rule_combo, 1)
        rule_row.addWidget(self.custom_button)
        form = QFormLayout()
        for text, widget in ((_("&From"), self.start_edit), (_("&To"), self.end_edit),
                             (_("Council &rule"), self.rule_combo),
                             (_("&Bank statement balance"), self.bank_edit)):
            form.addRow(label_for(text, widget), rule_row if widget is self.rule_combo else widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.forecast_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.end_edit.dateChanged.connect(self.refresh_forecast)
        self.rule_combo.activated.connect(self._rule_activated)

    def _date_edit(self, day: date, name: str) -> DateField:
        return DateField(day, name, today=self._today)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _wrapping_label(name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAccessibleName(name)
        return label

    # --- rules ---------------------------------------------------------------------------

    def _load_rules(self) -> None:
        chosen = self._rules_service.chosen_rule()
        self._rules = self._rules_service.templates()
        if chosen not in self._rules:
            self._rules.insert(0, chosen)  # a custom or older rule stays choosable
        self.rule_combo.clear()
        for rule in self._rules:
            self.rule_combo.addItem(rule.name(active_locale()), rule.code)
        self.rule_combo.setCurrentIndex(self._rules.index(chosen))

    def _rule_activated(self, index: int) -> None:
        self._use_rule(self._rules[index])

    def make_custom_rule(self) -> None:
        rule = self._make_rule(self, self._rules_service.chosen_rule())
        if rule is not None:
            self._use_rule(rule)
            self._load_rules()

    def _use_rule(self, rule: CouncilRule) -> None:
        try:
            self._undo.run(_("Choose council rule"), lambda: self._rules_service.choose_rule(rule))
        except DomainError as error:
            self.status_label.setText(str(error))
            return
        self.show_period(self._rules_service.policy().return_period(self._today))
        self.rule_chosen.emit(rule.code)
        self.refresh_forecast()

    def show_period(self, period: Period) -> None:
        """Set both dates at once so the forecast is worked out once, for the whole period."""
        self.end_edit.blockSignals(True)
        self.start_edit.setDate(to_qdate(period.start))
        self.end_edit.setDate(to_qdate(period.end))
        self.end_edit.blockSignals(False)

    # --- forecast and saving -------------------------------------------------------------

    def period(self) -> Period:
        return Period(from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date()))

    def refresh_forecast(self) -> None:
        end = self.period().end
        if end <= self._today:
            self.forecast_label.setText(_("The period has ended: no forecast needed."))
            return
        result = self._service.forecast(self._today, end)
        if result.warnings:
            self.forecast_label.setText("\n".join(w.message for w in result.warnings))
            self.forecast_label.setStyleSheet("font-weight: bold; color: #9c2a00;")
        else:
            self.forecast_label.setText(_("Forecast: no problems expected by the end of "
                                          "the period."))
            self.forecast_label.setStyleSheet("")

    def request(self) -> StatementRequest:
        text = self.bank_edit.text().strip()
        bank = Money(parse_money(text)) if text else None
        return StatementRequest(self.period(), bank_balance=bank, generated_on=self._today)

    def save(self, suffix: str) -> Path | None:
        title = _("Save the monitoring return")
        kind = _("PDF files (*.pdf)") if suffix == ".pdf" else _("CSV files (*.csv)")
        try:
            request = self.request()
            path = self._choose_path(self, title, kind)
            if path is None:
                return None
            if path.suffix.lower() != suffix:
                path = path.with_name(path.name + suffix)
            saved = run_job(self, _("Writing the return"), lambda control: self._service.save(
                self._service.build(request), path, control))
        except (DomainError, ParseError) as error:
            self.status_label.setText(str(error))
            return None
        self.status_label.setText(_("Saved the return to {path}.").format(path=saved))
        self.statement_saved.emit(saved)
        return saved
