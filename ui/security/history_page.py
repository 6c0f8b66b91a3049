"""The History page: the audit trail, and a button that checks nobody changed it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.history import HistoryCheck, HistoryService
from ui import fit
from ui.security.history_model import HistoryModel


class HistoryPage(QWidget):
    history_verified = Signal(object)  # the HistoryCheck

    def __init__(self, service: HistoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.model = HistoryModel(self, loader=service.page, describe=service.describe)
        self.table = QTableView(self)
        self.table.setModel(self.model)  # newest first, fetched a page at a time
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setAccessibleName(_("Column headings"))
        self.table.setAccessibleName(_("History of changes"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_details())
        fit.keep_rows(self.table, 6)
        # What the chosen change changed, from what to what, in words.
        self.details = QTextBrowser(self)
        self.details.setAccessibleName(_("What this change changed"))
        self.details.setPlaceholderText(_("Choose a change above to see what it changed."))
        self.verify_button = QPushButton(_("Verify history"), self)
        self.verify_button.setAccessibleName(_("Verify history"))
        self.verify_button.clicked.connect(self.verify)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setAccessibleName(_("Result of the history check"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("Every change to these records: when (this computer's time), who made "
                         "it, and what changed from what to what."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.details, 1)
        for widget in (self.verify_button, self.result):
            layout.addWidget(widget)
        self._stale = True

    def refresh(self) -> None:
        """Reload now if shown, else when next shown (the tab is often never opened)."""
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self._load()
        super().showEvent(event)

    def _load(self) -> None:
        self._stale = False
        self.model.reload()
        fit.size_columns(self.table)  # one page of rows: cheap
        if self.model.rowCount():
            self.table.selectRow(0)
        self._show_details()

    def _show_details(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.details.clear()
            return
        words = self.model.words_at(index.row())
        lines = [f"<p><b>{escape(words.what)}</b><br>{escape(words.when)}, "
                 f"{escape(words.who)}</p>"]
        if words.details:
            lines.append("<ul>" + "".join(f"<li>{escape(d)}</li>" for d in words.details)
                         + "</ul>")
        self.details.setHtml("".join(lines))

    def verify(self) -> HistoryCheck:
        check = self.service.verify()
        self.model.mark_broken(check.first_broken.id if check.first_broken else None)
        self.result.setText(self._describe(check))
        self.history_verified.emit(check)
        return check

    @staticmethod
    def _describe(check: HistoryCheck) -> str:
        if check.is_whole:
            return _("The history is whole: {n} changes checked, none altered.").format(
                n=check.events_checked)
        parts = []
        if check.first_broken is not None:
            parts.append(_("The history was changed outside CareLedger, starting at change "
                           "number {id}.").format(id=check.first_broken.id))
        if check.entries_not_matching:
            parts.append(_("These entries do not match their history: {ids}.").format(
                ids=", ".join(str(i) for i in check.entries_not_matching)))
        others = sorted({d.table for d in check.differences if d.table != "entry"})
        if others:
            parts.append(_("Other records do not match their history either ({tables}).").format(
                tables=", ".join(others)))
        if check.missing_heads:
            parts.append(_("Changes that a return you produced was based on are no longer in "
                           "the history."))
        if check.damaged_documents:
            parts.append(_("Some receipts or documents are damaged."))
        if check.checkpoint_wrong:
            parts.append(_("The balance kept for opening the ledger quickly does not match "
                           "the entries: it was changed outside CareLedger."))
        parts.append(_("Restore a backup from before the change, and keep this file "
                       "as evidence."))
        return " ".join(parts)
