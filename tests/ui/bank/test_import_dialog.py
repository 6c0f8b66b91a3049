"""Importing a bank statement from the dialog: preview, import, duplicates, undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.importers.bank import MappingStore
from app.services.bank_import import BankImportService
from app.services.context import ProfileContext
from tests.conftest import FIXTURES
from ui.bank.column_mapping_dialog import ColumnMappingDialog
from ui.bank.import_dialog import BankImportDialog

SAMPLES = FIXTURES / "bank"
UNKNOWN_COLUMNS = b"When,Who,How much\n01/03/2025,Shop,-1.00\n"


def make_dialog(qtbot: QtBot, ctx: ProfileContext,
                service: BankImportService | None = None) -> BankImportDialog:
    dialog = BankImportDialog(service or ctx.imports, ctx.undo)
    qtbot.addWidget(dialog)
    return dialog


def test_load_preview_import_and_undo(qtbot: QtBot, bank_ctx: ProfileContext) -> None:
    dialog = make_dialog(qtbot, bank_ctx)
    assert not dialog.import_button.isEnabled()
    dialog.load_file(SAMPLES / "starling.csv")
    assert dialog.summary.text() == "3 new, 0 duplicates, 0 rejected"
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as signal:
        dialog.import_button.click()
    assert signal.args == [3]
    assert bank_ctx.ledger.count() == 3
    assert bank_ctx.undo.undo() == "Import bank statement"
    assert bank_ctx.ledger.count() == 0
    assert bank_ctx.undo.redo() == "Import bank statement"
    assert bank_ctx.ledger.count() == 3


def test_lines_nothing_is_known_about_are_not_sorted_yet(qtbot: QtBot,
                                                         bank_ctx: ProfileContext) -> None:
    dialog = make_dialog(qtbot, bank_ctx)
    dialog.load_file(SAMPLES / "starling.csv")
    dialog.import_button.click()
    codes = {row.entry.category_code for row in bank_ctx.ledger.page()}
    assert codes and codes <= {"unsorted_out", "unsorted_in"}, codes


def test_second_import_shows_duplicates_and_nothing_to_import(
        qtbot: QtBot, bank_ctx: ProfileContext) -> None:
    first = make_dialog(qtbot, bank_ctx)
    first.load_file(SAMPLES / "barclays.csv")
    first.import_button.click()
    again = make_dialog(qtbot, bank_ctx)
    again.load_file(SAMPLES / "barclays.csv")
    assert again.summary.text() == "0 new, 3 duplicates, 0 rejected"
    assert not again.import_button.isEnabled()


def test_unreadable_file_says_why(qtbot: QtBot, bank_ctx: ProfileContext,
                                  tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(UNKNOWN_COLUMNS)
    dialog = make_dialog(qtbot, bank_ctx)
    dialog.load_file(path)
    assert "not recognised" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_every_control_has_a_name(qtbot: QtBot, bank_ctx: ProfileContext,
                                  unnamed: Callable[[QWidget], list[str]]) -> None:
    dialog = make_dialog(qtbot, bank_ctx)
    assert unnamed(dialog) == []
    assert dialog.summary.accessibleName()


def test_unknown_columns_are_mapped_and_remembered(qtbot: QtBot, bank_ctx: ProfileContext,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(UNKNOWN_COLUMNS)
    service = BankImportService(bank_ctx.store, MappingStore(tmp_path))
    dialog = make_dialog(qtbot, bank_ctx, service)
    dialog.load_file(path)
    assert dialog.map_button.isEnabled()
    mapper = ColumnMappingDialog(("when", "who", "how much"))
    qtbot.addWidget(mapper)
    for role, column in (("date", 0), ("description", 1), ("amount", 2)):
        mapper.choose(role, column)
    mapper.ok_button.click()
    assert mapper.mapping is not None
    dialog.use_mapping(mapper.mapping)
    assert dialog.summary.text() == "1 new, 0 duplicates, 0 rejected"
    later = make_dialog(qtbot, bank_ctx, BankImportService(bank_ctx.store,
                                                           MappingStore(tmp_path)))
    later.load_file(path)  # remembered: no question this time
    assert later.summary.text() == "1 new, 0 duplicates, 0 rejected"


def test_lines_are_shown_in_file_order(qtbot: QtBot, bank_ctx: ProfileContext) -> None:
    dialog = make_dialog(qtbot, bank_ctx)
    dialog.load_file(SAMPLES / "lloyds.csv")
    view = dialog.table.model()
    assert [view.index(r, 0).data() for r in range(3)] == ["2", "3", "4"]
