"""My providers: the people and firms the budget holder buys care from, and value for money."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind
from app.domain.errors import DomainError
from app.domain.funding import Period
from app.domain.money import Money
from app.i18n import ParseError, _, parse_money
from app.services.my_providers import MyProvidersService
from app.services.undo import UndoStack
from ui import fit
from ui.accessibility import named
from ui.date_field import DateField
from ui.register.my_providers_model import SORT_ROLE, MyProvidersModel, _kinds
from ui.widgets import accept_cancel_buttons, message_label, to_date


class MyProvidersPage(QWidget):
    def __init__(self, service: MyProvidersService, undo: UndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.undo = undo
        self.model = MyProvidersModel()
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        intro = QLabel(_("The people and services you pay for care. Cost an hour is what you "
                         "paid them in the last 12 months divided by the hours logged as "
                         "delivered. Find registered providers on the Find providers tab."))
        intro.setWordWrap(True)
        self.table = named(QTableView(), _("My providers"))
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        named(self.table.horizontalHeader(), _("Column headings"))
        self.add_button = named(QPushButton(_("Add a &PA or local provider…")),
                                _("Add a personal assistant or local provider"))
        self.add_button.clicked.connect(self.add_own)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._stale = True

    def refresh(self) -> None:
        today = date.today()
        period = Period(today - timedelta(days=365), today)
        self.model.set_rows(self.service.value_for_money_all(period))
        fit.size_columns(self.table)
        self._stale = False

    def mark_stale(self) -> None:
        """Figures changed elsewhere: reload when next shown (or now, if shown)."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        if self._stale:
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def add_own(self) -> None:
        if OwnProviderDialog(self.service, self.undo, self).exec():
            self.refresh()


class OwnProviderDialog(QDialog):
    """A personal assistant or small local provider that is in no register."""

    def __init__(self, service: MyProvidersService, undo: UndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a PA or local provider"))
        self.service = service
        self.undo = undo
        self.name = named(QLineEdit(), _("Name"))
        self.kind = named(QComboBox(), _("Kind of provider"))
        for kind in (ProviderKind.PA, ProviderKind.LOCAL):
            self.kind.addItem(_kinds()[kind], kind.value)
        self.rate = named(QLineEdit(), _("Agreed hourly rate"), _("For example 12.60"))
        self.start = DateField(name=_("Start date"))
        self.notes = named(QLineEdit(), _("Notes"))
        self.error = message_label()
        form = QFormLayout()
        for text, field in ((_("&Name"), self.name), (_("&Kind"), self.kind),
                            (_("Agreed &rate an hour (£)"), self.rate),
                            (_("&Start date"), self.start), (_("N&otes"), self.notes)):
            form.addRow(text, field)
        buttons = accept_cancel_buttons(self, _("&Save"), _("Save"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        try:
            rate = Money(parse_money(self.rate.text())) if self.rate.text().strip() else None
            draft = ChosenProviderDraft(
                name=self.name.text(), start=to_date(self.start.date()),
                kind=ProviderKind(self.kind.currentData()), agreed_hourly_rate=rate,
                notes=self.notes.text())
            self.undo.run(_("Add provider"), lambda: self.service.add(draft))
        except (DomainError, ParseError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()

