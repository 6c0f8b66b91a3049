"""Receipts and invoices for one entry: attach by file dialog or by dropping files, view a
photo, save a copy, remove. Documents stay inside the encrypted profile; nothing is written
to disk unless the person saves a copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.files import read_limited
from app.i18n import _
from app.services.evidence import MAX_BYTES as EVIDENCE_MAX_BYTES
from app.services.evidence import EvidenceService
from app.services.undo import UndoStack
from ui.bank.evidence_model import EvidenceModel

FILE_FILTER = "Receipts and invoices (*.pdf *.jpg *.jpeg *.png *.heic *.webp *.gif)"


class EvidencePanel(QWidget):
    changed = Signal()

    def __init__(self, service: EvidenceService, undo_stack: UndoStack,
                 parent: QWidget | None = None, read_only: bool = False) -> None:
        super().__init__(parent)
        self._service, self._undo = service, undo_stack
        self._read_only = read_only  # open in another window: seen and saved, not changed
        self._entry_id: int | None = None
        self.model = EvidenceModel()
        self.setAcceptDrops(True)
        self._build()

    def _build(self) -> None:
        self.table = QTableView()
        self.table.setAccessibleName(_("Documents for this entry"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()  # row numbers say nothing; hides the corner button
        self.table.horizontalHeader().setAccessibleName(_("Column headings"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_selected())
        self.attach_button = self._button(_("&Attach…"), _("Attach a receipt or invoice"),
                                          self._choose)
        self.save_button = self._button(_("&Save a copy…"), _("Save a copy of the document"),
                                        self._save_copy)
        self.remove_button = self._button(_("&Remove"), _("Remove the document from this entry"),
                                          self._remove)
        self.preview = QLabel(self._empty_text())
        self.preview.setAccessibleName(_("Document preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(120)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview)
        self._enable()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    # --- what the panel shows ----------------------------------------------------------------

    def set_entry(self, entry_id: int | None) -> None:
        self._entry_id = entry_id
        self.reload()

    def reload(self) -> None:
        docs = self._service.for_entry(self._entry_id) if self._entry_id is not None else []
        self.model.set_documents(docs)
        self._enable()
        self._show_selected()

    def _enable(self) -> None:
        has_entry = self._entry_id is not None
        selected = self._selected_row() is not None
        self.attach_button.setEnabled(has_entry and not self._read_only)
        self.save_button.setEnabled(selected)
        self.remove_button.setEnabled(selected and not self._read_only)

    def _empty_text(self) -> str:
        return "" if self._read_only else _("Drop photos or PDF files here to attach them.")

    def _selected_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def _show_selected(self) -> None:
        self._enable()
        row = self._selected_row()
        if row is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self._empty_text())
            return
        info, data = self._service.content(self.model.document_at(row).id)
        pixmap = QPixmap()
        if info.media_type.startswith("image/") and pixmap.loadFromData(data):
            self.preview.setPixmap(pixmap.scaledToHeight(
                200, Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.setText(_("{name}: save a copy to open it.").format(name=info.name))

    # --- actions -----------------------------------------------------------------------------

    def attach_files(self, paths: list[Path]) -> list[str]:
        """Attach each file; returns the problems, one plain sentence per file refused."""
        problems: list[str] = []
        if self._entry_id is None:
            return problems
        entry_id = self._entry_id
        for path in paths:
            try:
                self._attach(entry_id, path.name, read_limited(path, EVIDENCE_MAX_BYTES))
            except (DomainError, OSError) as error:
                problems.append(f"{path.name}: {error}")
        self.reload()
        if problems:
            self.preview.setText("\n".join(problems))
        self.changed.emit()
        return problems

    def _attach(self, entry_id: int, name: str, data: bytes) -> None:
        self._undo.run(_("Attach document"), lambda: self._service.attach(entry_id, name, data))

    def _choose(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, _("Attach documents"), "",
                                                      FILE_FILTER)
        self.attach_files([Path(n) for n in names])

    def _save_copy(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        info, data = self._service.content(self.model.document_at(row).id)
        target, _filter = QFileDialog.getSaveFileName(self, _("Save a copy"), info.name)
        if target:
            Path(target).write_bytes(data)

    def _remove(self) -> None:
        row = self._selected_row()
        if row is None or self._entry_id is None:
            return
        evidence_id, entry_id = self.model.document_at(row).id, self._entry_id
        try:
            self._undo.run(_("Remove document"),
                           lambda: self._service.detach(evidence_id, entry_id))
        except DomainError as error:
            self.preview.setText(str(error))
        self.reload()
        self.changed.emit()

    # --- drag and drop -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._entry_id is not None and not self._read_only and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.attach_files(paths)
        event.acceptProposedAction()
