"""Say which column of an unfamiliar CSV holds what; the import remembers it for next time."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.importers.bank import ColumnMapping


def role_titles() -> dict[str, str]:
    return {"date": _("&Date"), "description": _("D&escription"), "amount": _("&Amount"),
            "money_out": _("Money &out"), "money_in": _("Money &in"),
            "payee": _("&Paid to or from"), "reference": _("&Reference"),
            "balance": _("&Balance"), "status": _("&Status (pending or not)")}


class ColumnMappingDialog(QDialog):
    def __init__(self, header: tuple[str, ...], parent: QWidget | None = None,
                 current: tuple[tuple[str, int], ...] = ()) -> None:
        """`current`: the columns as the file was read, to be corrected."""
        super().__init__(parent)
        self.setWindowTitle(_("Which column is which?"))
        self.header = header
        self.boxes: dict[str, QComboBox] = {}
        intro = QLabel(_("Choose the column for the date, the description and either the "
                         "amount or the money out and money in columns."))
        intro.setWordWrap(True)
        form = QFormLayout()
        for role, title in role_titles().items():
            box = QComboBox()
            box.setAccessibleName(title.replace("&", ""))
            box.addItem(_("(none)"), None)
            for column, name in enumerate(header):
                box.addItem(name or _("Column {n}").format(n=column + 1), column)
            label = QLabel(title)
            label.setBuddy(box)
            form.addRow(label, box)
            self.boxes[role] = box
        self.problem = QLabel("")
        self.problem.setAccessibleName(_("Problem"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName(_("Use these columns"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_("Cancel"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.mapping: ColumnMapping | None = None
        for role, column in current:
            if role in self.boxes:
                self.choose(role, column)

    def choose(self, role: str, column: int | None) -> None:
        box = self.boxes[role]
        box.setCurrentIndex(max(box.findData(column), 0))

    def _accept(self) -> None:
        chosen = {role: box.currentData() for role, box in self.boxes.items()
                  if box.currentData() is not None}
        try:
            self.mapping = ColumnMapping.from_json(chosen)
        except (TypeError, ValueError):
            self.problem.setText(_("Choose at least the date, the description and an amount "
                                   "column."))
            return
        self.accept()
