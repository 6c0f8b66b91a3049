"""Payee rules: list them, add, change and remove (each an undoable step)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.categories import Category
from app.domain.errors import DomainError
from app.domain.payees import PayeeRule
from app.domain.policy import Policy
from app.i18n import _, active_locale
from app.services.payees import PayeeRulesService, RuleDraft
from app.services.undo import UndoStack
from ui import fit
from ui.accessibility import label_for, named
from ui.bank.payee_rules_model import Col, PayeeRulesModel
from ui.models.rows_model import chosen_row, sorted_view
from ui.widgets import confirmed


class PayeeRuleDialog(QDialog):
    """One rule's words, payee and category; `save` is called with the draft on OK."""

    def __init__(self, categories: list[Category], policy: Policy,
                 save: Callable[[RuleDraft], object], rule: PayeeRule | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change payee rule") if rule else _("Add payee rule"))
        self._save = save
        self.words = QLineEdit(rule.words if rule else "")
        self.payee = QLineEdit(rule.payee if rule else "")
        self.category = QComboBox()
        self.category.addItem(_("(leave as the line is)"), None)
        for category in categories:  # a rule may file only where no agreement is needed
            if not policy.needs_reason(category.code) and not policy.is_unsorted(category.code):
                self.category.addItem(category.name(active_locale()), category.code)
        if rule is not None:
            self.category.setCurrentIndex(max(self.category.findData(rule.category_code), 0))
        intro = QLabel(_("Bank lines holding all these words will be given this payee (and "
                         "category) when they are imported. Numbers and words like CARD or "
                         "PAYMENT are left out, because banks add them to every line."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(label_for(_("&Words the bank uses:"), self.words), self.words)
        form.addRow(label_for(_("&Paid to or from:"), self.payee), self.payee)
        form.addRow(label_for(_("&Category:"), self.category), self.category)
        self.problem = named(QLabel(""), _("Problem"))
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = named(buttons.button(QDialogButtonBox.StandardButton.Ok),
                               _("Save the rule"))
        named(buttons.button(QDialogButtonBox.StandardButton.Cancel), _("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        draft = RuleDraft(self.words.text(), self.payee.text(), self.category.currentData())
        try:
            self._save(draft)
        except DomainError as error:
            self.problem.setText(str(error))
            return
        self.accept()


class PayeeRulesDialog(QDialog):
    def __init__(self, service: PayeeRulesService, categories: list[Category], policy: Policy,
                 undo_stack: UndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Payee rules"))
        self._service, self._undo = service, undo_stack
        self._categories, self._policy = categories, policy
        self.model = PayeeRulesModel(categories)
        self.table = sorted_view(self.model, _("Payee rules"), Col.WORDS, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setAccessibleName(_("Column headings"))
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda _index: self.change_current())
        intro = QLabel(_("When you correct who an imported line was paid to, CareLedger "
                         "remembers it here for the next statement. You can change or remove "
                         "any rule."))
        intro.setWordWrap(True)
        self.empty = named(QLabel(""), _("About the rules"))
        self.add_button = named(QPushButton(_("&Add…")), _("Add a payee rule"))
        self.change_button = named(QPushButton(_("&Change…")), _("Change the chosen rule"))
        self.remove_button = named(QPushButton(_("&Remove")), _("Remove the chosen rule"))
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change_current)
        self.remove_button.clicked.connect(self.remove_current)
        row = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(buttons.button(QDialogButtonBox.StandardButton.Close), _("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self.reload()

    def reload(self) -> None:
        self.model.set_rules(self._service.rules())
        has = self.model.rowCount() > 0
        self.empty.setText("" if has else _("No rules yet. They are learned when you correct "
                                            "an imported line, or you can add one."))
        self.empty.setVisible(not has)
        if has:
            self.table.selectRow(0)
        self.change_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        fit.size_columns(self.table)

    def current(self) -> PayeeRule | None:
        return chosen_row(self.table, self.model)

    def add(self) -> None:
        def save(draft: RuleDraft) -> None:
            self._undo.run(_("Add payee rule"), lambda: self._service.add(draft))

        if self._form(save, None).exec():
            self.reload()

    def change_current(self) -> None:
        rule = self.current()
        if rule is None:
            return

        def save(draft: RuleDraft) -> None:
            self._undo.run(_("Change payee rule"), lambda: self._service.change(rule.id, draft))

        if self._form(save, rule).exec():
            self.reload()

    def remove_current(self) -> None:
        rule = self.current()
        if rule is None:
            return
        question = _("Remove the rule for “{words}”? Entries already filed stay as they are; "
                     "Undo (Ctrl+Z) puts the rule back.").format(words=rule.words)
        if not confirmed(self, _("Remove payee rule"), question):
            return
        self._undo.run(_("Remove payee rule"), lambda: self._service.remove(rule.id))
        self.reload()

    def _form(self, save: Callable[[RuleDraft], object], rule: PayeeRule | None
              ) -> PayeeRuleDialog:
        dialog = PayeeRuleDialog(self._categories, self._policy, save, rule, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        return dialog
