"""Share open data: choose the months, read every line that would leave, then save it to a
folder. Nothing is written until the person presses Save."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.funding import Period
from app.i18n import _
from app.opendata.package import OpenDataPackage, month
from app.opendata.service import OpenDataService, preview_text
from ui.accessibility import label_for, named
from ui.widgets import accept_cancel_buttons, message_label, to_date


def ask_folder(parent: QWidget) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, _("Choose where to save the open data"))
    return Path(name) if name else None


class OpenDataDialog(QDialog):
    def __init__(self, service: OpenDataService, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Share open data"))
        self.service = service
        self.package: OpenDataPackage | None = None
        self.written: list[Path] = []
        start = today - timedelta(days=364)
        self.from_edit = self._date(start)
        self.to_edit = self._date(today)
        intro = QLabel(_("Open data helps councils and the public see which kinds of provider "
                         "give good outcomes at a fair price. Only what you read below "
                         "leaves, and only when you press Save."))
        intro.setWordWrap(True)
        self.preview = named(QPlainTextEdit(), _("What will leave"))
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setMinimumSize(560, 320)
        self.message = message_label()
        form = QFormLayout()
        form.addRow(label_for(_("&From:"), self.from_edit), self.from_edit)
        form.addRow(label_for(_("&To:"), self.to_edit), self.to_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(label_for(_("&What will leave:"), self.preview))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(accept_cancel_buttons(self, _("&Save to a folder…"),
                                               _("Save the open data to a folder"),
                                               self.save))
        self.from_edit.dateChanged.connect(lambda _d: self.show_preview())
        self.to_edit.dateChanged.connect(lambda _d: self.show_preview())
        self.show_preview()

    def _date(self, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        return edit

    def period(self) -> Period:
        return Period(to_date(self.from_edit.date()), to_date(self.to_edit.date()))

    def folder_name(self) -> str:
        period = self.period()
        return f"careledger-open-data-{month(period.start)}-to-{month(period.end)}"

    def show_preview(self) -> None:
        try:
            self.package = self.service.prepare(self.period())
        except DomainError as error:
            self.package = None
            self.preview.setPlainText("")
            self._say(str(error))
            return
        self._say("")
        self.preview.setPlainText(preview_text(self.package, self.folder_name()))

    def save(self) -> None:
        if self.package is None:
            return
        parent = ask_folder(self)
        if parent is None:
            return
        try:
            self.written = self.service.write(self.package, parent / self.folder_name())
        except (DomainError, OSError) as error:
            self._say(str(error))
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
