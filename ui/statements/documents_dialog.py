"""Documents that are not receipts for a payment: bank statements for an account, an insurance
certificate for the profile, a PA's DBS certificate or contract. List them, attach one (what
it is, what it belongs to, the days it covers) or remove one. The service checks the file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.documents import KIND_NAMES, USUAL_SUBJECT, Dates, DocumentKind, Subject
from app.domain.errors import DomainError
from app.files import InputRefused, read_limited
from app.i18n import _
from app.services.evidence import MAX_BYTES, EvidenceService, SubjectChoice
from app.services.undo import UndoStack
from ui.accessibility import label_for, named
from ui.models.rows_model import sorted_view
from ui.statements.evidence_models import DocCol, FiledModel
from ui.widgets import message_label, to_date

FileChooser = Callable[[QWidget], Path | None]
FILE_FILTER = "PDF and photos (*.pdf *.jpg *.jpeg *.png *.heic *.webp *.gif)"
# Kinds filed here (a payment's receipt is attached on the Money tab).
FILED_KINDS = [k for k in DocumentKind if k not in (DocumentKind.RECEIPT, DocumentKind.INVOICE)]


def ask_file(parent: QWidget) -> Path | None:
    name, _selected = QFileDialog.getOpenFileName(parent, _("Choose the document"), "",
                                                  FILE_FILTER)
    return Path(name) if name else None


class DocumentsDialog(QDialog):
    def __init__(self, service: EvidenceService, undo: UndoStack, today: date,
                 choose_file: FileChooser = ask_file, parent: QWidget | None = None,
                 read_only: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Documents for the council"))
        self._read_only = read_only  # open in another window: documents listed, not changed
        self._service, self._undo, self._choose_file = service, undo, choose_file
        self._choices: list[SubjectChoice] = service.choices()
        self.model = FiledModel()
        self.table = sorted_view(self.model, _("Documents kept"), DocCol.FROM, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        named(self.table.horizontalHeader(), _("Column headings"))
        self.kind_combo = QComboBox()
        for kind in FILED_KINDS:
            self.kind_combo.addItem(_(KIND_NAMES[kind]), kind.value)
        self.subject_combo = QComboBox()
        for choice in self._choices:
            self.subject_combo.addItem(self._choice_text(choice))
        self.from_check, self.from_edit = self._dated(_("&Covers from"), today)
        self.to_check, self.to_edit = self._dated(_("Covers &to (or runs out)"), today)
        self.attach_button = named(QPushButton(_("&Attach a document…")),
                                   _("Attach a document"))
        self.remove_button = named(QPushButton(_("&Remove")), _("Remove the chosen document"))
        self.message = message_label()
        self.kind_combo.currentIndexChanged.connect(self._suggest_subject)
        self.attach_button.clicked.connect(lambda: self.attach())
        self.remove_button.clicked.connect(self.remove_selected)
        self.attach_button.setEnabled(not read_only)
        self._lay_out()
        self._suggest_subject()
        self.reload()

    def _dated(self, text: str, today: date) -> tuple[QCheckBox, QDateEdit]:
        check = named(QCheckBox(text), text.replace("&", ""))
        edit = QDateEdit(QDate(today.year, today.month, today.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setAccessibleName(text.replace("&", ""))
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _choice_text(self, choice: SubjectChoice) -> str:
        what = {Subject.PROFILE: _("The profile"), Subject.ACCOUNT: _("Account"),
                Subject.PA: _("Personal assistant"), Subject.PROVIDER: _("Provider")}
        if choice.subject is Subject.PROFILE:
            return what[Subject.PROFILE]
        return f"{what[choice.subject]}: {choice.name}"

    def _lay_out(self) -> None:
        intro = QLabel(_("Bank statements, certificates and contracts the council may ask for. "
                         "Receipts for payments are attached on the Money tab."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(label_for(_("&What it is"), self.kind_combo), self.kind_combo)
        form.addRow(label_for(_("&Belongs to"), self.subject_combo), self.subject_combo)
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(edit)
            row.addStretch(1)
            form.addRow(row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(close.button(QDialogButtonBox.StandardButton.Close), _("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(760, 520)

    # --- what it shows ------------------------------------------------------------------

    def reload(self) -> None:
        self.model.set_documents(self._service.documents(entries=False))
        self.table.resizeColumnsToContents()
        self.remove_button.setEnabled(self.model.rowCount() > 0 and not self._read_only)

    def _suggest_subject(self) -> None:
        """A bank statement goes with an account, a DBS certificate with a PA, ... : start
        there, leaving the person free to choose."""
        usual = USUAL_SUBJECT.get(self.kind(), Subject.PROFILE)
        for n, choice in enumerate(self._choices):
            if choice.subject is usual:
                self.subject_combo.setCurrentIndex(n)
                return

    def kind(self) -> DocumentKind:
        return DocumentKind(self.kind_combo.currentData())

    def dates(self) -> Dates:
        return Dates(to_date(self.from_edit.date()) if self.from_check.isChecked() else None,
                     to_date(self.to_edit.date()) if self.to_check.isChecked() else None)

    # --- actions ------------------------------------------------------------------------

    def attach(self, path: Path | None = None) -> bool:
        path = path or self._choose_file(self)
        if path is None:
            return False
        choice = self._choices[self.subject_combo.currentIndex()]
        kind, dates = self.kind(), self.dates()
        try:
            data = read_limited(path, MAX_BYTES)
            self._undo.run(_("Attach document"), lambda: self._service.file(
                choice, kind, path.name, data, dates))
        except (DomainError, InputRefused, OSError) as error:
            self._say(f"{path.name}: {error}")
            return False
        self._say("")
        self.reload()
        return True

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self._say(_("Choose a document to remove."))
            return
        source = self.table.model().mapToSource(index)  # type: ignore[attr-defined]
        link_id = self.model.row_at(source.row()).link_id
        assert link_id is not None
        try:
            self._undo.run(_("Remove document"), lambda: self._service.remove_filed(link_id))
        except DomainError as error:
            self._say(str(error))
            return
        self.reload()

    def _say(self, words: str) -> None:
        self.message.setText(words)
        self.message.setVisible(bool(words))
