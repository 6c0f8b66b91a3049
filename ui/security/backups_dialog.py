"""Choose one of a profile's automatic backups to put back: when, what kind, whole or not."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QVBoxLayout, QWidget

from app.i18n import _, format_when
from app.services.auto_backups import BackupListing
from ui import fit
from ui.models.rows_model import SORT_ROLE, Index, RowsModel, sorted_view
from ui.security.dialog_buttons import ok_cancel


class Col(IntEnum):
    WHEN = 0
    KIND = 1
    STATE = 2


def column_titles() -> dict[Col, str]:
    return {Col.WHEN: _("Made"), Col.KIND: _("Kind"), Col.STATE: _("State")}


class BackupsModel(RowsModel[BackupListing]):
    def __init__(self, backups: list[BackupListing], parent: QObject | None = None) -> None:
        super().__init__(column_titles(), parent)
        self._reset(backups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._row(index)
        if item is None:
            return None
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {Col.WHEN: format_when(item.made_at), Col.KIND: item.kind_label,
                    Col.STATE: item.state_label}[col]
        if role == SORT_ROLE:
            return {Col.WHEN: -item.made_at.timestamp(), Col.KIND: item.kind,
                    Col.STATE: (not item.whole, item.number)}[col]
        if role == Qt.ItemDataRole.ForegroundRole and not item.whole:
            return Qt.GlobalColor.darkRed
        return None


class BackupsDialog(QDialog):
    """The backups, newest first; `chosen` is the one to restore once accepted."""

    def __init__(self, name: str, backups: list[BackupListing],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore an automatic backup of {name}").format(name=name))
        self.model = BackupsModel(backups, self)
        self.table = sorted_view(self.model, _("Automatic backups"), Col.WHEN, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()  # row numbers say nothing; hides the corner button
        self.table.horizontalHeader().setAccessibleName(_("Column headings"))
        self.table.horizontalHeader().setStretchLastSection(True)
        fit.size_columns(self.table)
        self.table.selectRow(0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Message"))
        intro = QLabel(_("CareLedger makes a checked backup each time this profile is closed "
                         "after a change. The records there now are kept as a backup too, so "
                         "this can be undone."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, _("&Restore this backup"), self._accept))
        self.resize(620, 360)
        self.chosen: BackupListing | None = None

    def selected(self) -> BackupListing | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        proxy = self.table.model()
        return self.model.row_at(proxy.mapToSource(rows[0]).row())  # type: ignore[attr-defined]

    def _accept(self) -> None:
        item = self.selected()
        if item is None or not item.whole:
            self.message.setText(_("Choose a backup that is whole."))
            return
        self.chosen = item
        self.accept()
