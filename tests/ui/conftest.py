"""Fixtures for the widget tests: the main window, a driver for modal dialogs, the checks that
every control is named and fits at large text, and what the window tells the person."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.text_size import TextSize

D = TypeVar("D", bound=QDialog)
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QDateEdit)


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, qapp: QApplication) -> Iterator[MainWindow]:
    base = qapp.font()
    win = MainWindow(data_dir, TextSize(qapp))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.lock()
    qapp.setFont(base)


# --- modal dialogs -----------------------------------------------------------------------------

class DialogDriver:
    """Drive a modal dialog from a test without ever leaving it open (a stuck exec() hangs CI):
    `driver.expect(EntryDialog, fill)` before the click that opens it; `driver.check()` after."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.ran = 0
        self.waits = 0

    def expect(self, kind: type[D], action: Callable[[D], object]) -> None:
        def run() -> None:
            dialog = QApplication.activeModalWidget()
            waiting = not isinstance(dialog, kind) or not dialog.isActiveWindow()
            if waiting and self.waits < 200:
                self.waits += 1
                QTimer.singleShot(10, run)  # not shown, or not given the keyboard, yet
                return
            assert isinstance(dialog, kind)
            self.ran += 1
            try:
                action(dialog)
            except BaseException as error:  # re-raised by check() on the test's own stack
                self.errors.append(error)
            finally:  # (the action may have closed it for good, e.g. by locking)
                if shiboken6.isValid(dialog) and dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, run)

    def check(self) -> None:
        if self.errors:
            raise self.errors[0]
        assert self.ran, "the dialog never opened"


@pytest.fixture
def dialog_driver() -> Callable[[], DialogDriver]:
    """Makes a fresh DialogDriver (one for each dialog-opening action in a test)."""
    return DialogDriver


# --- named controls, large text ------------------------------------------------------------------

def _unnamed_visible(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}"
            for w in root.findChildren(QWidget)
            if isinstance(w, CONTROLS) and w.isVisibleTo(root) and not w.accessibleName()
            and w.objectName() != "qt_spinbox_lineedit"
            and not isinstance(w.parent(), (QComboBox, QDateEdit))]


@pytest.fixture
def unnamed_controls() -> Callable[[QWidget], list[str]]:
    """Controls shown in `root` that a screen reader could not name."""
    return _unnamed_visible


def _part_of_composite(widget: QWidget, root: QWidget) -> bool:
    """Parts of a composite control (a table's headers and corner button, a date field's
    text, a list's popup) are named by the control they belong to."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, (QComboBox, QDateEdit, QAbstractItemView)):
            return True
        parent = parent.parentWidget()
    return widget.objectName() == "qt_spinbox_lineedit"


def _unnamed_any(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}"
            for w in root.findChildren(QWidget)
            if isinstance(w, CONTROLS) and not w.accessibleName()
            and not _part_of_composite(w, root)]


@pytest.fixture
def unnamed() -> Callable[[QWidget], list[str]]:
    """Every control in `root`, shown or not, that a screen reader could not name."""
    return _unnamed_any


@pytest.fixture
def fits_at_double_text(qtbot: QtBot, qapp: QApplication, unnamed_controls: Callable[
        [QWidget], list[str]]) -> Iterator[Callable[[QDialog], None]]:
    """check(dialog): at 200% text every control is named, the dialog fits the 1366x768
    screen and nothing in it is squeezed, short of height or cut off (layout_problems)."""
    base = qapp.font()
    TextSize(qapp).apply(2.0)

    def check(dialog: QDialog) -> None:
        name = type(dialog).__name__
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert unnamed_controls(dialog) == [], name
        assert dialog.width() <= SCREEN[0] and dialog.height() <= SCREEN[1], (name, dialog.size())
        assert layout_problems(dialog) == [], name
        dialog.close()

    yield check
    qapp.setFont(base)


# --- what the window says (the in-memory keyring is in tests/conftest.py) ---------------

@pytest.fixture
def told(window: MainWindow) -> list[str]:
    """What the window says in message boxes, kept instead of shown (no modal left open)."""
    messages: list[str] = []
    window.tell = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    return messages


# --- every page and dialog, and what a layout must never do -------------------------------------

SCREEN = (1366, 768)  # the smallest laptop screen still common; the window must fit it
TEXT_SCALES = (1.0, 2.0, 2.5)

# Qt's own inner parts: laid out by their owner, which is checked itself.
_INNER = ("qt_scrollarea_viewport", "qt_scrollarea_hcontainer", "qt_scrollarea_vcontainer",
          "qt_spinbox_lineedit", "qt_tabwidget_tabbar", "qt_tabwidget_stackedwidget",
          "qt_calendar_", "qt_toolbar_ext_button")


def _is_inner(widget: QWidget) -> bool:
    """A part of a composite control (inside a combo, spin box, table, tab bar, calendar)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QCalendarWidget, QTabBar

    if any(widget.objectName().startswith(n) for n in _INNER):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar,
                               QCalendarWidget)):
            return True
        parent = parent.parentWidget()
    return False


def _in_scrolled_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return parent is not None and parent.objectName() == "qt_scrollarea_viewport"


def layout_problems(root: QWidget) -> list[str]:
    """Every shown widget under `root` squeezed below its own minimum size, a wrapped text
    given less height than it needs, or a widget cut off by its parent; and a table column
    narrower than its heading."""
    from PySide6.QtWidgets import QScrollArea, QTableView

    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.isWindow() or _is_inner(widget):
            continue
        name = f"{type(widget).__name__} “{_words(widget)}”"
        hint = widget.minimumSizeHint()
        size = widget.size()
        if hint.isValid() and (size.width() < hint.width() or size.height() < hint.height()):
            problems.append(f"{name} is {size.width()}x{size.height()}, needs "
                            f"{hint.width()}x{hint.height()}")
        elif widget.hasHeightForWidth() and isinstance(widget, QLabel) \
                and size.height() < widget.heightForWidth(size.width()):
            problems.append(f"{name} wraps into {widget.heightForWidth(size.width())} px "
                            f"of height, has {size.height()}")
        parent = widget.parentWidget()
        if parent is not None and not _in_scrolled_viewport(widget) \
                and not parent.rect().contains(widget.geometry()):
            problems.append(f"{name} at {widget.geometry().getRect()} is cut off by its "
                            f"parent {type(parent).__name__} of {parent.width()}x{parent.height()}")
        if isinstance(widget, QTableView):
            problems.extend(_narrow_columns(widget, name))
            problems.extend(_stretched_past_the_view(widget, name))
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible() \
                and widget.objectName() in ("page_scroll", "fit_scroll"):
            inner = widget.widget()
            problems.append(f"the page scrolls sideways: it needs "
                            f"{inner.minimumSizeHint().width() if inner else '?'} px, has "
                            f"{widget.viewport().width()}")
    return problems


def _stretched_past_the_view(table: QWidget, name: str) -> list[str]:
    """A last column set to stretch fills what the others leave, no more: wider, the table
    scrolls sideways with that column's words out of sight."""
    from PySide6.QtWidgets import QTableView

    assert isinstance(table, QTableView)
    header = table.horizontalHeader()
    shown = [header.logicalIndex(v) for v in range(header.count())
             if not header.isSectionHidden(header.logicalIndex(v))]
    if not header.stretchLastSection() or not shown:
        return []
    others = sum(header.sectionSize(c) for c in shown[:-1])
    room = table.viewport().width()
    last = header.sectionSize(shown[-1])
    # Qt keeps a stretched column at its default size at least: only wider is a fault.
    if others + max(header.minimumSectionSize(), header.defaultSectionSize()) <= room \
            < others + last:
        return [f"{name}: its stretched last column is {last} px where {room - others} px "
                f"are left"]
    return []


def _narrow_columns(table: QWidget, name: str) -> list[str]:
    from PySide6.QtCore import Qt as _Qt
    from PySide6.QtWidgets import QTableView

    assert isinstance(table, QTableView)
    model, header = table.model(), table.horizontalHeader()
    found = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, _Qt.Orientation.Horizontal) or "")
        needed = header.fontMetrics().horizontalAdvance(title) + 8
        if header.sectionSize(column) < needed:
            found.append(f"{name}: column “{title}” is {header.sectionSize(column)} px, "
                         f"its heading needs {needed}")
    return found


def _words(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    words = text() if callable(text) else ""
    return (str(words) or widget.accessibleName() or widget.objectName())[:40]


@pytest.fixture
def layout_problems_of() -> Callable[[QWidget], list[str]]:
    return layout_problems


def dialog_classes() -> set[type[QDialog]]:
    """Every dialog the ui package defines (each module imported, subclasses walked)."""
    import importlib
    import pkgutil

    import ui

    for module in pkgutil.walk_packages(ui.__path__, "ui."):
        importlib.import_module(module.name)
    found: set[type[QDialog]] = set()
    todo = [QDialog]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("ui."):
                found.add(sub)
    return found


DialogFactory = Callable[[QWidget], QDialog]


def dialog_factories(ctx: Any, data_dir: Path) -> dict[type[QDialog], DialogFactory]:
    """How to make each dialog with a demo profile's records (the newest PA, the latest
    payslip, ...). A dialog missing here fails test_every_dialog_is_covered."""
    from datetime import date

    from app.domain.providers import (
        OrgForm,
        ProviderDetail,
        ProviderSummary,
        Source,
    )
    from app.outcomes.areas import areas_for
    from app.services.computer import ComputerService
    from ui.bank.column_mapping_dialog import ColumnMappingDialog
    from ui.bank.import_dialog import BankImportDialog
    from ui.bank.missing_evidence_dialog import MissingEvidenceDialog
    from ui.bank.payee_rules_dialog import PayeeRuleDialog, PayeeRulesDialog
    from ui.bank.reconcile_dialog import ReconcileDialog
    from ui.dialogs.entry_dialog import EntryDialog
    from ui.dialogs.new_profile_dialog import NewProfileDialog
    from ui.dialogs.passphrase_dialog import PassphraseDialog
    from ui.employer.employer_dialog import EmployerDialog
    from ui.employer.pa_dialog import PADialog
    from ui.employer.pa_page import EndDialog
    from ui.employer.payslip_dialog import PayslipDialog
    from ui.help.help_window import HelpWindow
    from ui.outcomes.open_data_dialog import OpenDataDialog
    from ui.outcomes.outcome_dialogs import OutcomeDialog, RatingDialog
    from ui.outcomes.return_checkin import ReturnCheckInDialog
    from ui.register.add_provider_dialog import AddProviderDialog
    from ui.register.my_providers_page import OwnProviderDialog
    from ui.register.register_update import UpdateSourceDialog
    from ui.security.backups_dialog import BackupsDialog
    from ui.security.first_run_dialog import FirstRunDialog
    from ui.security.new_passphrase_dialog import NewPassphraseDialog
    from ui.security.recovery_dialog import RecoveryCodeDialog
    from ui.security.settings_dialog import SettingsDialog
    from ui.security.who_dialog import WhoIsUsingDialog
    from ui.statements.custom_rule_dialog import CustomRuleDialog
    from ui.statements.documents_dialog import DocumentsDialog

    def nothing(*_args: object) -> None:
        return None

    policy = ctx.ledger.policy()
    categories = ctx.ledger.categories()
    pa = ctx.employer.pas()[0]
    slips = ctx.employer.payslips(pa.id)
    summary = ProviderSummary(Source.CQC, "1-101661085", "Helping Hands Home Care Oldham",
                              "Oldham", "OL1 1AA", "Oldham", ("Homecare agencies",),
                              OrgForm.PRIVATE_COMPANY, True, "Good", date(2025, 6, 1))
    detail = ProviderDetail(summary, "Helping Hands Ltd", "1 High Street", "North West",
                            "0161 000 0000", "https://example.org", "", ("Dementia",), "",
                            None, None, "", "cqc.csv", None, "")
    computer = ComputerService(data_dir)
    entry = ctx.ledger.page(None, 1)[0].entry
    outcome = ctx.outcomes.outcomes()[0]
    return {
        ColumnMappingDialog: lambda p: ColumnMappingDialog(("Date", "Details", "Amount"), p),
        BankImportDialog: lambda p: BankImportDialog(ctx.imports, ctx.undo, p, ctx.accounts,
                                                     ctx.payee_rules),
        MissingEvidenceDialog: lambda p: MissingEvidenceDialog(
            ctx.evidence.entries_without_evidence(), p),
        PayeeRuleDialog: lambda p: PayeeRuleDialog(categories, policy, nothing, parent=p),
        PayeeRulesDialog: lambda p: PayeeRulesDialog(ctx.payee_rules, categories, policy,
                                                     ctx.undo, p),
        ReconcileDialog: lambda p: ReconcileDialog(ctx.reconcile, ctx.imports.account_id(None),
                                                   ctx.undo, p, ctx.imports.accounts()),
        EntryDialog: lambda p: EntryDialog(policy, ctx.ledger.plan_lines(), nothing,
                                           entry=entry, parent=p),
        NewProfileDialog: lambda p: NewProfileDialog(nothing, p),
        PassphraseDialog: lambda p: PassphraseDialog("Demo Alex", nothing, p, True),
        EmployerDialog: lambda p: EmployerDialog(ctx.employer.employer(), nothing, p),
        PADialog: lambda p: PADialog(nothing, pa, p),
        EndDialog: lambda p: EndDialog(pa, p),
        PayslipDialog: lambda p: PayslipDialog(pa, slips[-1] if slips else None, nothing, p),
        AddProviderDialog: lambda p: AddProviderDialog(detail, ctx.providers, ctx.undo,
                                                       parent=p),
        # the change form: it has every row the adding form has, and the last day
        OwnProviderDialog: lambda p: OwnProviderDialog(ctx.providers, ctx.undo, p,
                                                       ctx.providers.providers()[0]),
        OutcomeDialog: lambda p: OutcomeDialog(areas_for(ctx.outcomes.nation()),
                                               ctx.plan.lines(), outcome, p),
        RatingDialog: lambda p: RatingDialog(outcome, date.today(), p),
        OpenDataDialog: lambda p: OpenDataDialog(ctx.open_data, date.today(), p),
        ReturnCheckInDialog: lambda p: ReturnCheckInDialog(
            ctx.outcomes.outcomes(), ctx.rules.policy().return_period(date.today()), p),
        DocumentsDialog: lambda p: DocumentsDialog(ctx.evidence, ctx.undo, date.today(),
                                                   parent=p),
        UpdateSourceDialog: lambda p: UpdateSourceDialog(p),
        BackupsDialog: lambda p: BackupsDialog("Demo Alex", [], p),
        FirstRunDialog: lambda p: FirstRunDialog(computer, p),
        NewPassphraseDialog: lambda p: NewPassphraseDialog(
            "Change passphrase", "Choose a new passphrase for Demo Alex.", "New passphrase",
            nothing, parent=p),
        RecoveryCodeDialog: lambda p: RecoveryCodeDialog("Demo Alex", "ABCD-EFGH-IJKL-MNOP",
                                                         parent=p),
        SettingsDialog: lambda p: SettingsDialog(computer, p),
        WhoIsUsingDialog: lambda p: WhoIsUsingDialog(ctx.people.list(), p),
        CustomRuleDialog: lambda p: CustomRuleDialog(ctx.rules.chosen_rule(), p),
        HelpWindow: lambda p: HelpWindow(p),
    }
