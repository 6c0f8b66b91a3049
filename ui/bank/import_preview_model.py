"""The rows of a bank import preview as a Qt table: status, what the bank said, the entry a
line matches (ticked: the same payment), and the payee and category the person may change
before importing. After the import, the same model shows what was added and matched."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.categories import Category, Direction
from app.domain.policy import Policy
from app.i18n import _, active_locale, format_date, format_money
from app.services.bank_import import ImportPreview, PreviewRow, RowStatus
from ui.models.rows_model import RIGHT, SORT_ROLE, Index, RowsModel

STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
DIRECTION_ROLE = Qt.ItemDataRole.UserRole + 3  # "in" or "out": which categories fit the line
CHECK_BACKGROUND = QBrush(QColor("#fff4ce"))  # as the demo banner: readable in both themes
CHECK_TEXT = QBrush(QColor("#3b2f00"))


class Col(IntEnum):
    LINE = 0
    STATUS = 1
    DATE = 2
    AMOUNT = 3
    BANK_TEXT = 4
    MATCH = 5  # the entry already in the records; ticked: the same payment
    PAYEE = 6
    CATEGORY = 7
    AGREED = 8  # the council's agreement, for a category that needs one
    REASON = 9


def column_titles() -> dict[Col, str]:
    return {Col.LINE: _("Line"), Col.STATUS: _("Status"), Col.DATE: _("Date"),
            Col.AMOUNT: _("Amount"), Col.BANK_TEXT: _("Bank says"),
            Col.MATCH: _("Same as, in your records"), Col.PAYEE: _("Paid to or from"),
            Col.CATEGORY: _("Category"), Col.AGREED: _("How the council agreed"),
            Col.REASON: _("Why not imported")}


def status_text(row: PreviewRow, done: bool = False) -> str:
    if done:
        return _("Added") if row.status is RowStatus.NEW else _("Matched")
    if row.to_check:
        return _("Check: already in your records?")
    return {RowStatus.NEW: _("New"), RowStatus.MATCHED: _("Already in your records"),
            RowStatus.DUPLICATE: _("Imported before"), RowStatus.REJECTED: _("Cannot import"),
            RowStatus.PENDING: _("Pending at the bank")}[row.status]


class ImportPreviewModel(RowsModel[PreviewRow]):
    def __init__(self, categories: list[Category], policy: Policy | None = None) -> None:
        super().__init__(column_titles())
        self._names = {c.code: c.name(active_locale()) for c in categories}
        self._policy = policy
        self._preview: ImportPreview | None = None
        self.done = False  # showing what an import did: nothing can be changed

    @property
    def preview(self) -> ImportPreview | None:
        """The preview with every change the person made, ready to commit."""
        return self._preview

    def set_preview(self, preview: ImportPreview | None) -> None:
        self._preview = preview
        self.done = False
        self._reset(preview.rows if preview else ())

    def show_done(self, preview: ImportPreview) -> None:
        """After the import: the lines added and matched, nothing editable."""
        self._preview = preview
        self.done = True
        self._reset(r for r in preview.rows if r.status in (RowStatus.NEW, RowStatus.MATCHED))

    # --- the model -------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or self.done:
            return base
        row, col = self.row_at(index.row()), Col(index.column())
        if col is Col.MATCH and row.match is not None and row.status in (RowStatus.NEW,
                                                                         RowStatus.MATCHED):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if col in (Col.PAYEE, Col.CATEGORY, Col.AGREED) and row.status is RowStatus.NEW:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        col = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(row, col)
        if role == Qt.ItemDataRole.CheckStateRole and col is Col.MATCH and row.match:
            same = row.status is RowStatus.MATCHED
            return Qt.CheckState.Checked if same else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            if col is Col.AGREED:
                return row.approval_reason
            return row.category_code if col is Col.CATEGORY else self._display(row, col)
        if role == SORT_ROLE:
            return self._raw(row, col)
        if role == STATUS_ROLE:
            return row.status.value
        if role == DIRECTION_ROLE:
            incoming = row.amount is not None and row.amount.pence > 0
            return (Direction.IN if incoming else Direction.OUT).value
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Col.AMOUNT, Col.LINE):
            return RIGHT
        if row.to_check and not self.done:
            if role == Qt.ItemDataRole.BackgroundRole:
                return CHECK_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole:
                return CHECK_TEXT
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self._row(index)
        if row is None or self._preview is None:
            return False
        flags, col = self.flags(index), Col(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and flags & Qt.ItemFlag.ItemIsUserCheckable:
            same = Qt.CheckState(value) == Qt.CheckState.Checked
            self._preview = self._preview.with_match(row.line, accepted=same)
        elif role == Qt.ItemDataRole.EditRole and flags & Qt.ItemFlag.ItemIsEditable:
            if not self._edit(row, col, str(value).strip()):
                return False
        else:
            return False
        self._rows = list(self._preview.rows)  # the same rows, one of them changed
        # The whole row: a new category can make the agreement column ask for a reason.
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), Col.REASON),
                              [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                               Qt.ItemDataRole.CheckStateRole])
        return True

    def _edit(self, row: PreviewRow, col: Col, text: str) -> bool:
        assert self._preview is not None
        if col is Col.PAYEE and text:
            self._preview = self._preview.with_choice(row.line, payee=text)
        elif col is Col.CATEGORY and text in self._names:
            self._preview = self._preview.with_choice(row.line, category_code=text)
        elif col is Col.AGREED:
            self._preview = self._preview.with_choice(row.line, approval_reason=text)
        else:
            return False
        return True

    def _display(self, row: PreviewRow, col: Col) -> str:
        if col is Col.LINE:
            return str(row.line)
        if col is Col.STATUS:
            return status_text(row, self.done)
        if col is Col.DATE:
            return format_date(row.on) if row.on else ""
        if col is Col.AMOUNT:
            return format_money(row.amount.pence) if row.amount else ""
        if col is Col.BANK_TEXT:
            return row.bank_text
        if col is Col.MATCH:
            return _("{payee}, {date}").format(payee=row.match.payee,
                                               date=format_date(row.match.on)) \
                if row.match else ""
        if col is Col.PAYEE:
            return row.payee if row.status in (RowStatus.NEW, RowStatus.DUPLICATE) else ""
        if col is Col.CATEGORY:
            return self._names.get(row.category_code, row.category_code) \
                if row.status is RowStatus.NEW else ""
        if col is Col.AGREED:
            return row.approval_reason or (_("Needed: say how the council agreed")
                                           if self.needs_reason(row) else "")
        return row.reason

    def _spoken(self, row: PreviewRow, col: Col) -> str:
        """What a screen reader says: the match column says whether it is ticked."""
        text = self._display(row, col)
        if col is Col.MATCH and row.match is not None:
            same = row.status is RowStatus.MATCHED
            return (_("Same payment as {entry}: yes") if same
                    else _("Same payment as {entry}: no")).format(entry=text)
        return text

    def needs_reason(self, row: PreviewRow) -> bool:
        """A new line in a category the council must agree, with no agreement given yet."""
        return (row.status is RowStatus.NEW and not row.approval_reason.strip()
                and self._policy is not None and self._policy.needs_reason(row.category_code))

    def _raw(self, row: PreviewRow, col: Col) -> Any:
        if col is Col.DATE:
            return row.on.toordinal() if row.on else 0
        if col is Col.AMOUNT:
            return row.amount.pence if row.amount else 0
        if col is Col.LINE:
            return row.line
        return self._display(row, col)
