"""Add or change one ledger entry. Rules live in app/ (the Policy answers every question about
the council's rules); this form only collects and shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.categories import Category, Direction, Permission
from app.domain.entries import Entry, EntryDraft
from app.domain.errors import DomainError, NeedsConfirmation, ValidationError
from app.domain.money import Money
from app.domain.plan import PlanLine
from app.domain.policy import Policy
from app.i18n import ParseError, _, active_locale, parse_money
from ui.accessibility import named
from ui.date_field import DateField
from ui.widgets import accept_cancel_buttons, message_label, to_date


class EntryDialog(QDialog):
    """Calls `save(draft)`; on a DomainError the message shows here and the dialog stays."""

    def __init__(self, policy: Policy, plan_lines: list[PlanLine],
                 save: Callable[[EntryDraft], object], entry: Entry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change entry") if entry else _("Add entry"))
        self._policy = policy
        self._categories: list[Category] = list(policy.categories.values())
        self._plan_lines = plan_lines
        self._save = save

        self.money_out = named(QRadioButton(_("Money &out")), _("Money out"))
        self.money_in = named(QRadioButton(_("Money &in")), _("Money in"))
        self._direction = QButtonGroup(self)
        self._direction.addButton(self.money_out)
        self._direction.addButton(self.money_in)
        self.money_out.setChecked(True)
        direction_row = QHBoxLayout()
        direction_row.addWidget(self.money_out)
        direction_row.addWidget(self.money_in)
        direction_row.addStretch()

        self.on = DateField(name=_("Date"))
        self.amount = named(QLineEdit(), _("Amount in pounds"), _("For example 12.50"))
        self.payee = named(QLineEdit(), _("Paid to or from"),
                           _("Who the money went to, or came from."))
        self.category = named(QComboBox(), _("Category"))
        self.plan_line = named(QComboBox(), _("Support plan line"),
                               _("The line of your support plan this pays for."))
        self.plan_line.setEditable(True)  # a line not in the plan yet is added to it
        self.plan_line.addItem("")
        for line in plan_lines:
            self.plan_line.addItem(line.name, line.id)
        self.memo = named(QLineEdit(), _("Note"), _("Anything that helps you remember."))
        self.reason = named(QLineEdit(), _("Reason the council agreed"),
                            _("Needed for spending the council does not usually allow."))
        self.reason_label = QLabel(_("&Reason agreed"))
        self.reason_label.setBuddy(self.reason)
        self.warning = message_label()

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(_("Type"), direction_row)
        form.addRow(_("&Date"), self.on)
        form.addRow(_("&Amount (£)"), self.amount)
        form.addRow(_("&Paid to or from"), self.payee)
        form.addRow(_("&Category"), self.category)
        form.addRow(_("Support plan &line"), self.plan_line)
        form.addRow(_("&Note"), self.memo)
        form.addRow(self.reason_label, self.reason)

        buttons = accept_cancel_buttons(self, _("&Save"), _("Save"), self._submit)
        save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)

        chain = [self.money_out, self.money_in, self.on, self.amount, self.payee, self.category,
                 self.plan_line, self.memo, self.reason, save_button, cancel]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.money_in.toggled.connect(self._fill_categories)
        self.category.currentIndexChanged.connect(self._show_permission)
        self._fill_categories()
        if entry:
            self._load(entry)
        self._show_permission()
        self.amount.setFocus()

    # --- filling ---------------------------------------------------------------------------

    def _wanted_direction(self) -> Direction:
        return Direction.IN if self.money_in.isChecked() else Direction.OUT

    def _fill_categories(self) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        locale = active_locale()
        # The data file's order puts the common categories first (PA wages, council payment).
        wanted = [c for c in self._categories if c.direction is self._wanted_direction()]
        for cat in wanted:
            self.category.addItem(cat.name(locale), cat.code)
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(index, 0))
        self.category.blockSignals(False)
        self._show_permission()

    def _load(self, entry: Entry) -> None:
        (self.money_in if entry.amount.pence > 0 else self.money_out).setChecked(True)
        self.on.setDate(QDate(entry.on.year, entry.on.month, entry.on.day))
        self.amount.setText(f"{abs(entry.amount.pence) // 100}.{abs(entry.amount.pence) % 100:02d}")
        self.payee.setText(entry.payee)
        self.category.setCurrentIndex(max(self.category.findData(entry.category_code), 0))
        self.memo.setText(entry.memo)
        self.reason.setText(entry.approval_reason)
        self.plan_line.setCurrentIndex(max(self.plan_line.findData(entry.plan_line_id), 0))

    def _selected(self) -> Category | None:
        code = self.category.currentData()
        return next((c for c in self._categories if c.code == code), None)

    def _show_permission(self) -> None:
        cat = self._selected()
        permission = self._policy.permission(cat.code) if cat else Permission.ALLOWED
        needs_reason = permission is not Permission.ALLOWED
        show = needs_reason or bool(self.reason.text())
        self.reason.setVisible(show)
        self.reason_label.setVisible(show)  # not isVisible(): false until the dialog shows
        if permission is Permission.NOT_ALLOWED:
            self._warn(_("The council does not usually allow this. "
                         "Only record it if they agreed, and say why."))
        elif permission is Permission.NEEDS_APPROVAL:
            self._warn(_("The council must agree this. Say when and how they agreed it, and "
                         "keep their letter or email."))
        else:
            self._warn("")

    def _warn(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    # --- saving ----------------------------------------------------------------------------

    def draft(self) -> EntryDraft:
        try:
            pence = abs(parse_money(self.amount.text()))
        except ParseError as error:
            raise ValidationError("amount", str(error)) from error
        sign = 1 if self._wanted_direction() is Direction.IN else -1
        return EntryDraft(
            on=to_date(self.on.date()), amount=Money(sign * pence),
            payee=self.payee.text(), category_code=self.category.currentData() or "",
            memo=self.memo.text(), approval_reason=self.reason.text(),
            plan_line=self.plan_line.currentText(),
        )

    def _submit(self) -> None:
        try:
            self._save(self.draft())
        except NeedsConfirmation as error:
            self.reason.show()
            self.reason_label.show()
            self._warn(str(error))
            self.reason.setFocus()
            return
        except ValidationError as error:
            self._warn(str(error))
            field = {"amount": self.amount, "payee": self.payee, "category": self.category,
                     "on": self.on, "memo": self.memo}.get(error.field)
            if field is not None:
                field.setFocus()
            return
        except DomainError as error:
            self._warn(str(error))
            return
        self.accept()
