"""One profile's ledger: the summary at the top, the entries below, and the edit actions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.entries import EntryDraft
from app.i18n import _, active_locale, format_date, format_money
from app.services.ledger import LedgerService
from app.services.profiles import DEMO_PASSPHRASE
from ui.accessibility import named
from ui.dialogs.entry_dialog import EntryDialog
from ui.models.ledger_model import Col, LedgerModel
from ui.pages.summary_panel import SummaryPanel
from ui.text_size import emphasise


class LedgerPage(QWidget):
    entry_saved = Signal()
    entry_deleted = Signal()

    def __init__(self, ledger: LedgerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.categories = ledger.categories()
        names = {c.code: c.name(active_locale()) for c in self.categories}
        self.model = LedgerModel(ledger, names)

        info = ledger.profile.info
        details = ledger.details()
        self.heading = named(QLabel(details.display_name), _("Whose records these are"))
        emphasise(self.heading, 1.3)
        council = ", ".join(x for x in (details.council_name, details.council_reference) if x)
        self.council = QLabel(council)
        self.council.setVisible(bool(council))
        self.banner = named(QLabel(), _("About this profile"))
        self.banner.setWordWrap(True)
        if info.is_demo:
            self.banner.setText(_("This is a demo profile with made-up entries, so you can try "
                                  "things out. Its passphrase is “{passphrase}”.").format(
                                      passphrase=DEMO_PASSPHRASE))
            self.banner.setStyleSheet("background: #fff4ce; padding: 6px; color: #3b2f00")
        elif ledger.profile.read_only:
            self.banner.setText(_("Another window is using this profile, so you can only read "
                                  "it here. Close the other window to make changes."))
        else:
            self.banner.hide()
        self.summary = SummaryPanel()

        self.add_button = named(QPushButton(_("&Add entry…")), _("Add entry"),
                                _("Record money paid out or in (Ctrl+N)."))
        self.edit_button = named(QPushButton(_("&Change…")), _("Change the chosen entry"))
        self.delete_button = named(QPushButton(_("De&lete")), _("Delete the chosen entry"))
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()

        self.table = named(QTableView(), _("Ledger entries, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = named(self.table.horizontalHeader(), _("Column headings"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._size_columns()
        self.table.activated.connect(lambda _index: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

        QShortcut(QKeySequence.StandardKey.New, self, self.add_entry)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_current)

        layout = QVBoxLayout(self)
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading)
        title_row.addSpacing(16)
        title_row.addWidget(self.council)
        title_row.addStretch()
        layout.addLayout(title_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    # --- showing ---------------------------------------------------------------------------

    def _size_columns(self) -> None:
        """Widths from the font, not from the rows: measuring every loaded cell is slow on a
        long ledger. Names get about 30 characters; the note takes what is left. At 200% text
        the table scrolls sideways rather than squeezing names to nothing.
        """
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        pad = metrics.averageCharWidth() * 2
        widest_money = metrics.horizontalAdvance(format_money(-99_999_999))
        widths = {
            Col.DATE: metrics.horizontalAdvance(format_date(date(2026, 9, 28))) + pad,
            Col.PAYEE: metrics.averageCharWidth() * 30,
            Col.CATEGORY: metrics.averageCharWidth() * 34,
        }
        for col in (Col.MONEY_OUT, Col.MONEY_IN, Col.BALANCE):
            widths[col] = widest_money + pad
        for col, width in widths.items():
            title = self.model.headerData(col, Qt.Orientation.Horizontal)
            header.resizeSection(col, max(width, metrics.horizontalAdvance(title) + pad))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._size_columns()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.model.reload()
        self.summary.show_summary(self.ledger.summary(date.today()))
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.ledger.profile.read_only
        has_row = self.table.currentIndex().isValid()
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and has_row)
        self.delete_button.setEnabled(writable and has_row)

    def current_entry_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.entry_at(index.row()).id if index.isValid() else None

    # --- editing ---------------------------------------------------------------------------

    def add_entry(self) -> None:
        if self.ledger.profile.read_only:
            return
        dialog = EntryDialog(self.categories, self._save_new, parent=self)
        if dialog.exec():
            self.refresh()
            self.entry_saved.emit()

    def edit_current(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id is None or self.ledger.profile.read_only:
            return
        entry = self.ledger.get_entry(entry_id)

        def save(draft: EntryDraft) -> object:
            return self.ledger.update_entry(entry_id, draft)

        dialog = EntryDialog(self.categories, save, entry=entry, parent=self)
        if dialog.exec():
            self.refresh()
            self.entry_saved.emit()

    def delete_current(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id is None or self.ledger.profile.read_only:
            return
        entry = self.ledger.get_entry(entry_id)
        question = _("Delete the entry for {payee}, {amount} on {date}? "
                     "The history will still show it was deleted.").format(
            payee=entry.payee, amount=format_money(entry.amount.pence),
            date=format_date(entry.on))
        if not self.confirm(question):
            return
        self.ledger.delete_entry(entry_id)
        self.refresh()
        self.entry_deleted.emit()

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, _("Delete entry"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _save_new(self, draft: EntryDraft) -> object:
        return self.ledger.add_entry(draft)
