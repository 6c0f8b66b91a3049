"""My providers: the people and firms the budget holder buys care from, and value for money."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.chosen_providers import ChosenProvider, ChosenProviderDraft, ProviderKind
from app.domain.errors import DomainError
from app.domain.funding import Period
from app.domain.money import Money
from app.i18n import ParseError, _, parse_money
from app.services.my_providers import MyProvidersService
from app.services.undo import UndoStack
from ui import fit
from ui.accessibility import label_for, named
from ui.date_field import DateField
from ui.flow_layout import FlowLayout
from ui.register.my_providers_model import SORT_ROLE, MyProvidersModel, _kinds
from ui.widgets import ReloadedWhenShown, accept_cancel_buttons, confirmed, message_label, to_date


class MyProvidersPage(ReloadedWhenShown):
    def __init__(self, service: MyProvidersService, undo: UndoStack,
                 parent: QWidget | None = None, read_only: bool = False) -> None:
        super().__init__(parent)
        self.service = service
        self.read_only = read_only  # open in another window: providers can be read, not changed
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
        self.add_button.setEnabled(not read_only)
        self.change_button = named(QPushButton(_("C&hange…")),
                                   _("Change the chosen provider"),
                                   _("Their name, agreed rate, dates and notes."))
        self.change_button.clicked.connect(self.change_current)
        self.remove_button = named(QPushButton(_("&Remove…")), _("Remove the chosen provider"),
                                   _("Take them off My providers (Ctrl+Z puts them back)."))
        self.remove_button.clicked.connect(self.remove_current)
        self.table.activated.connect(lambda _index: self.change_current())
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_current)
        self.message = message_label()
        buttons = FlowLayout().add_widgets(self.add_button, self.change_button,
                                           self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self._enable()

    def refresh(self) -> None:
        today = date.today()
        period = Period(today - timedelta(days=365), today)
        self.model.set_rows(self.service.value_for_money_all(period))
        fit.size_columns(self.table)
        super().refresh()



    def add_own(self) -> None:
        if OwnProviderDialog(self.service, self.undo, self).exec():
            self.refresh()

    def current(self) -> ChosenProvider | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.table.model().mapToSource(index)  # type: ignore[attr-defined]
        return self.model.row_at(source.row()).provider

    def change_current(self) -> None:
        provider = self.current()
        if provider is not None and OwnProviderDialog(self.service, self.undo, self,
                                                      provider).exec():
            self.refresh()

    def remove_current(self) -> None:
        provider = self.current()
        if provider is None:
            return
        question = _("Remove {name} from My providers? Their payments stay in your records; "
                     "Undo (Ctrl+Z) puts them back.").format(name=provider.name)
        if not confirmed(self, _("Remove provider"), question):
            return
        try:
            self.undo.run(_("Remove provider"), lambda: self.service.remove(provider.id))
        except DomainError as error:
            self.message.setText(str(error))
            self.message.show()
            return
        self.refresh()

    def _enable(self) -> None:
        chosen = self.table.currentIndex().isValid() and not self.read_only
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)


class OwnProviderDialog(QDialog):
    """Add a PA or small local provider that is in no register, or change any provider."""

    def __init__(self, service: MyProvidersService, undo: UndoStack,
                 parent: QWidget | None = None, provider: ChosenProvider | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change {name}").format(name=provider.name) if provider
                            else _("Add a PA or local provider"))
        self.service = service
        self.undo = undo
        self._provider = provider
        self.name = named(QLineEdit(), _("Name"))
        self.kind = named(QComboBox(), _("Kind of provider"))
        kinds: tuple[ProviderKind, ...] = (ProviderKind.PA, ProviderKind.LOCAL)
        if provider is not None and provider.kind not in kinds:
            kinds = (provider.kind, *kinds)
        for kind in kinds:
            self.kind.addItem(_kinds()[kind], kind.value)
        self.rate = named(QLineEdit(), _("Agreed hourly rate"), _("For example 12.60"))
        self.start = DateField(name=_("Start date"))
        self.end = DateField(None, _("Last day"), optional=True)
        self.notes = named(QLineEdit(), _("Notes"))
        self.error = message_label()
        form = QFormLayout()
        rows = [(_("&Name"), self.name), (_("&Kind"), self.kind),
                (_("Agreed &rate an hour (£)"), self.rate), (_("&Start date"), self.start)]
        if provider is not None:
            rows.append((_("&Last day (blank: still used)"), self.end))
        rows.append((_("N&otes"), self.notes))
        for text, field in rows:
            form.addRow(label_for(text, field), field)
        buttons = accept_cancel_buttons(self, _("&Save"), _("Save"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if provider is not None:
            self._load(provider)

    def _load(self, p: ChosenProvider) -> None:
        self.name.setText(p.name)
        self.kind.setCurrentIndex(max(self.kind.findData(p.kind.value), 0))
        rate = p.agreed_hourly_rate
        self.rate.setText(f"{rate.pence / 100:.2f}" if rate is not None else "")
        self.start.setDate(p.start)
        self.end.setDate(p.end)
        self.notes.setText(p.notes)

    def submit(self) -> None:
        try:
            rate = Money(parse_money(self.rate.text())) if self.rate.text().strip() else None
            start = to_date(self.start.date())
            kind = ProviderKind(self.kind.currentData())
            old = self._provider
            if old is None:
                draft = ChosenProviderDraft(name=self.name.text(), start=start, kind=kind,
                                            agreed_hourly_rate=rate, notes=self.notes.text())
                self.undo.run(_("Add provider"), lambda: self.service.add(draft))
            else:
                draft = ChosenProviderDraft(
                    name=self.name.text(), start=start, source=old.source,
                    source_id=old.source_id, postcode=old.postcode, kind=kind,
                    payee_name=old.payee_name if old.payee_name != old.name else "",
                    agreed_hourly_rate=rate, end=self.end.value(), notes=self.notes.text(),
                    own_rating=old.own_rating)
                self.undo.run(_("Change provider"),
                              lambda: self.service.update(old.id, draft))
        except (DomainError, ParseError) as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()
