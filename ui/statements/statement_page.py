"""The statements page: pick the council's rule and a period, see the forecast warning and the
evidence checklist, keep documents that are not receipts, and save the monitoring return as
PDF or CSV, the PDF with its evidence, or a ZIP pack. No sums here: the services do them."""

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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.council_rules import CouncilRule
from app.domain.errors import DomainError
from app.domain.funding import Period
from app.domain.money import Money
from app.i18n import ParseError, _, active_locale, ngettext, parse_money
from app.services.evidence import EvidenceService
from app.services.jobs import JobControl
from app.services.rules import RulesService
from app.services.statements import StatementRequest, StatementService
from app.services.undo import UndoStack
from app.statements.model import EvidenceSection
from ui.accessibility import label_for, named
from ui.date_field import DateField
from ui.flow_layout import FlowLayout
from ui.jobs import run_job
from ui.statements.custom_rule_dialog import CustomRuleDialog
from ui.statements.documents_dialog import DocumentsDialog
from ui.statements.evidence_models import ChecklistModel

PathChooser = Callable[[QWidget, str, str], Path | None]
RuleMaker = Callable[[QWidget, CouncilRule], CouncilRule | None]
DocumentsOpener = Callable[[QWidget], None]


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


# Asked before a return is written (the outcomes check-in): the page and the return's period.
CheckIn = Callable[[QWidget, Period], object]


class StatementPage(QWidget):
    rule_chosen = Signal(str)  # the rule's code
    statement_saved = Signal(Path)

    def __init__(self, service: StatementService, rules: RulesService, undo: UndoStack,
                 today: date | None = None, choose_path: PathChooser = ask_save_path,
                 make_rule: RuleMaker = ask_custom_rule,
                 parent: QWidget | None = None,
                 evidence: EvidenceService | None = None,
                 open_documents: DocumentsOpener | None = None,
                 check_in: CheckIn | None = None, read_only: bool = False) -> None:
        super().__init__(parent)
        self._service = service
        self._read_only = read_only  # open in another window: returns are made, rules kept
        self._rules_service = rules
        self._undo = undo
        self._evidence = evidence
        self._today = today or date.today()
        self._choose_path = choose_path
        self._make_rule = make_rule
        self._open_documents = open_documents or self._documents_dialog
        self._check_in = check_in
        self._rules: list[CouncilRule] = []
        self.checklist = ChecklistModel()
        self._build_controls()
        self._load_rules()
        self.refresh_forecast()

    # --- layout --------------------------------------------------------------------------

    def _build_controls(self) -> None:
        period = self._rules_service.policy().return_period(self._today)
        self.start_edit = self._date_edit(period.start, _("Period start"))
        self.end_edit = self._date_edit(period.end, _("Period end"))
        self.rule_combo = QComboBox()
        # A long rule name is cut in the closed box (the list shows it whole), not the page.
        self.rule_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rule_combo.setMinimumContentsLength(20)
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
        self.evidence_button = self._button(
            _("Save PDF &with evidence…"), _("Save the return with every document after it"),
            lambda: self.save(".pdf", with_evidence=True))
        self.pack_button = self._button(_("Save &ZIP pack…"), _(
            "Save the return and every document as a ZIP file with an index"),
            lambda: self.save(".zip"))
        self.check_button = self._button(_("Chec&k evidence"), _(
            "Check the evidence the council asks for"), self.refresh_checklist)
        self.documents_button = self._button(_("&Documents…"), _(
            "Bank statements, certificates and contracts"), self.open_documents)
        self.documents_button.setEnabled(self._evidence is not None)
        self.checklist_view = named(QTableView(), _("Evidence checklist"))
        self.checklist_view.setModel(self.checklist)
        self.checklist_view.verticalHeader().hide()
        self.checklist_view.horizontalHeader().setStretchLastSection(True)
        self.checklist_view.setWordWrap(True)
        named(self.checklist_view.horizontalHeader(), _("Column headings"))
        self.checklist_label = self._wrapping_label(_("Evidence"))
        self.custom_button = self._button(_("&Make my own rule…"), _("Make my own rule"),
                                          self.make_custom_rule)
        self.custom_button.setEnabled(not self._read_only)
        self.rule_combo.setEnabled(not self._read_only)
        rule_row = QHBoxLayout()
        rule_row.addWidget(self.rule_combo, 1)
        rule_row.addWidget(self.custom_button)
        form = QFormLayout()
        for text, widget in ((_("&From"), self.start_edit), (_("&To"), self.end_edit),
                             (_("Council &rule"), self.rule_combo),
                             (_("&Bank statement balance"), self.bank_edit)):
            form.addRow(label_for(text, widget), rule_row if widget is self.rule_combo else widget)
        # The save buttons wrap onto a second line at large text rather than widen the page.
        buttons = FlowLayout().add_widgets(self.pdf_button, self.csv_button,
                                           self.evidence_button, self.pack_button)
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.checklist_label, 1)
        evidence_row.addWidget(self.check_button)
        evidence_row.addWidget(self.documents_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.forecast_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addLayout(evidence_row)
        layout.addWidget(self.checklist_view, 1)
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
        if self.checklist.rowCount():
            self.refresh_checklist()  # the new rules may ask for other evidence

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

    def save(self, suffix: str, with_evidence: bool = False) -> Path | None:
        title = _("Save the monitoring return")
        kind = {".pdf": _("PDF files (*.pdf)"), ".csv": _("CSV files (*.csv)"),
                ".zip": _("ZIP files (*.zip)")}[suffix]
        try:
            request = self.request()
            if self._check_in is not None:  # outcomes are rated at every return
                self._check_in(self, request.period)
            path = self._choose_path(self, title, kind)
            if path is None:
                return None
            if path.suffix.lower() != suffix:
                path = path.with_name(path.name + suffix)

            def write(control: JobControl) -> tuple[Path, EvidenceSection | None]:
                statement = self._service.build(request)
                if suffix == ".zip":
                    return self._service.save_pack(statement, path, control), statement.evidence
                return (self._service.save(statement, path, control, with_evidence),
                        statement.evidence)

            saved, evidence = run_job(self, _("Writing the return"), write)
        except (DomainError, ParseError) as error:
            self.status_label.setText(str(error))
            return None
        self._show_checklist(evidence)  # on the window's thread, after the work
        self.status_label.setText(_("Saved the return to {path}.").format(path=saved))
        self.statement_saved.emit(saved)
        return saved

    # --- evidence -----------------------------------------------------------------------

    def refresh_checklist(self) -> None:
        """What the chosen rules ask for, and what is missing, for the period shown."""
        period = self.period()
        try:
            found = run_job(self, _("Checking the evidence"),
                            lambda _control: self._service.checklist(period))
        except DomainError as error:
            self.checklist_label.setText(str(error))
            return
        self._show_checklist(found)

    def _show_checklist(self, evidence: EvidenceSection | None) -> None:
        if evidence is None:
            return
        self.checklist.set_items(evidence.checklist)
        self.checklist_view.resizeRowsToContents()
        missing = self.checklist.missing()
        self.checklist_label.setText(
            _("Evidence for this period: nothing missing.") if not missing else ngettext(
                "Evidence for this period: {n} thing missing. Attach it before you send the "
                "return, or say why in a note.",
                "Evidence for this period: {n} things missing. Attach them before you send "
                "the return, or say why in a note.", missing).format(n=missing))

    def open_documents(self) -> None:
        self._open_documents(self)
        if self.checklist.rowCount():
            self.refresh_checklist()

    def _documents_dialog(self, parent: QWidget) -> None:
        if self._evidence is None:
            return
        DocumentsDialog(self._evidence, self._undo, self._today, parent=parent,
                        read_only=self._read_only).exec()
