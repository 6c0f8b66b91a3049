"""The register page: a search box and filters over the results table, the provider page
beside it, and "Add to My providers". Search runs as the person types (after a pause)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.providers import (
    ORG_FORM_LABELS,
    RATING_RANKS,
    OrgForm,
    rating_label,
    service_label,
)
from app.i18n import _, format_number, ngettext
from app.register.postcodes import locate
from app.register.search import GOOD_OR_BETTER, SearchQuery
from app.services.my_providers import MyProvidersService
from app.services.register import COUNT_CAP, ImportReport, RegisterService
from app.services.register_update import CQC_DATA_PAGE, UpdateOutcome
from app.services.undo import UndoStack
from ui import fit
from ui.accessibility import named
from ui.flow_layout import FlowLayout
from ui.register.add_provider_dialog import AddProviderDialog
from ui.register.import_progress import import_with_progress
from ui.register.provider_detail import ProviderDetailPanel
from ui.register.register_update import UpdateSourceDialog, update_with_progress
from ui.register.results_model import KEY_ROLE, Col, RegisterResultsModel

TYPING_PAUSE_MS = 150


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose Alt+letter jumps to `widget` (a form row holding a layout has none)."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class RegisterPage(QWidget):
    register_updated = Signal(str)  # what happened, in a sentence (also in the message line)

    def __init__(self, register: RegisterService, my_providers: MyProvidersService | None = None,
                 undo: UndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self._my_providers = my_providers
        self._undo = undo
        self.setAccessibleName(_("Register of care providers"))
        self.model = RegisterResultsModel(register)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        self._build_filters()
        self._build_results()
        self._wire()
        self.run_search()
        if register.notice:  # e.g. a damaged register was set aside: said, never silent
            self.message.setText(register.notice)

    # --- building --------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search_box = named(QLineEdit(), _("Search providers"))
        self.search_box.setPlaceholderText(_("Name, town, service or specialism"))
        self.service = self._combo(_("Service type"), [(_("Any service"), "")] + [
            (f"{service_label(kind)} ({n})", kind) for kind, n in self._register.service_types()])
        self.rating = self._combo(_("CQC rating"), [
            (_("Any rating"), ""), (_("Good or better"), GOOD_OR_BETTER)] + [
            (rating_label(name), name) for name in RATING_RANKS])
        self.council = self._combo(_("Council area"), [(_("Any council"), "")] + [
            (name, name) for name in self._register.councils()])
        self.form = self._combo(_("Organisation form"), [(_("Any form"), "")] + [
            (_(label), form.value) for form, label in ORG_FORM_LABELS.items()
            if form is not OrgForm.UNKNOWN])
        self.near = named(QLineEdit(), _("Near postcode"))
        self.near.setPlaceholderText(_("for example OL1 or OL1 1AA"))
        self.within = named(QDoubleSpinBox(), _("Within miles"))
        self.within.setRange(0, 500)
        self.within.setSpecialValueText(_("Any distance"))
        self.within.setSuffix(_(" miles"))
        self.message = named(QLabel(), _("Search message"))
        self.message.setWordWrap(True)

    def _build_results(self) -> None:
        self.table = named(QTableView(), _("Providers found"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control
        self.table.verticalHeader().hide()
        self.detail = ProviderDetailPanel()
        self.add_button = named(QPushButton(_("&Add to My providers")),
                                      _("Add to My providers"))
        self.add_button.setEnabled(False)
        self.import_button = named(QPushButton(_("&Import a register file…")),
                                    _("Import a register file"))
        self.update_button = named(QPushButton(_("&Update the register…")),
                                   _("Update the register"))
        self.empty_notice = self._build_empty_notice()
        filters = QFormLayout()
        filters.addRow(_("&Search"), self.search_box)
        row = QHBoxLayout()
        for widget in (self.service, self.rating, self.council, self.form):
            row.addWidget(widget)
        filters.addRow(_buddy(_("&Filters"), self.service), row)
        near = QHBoxLayout()
        near.addWidget(self.near)
        near.addWidget(self.within)
        filters.addRow(_buddy(_("&Near"), self.near), near)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.detail, 1)
        side_layout.addWidget(self.add_button)
        fit.keep_rows(self.table, 6)
        splitter = fit.stack_when_large(QSplitter())
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        header = self.table.horizontalHeader()
        for column, characters in ((Col.NAME, 30), (Col.TOWN, 12), (Col.POSTCODE, 8),
                                   (Col.DISTANCE, 5), (Col.RATING, 16), (Col.SERVICES, 20),
                                   (Col.FORM, 14)):
            # Widths in characters, so they grow with the text size; all stay adjustable.
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("n" * characters)
                                 + 16)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_notice)
        layout.addLayout(buttons)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _build_empty_notice(self) -> QFrame:
        """Shown while the register is empty: how to get it, with the buttons that do."""
        notice = named(QFrame(), _("The register is empty"))
        notice.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(_("The register of care providers is empty. Download CQC's register of "
                        "care services in England to search it (about 20 MB; you can cancel)."))
        text.setWordWrap(True)
        self.download_now = named(QPushButton(_("&Download the register now")),
                                  _("Download the register now"))
        self.download_now.clicked.connect(lambda: self.update_register(CQC_DATA_PAGE))
        self.import_now = named(QPushButton(_("Import a register &file I have…")),
                                _("Import a register file you already have"),
                                _("A CQC or Care Inspectorate Wales file, or a council "
                                  "directory (Open Referral UK)."))
        self.import_now.clicked.connect(self._choose_file)
        column = QVBoxLayout(notice)
        column.addWidget(text)
        column.addLayout(FlowLayout().add_widgets(self.download_now, self.import_now))
        notice.setVisible(self._register.size() == 0)
        return notice

    def _wire(self) -> None:
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.near.textChanged.connect(lambda _text: self._timer.start())
        self.within.valueChanged.connect(lambda _value: self._timer.start())
        for combo in (self.service, self.rating, self.council, self.form):
            combo.currentIndexChanged.connect(lambda _i: self.run_search())
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.model.modelReset.connect(lambda: self._show_current(QModelIndex()))
        self.add_button.clicked.connect(self.add_current)
        self.import_button.clicked.connect(self._choose_file)
        self.update_button.clicked.connect(lambda: self.update_register())

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    # --- behaviour -------------------------------------------------------------------------

    def current_query(self) -> SearchQuery:
        """The query the controls describe; a plain DomainError for an unknown postcode."""
        form = self.form.currentData()
        postcode = self.near.text().strip()
        place = locate(postcode) if postcode else None
        within = self.within.value() or None
        return SearchQuery(text=self.search_box.text(), service_type=self.service.currentData(),
                           rating=self.rating.currentData(), council=self.council.currentData(),
                           org_form=OrgForm(form) if form else None, near=place,
                           within_miles=within if place else None)

    def run_search(self) -> None:
        self._timer.stop()
        try:
            query = self.current_query()
        except DomainError as error:
            self.message.setText(str(error))
            return
        self.model.set_query(query)
        total = self._register.count(query)
        if total > COUNT_CAP:
            text = _("More than {count} providers found. Type more to narrow them.").format(
                count=format_number(COUNT_CAP, places=0))
        elif total:
            text = ngettext("{count} provider found.", "{count} providers found.",
                            total).format(count=total)
        elif self._register.size() == 0:
            text = _("The register is empty, so there is nothing to search yet. Use "
                     "“Download the register now” above, or import a register file.")
        else:
            text = _("No providers match. Try fewer words or filters.")
        self.message.setText(text)

    def _show_current(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        key = current.data(KEY_ROLE) if current.isValid() else None
        detail = self._register.provider(*key) if key else None
        self.detail.show_detail(detail)
        self.add_button.setEnabled(detail is not None and self._my_providers is not None)

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import a register file"), "",
            _("Register files (*.csv *.json *.zip);;All files (*)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> ImportReport | None:
        """Import with a progress bar and Cancel; the outcome is said in the message line."""
        report, text = import_with_progress(self._register, path, self)
        if report is not None:
            self._rebuild_filter_lists()
            self.run_search()
        self.empty_notice.setVisible(self._register.size() == 0)
        self.message.setText(text)
        return report

    def update_register(self, url: str | None = None) -> UpdateOutcome | None:
        """Download (asking where from unless `url` is given) and import what has changed;
        the message line and `register_updated` say how it went."""
        if url is None:
            dialog = UpdateSourceDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            url = dialog.url()
        outcome, text = update_with_progress(self._register, url, self)
        if outcome is not None and outcome.report is not None:
            self._rebuild_filter_lists()
            self.run_search()
        self.empty_notice.setVisible(self._register.size() == 0)
        self.message.setText(text)
        self.register_updated.emit(text)
        return outcome

    def _rebuild_filter_lists(self) -> None:
        for combo, items in ((self.service, [(f"{service_label(kind)} ({n})", kind)
                                             for kind, n in self._register.service_types()]),
                             (self.council, [(c, c) for c in self._register.councils()])):
            combo.blockSignals(True)
            while combo.count() > 1:  # keep "Any ..."
                combo.removeItem(1)
            for text, value in items:
                combo.addItem(text, value)
            combo.blockSignals(False)

    def add_current(self) -> AddProviderDialog | None:
        index = self.table.currentIndex()
        if not index.isValid() or self._my_providers is None or self._undo is None:
            return None
        dialog = AddProviderDialog(self._register.provider(*index.data(KEY_ROLE)),
                                   self._my_providers, self._undo, parent=self)
        dialog.open()
        return dialog
