"""Importing a bank statement from the dialog: preview, import, duplicates, undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.domain.accounts import AccountKind
from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.importers.bank import MappingStore
from app.services.bank_import import BankImportService
from app.services.context import ProfileContext
from tests.conftest import FIXTURES
from ui.bank.column_mapping_dialog import ColumnMappingDialog
from ui.bank.import_dialog import BankImportDialog
from ui.bank.import_preview_model import Col
from ui.bank.payee_rules_dialog import PayeeRulesDialog

SAMPLES = FIXTURES / "bank"
TODAY = date(2026, 11, 29)
# Generated: two unnamed columns of figures, so the person says which is the amount.
UNKNOWN_COLUMNS = b"Day,Figure A,Figure B,Note\n01/03/2025,-1.00,7.00,Shop\n"


def make_dialog(qtbot: QtBot, ctx: ProfileContext,
                service: BankImportService | None = None) -> BankImportDialog:
    dialog = BankImportDialog(service or ctx.imports, ctx.undo, None, ctx.accounts,
                              ctx.payee_rules)
    qtbot.addWidget(dialog)
    return dialog


def test_load_preview_import_and_undo(qtbot: QtBot, bank_ctx: ProfileContext) -> None:
    dialog = make_dialog(qtbot, bank_ctx)
    assert not dialog.import_button.isEnabled()
    dialog.load_file(SAMPLES / "starling.csv")
    assert dialog.summary.text() == "3 new, 0 matched, 0 duplicates, 0 rejected"
    assert "£2,927.66 on 5 Sept 2026" in dialog.notes.text()  # the file's own balance
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as signal:
        dialog.import_button.click()
    assert signal.args == [3]
    assert bank_ctx.ledger.count() == 3
    # What happened, and the new lines, stay in view until the person closes the window.
    assert dialog.summary.text() == "Imported: 3 new, 0 matched, 0 rejected."
    assert dialog.model.rowCount() == 3 and dialog.model.done
    assert dialog.import_button.isHidden() and dialog.close_button.text() == "&Close"
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
    assert again.summary.text() == "0 new, 0 matched, 3 duplicates, 0 rejected"
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
    mapper = ColumnMappingDialog(("day", "figure a", "figure b", "note"))
    qtbot.addWidget(mapper)
    for role, column in (("date", 0), ("description", 3), ("amount", 1)):
        mapper.choose(role, column)
    mapper.ok_button.click()
    assert mapper.mapping is not None
    dialog.use_mapping(mapper.mapping)
    assert dialog.summary.text() == "1 new, 0 matched, 0 duplicates, 0 rejected"
    later = make_dialog(qtbot, bank_ctx, BankImportService(bank_ctx.store,
                                                           MappingStore(tmp_path)))
    later.load_file(path)  # remembered: no question this time
    assert later.summary.text() == "1 new, 0 matched, 0 duplicates, 0 rejected"


def test_lines_are_shown_in_file_order(qtbot: QtBot, bank_ctx: ProfileContext) -> None:
    dialog = make_dialog(qtbot, bank_ctx)
    dialog.load_file(SAMPLES / "lloyds.csv")
    view = dialog.table.model()
    assert [view.index(r, 0).data() for r in range(3)] == ["2", "3", "4"]


def test_a_guess_is_said_and_the_column_chooser_reopens_filled_in(
        qtbot: QtBot, bank_ctx: ProfileContext, tmp_path: Path) -> None:
    path = tmp_path / "posted.csv"  # generated
    path.write_bytes(b"Posted,Details,Value\n01/09/2026,CORNER SHOP,-3.00\n")
    dialog = make_dialog(qtbot, bank_ctx)
    dialog.load_file(path)
    assert "recognised from the file" in dialog.notes.text()
    assert "date: “posted”" in dialog.notes.text()
    assert dialog.map_button.isEnabled()
    preview = dialog.model.preview
    assert preview is not None
    mapper = ColumnMappingDialog(preview.header, None, preview.roles)
    qtbot.addWidget(mapper)
    assert mapper.boxes["amount"].currentData() == 2
    assert mapper.boxes["description"].currentData() == 1


def test_a_typed_payment_is_shown_as_already_there_and_can_be_refused(
        qtbot: QtBot, bank_ctx: ProfileContext) -> None:
    bank_ctx.ledger.add_entry(EntryDraft(date(2026, 9, 2), Money(-1234), "Jo (PA)", "pa_wages"),
                              today=TODAY)
    dialog = make_dialog(qtbot, bank_ctx)
    dialog.load_file(SAMPLES / "hsbc.csv")
    assert dialog.summary.text() == "1 new, 1 matched, 0 duplicates, 0 rejected"
    assert "1 line may be a payment already in your records" in dialog.notes.text()
    model = dialog.model
    row = next(r for r in range(model.rowCount())
               if model.index(r, Col.MATCH).data(Qt.ItemDataRole.CheckStateRole) is not None)
    assert model.index(row, Col.STATUS).data() == "Check: already in your records?"
    assert model.index(row, Col.MATCH).data().startswith("Jo (PA), ")
    assert model.index(row, Col.MATCH).data(Qt.ItemDataRole.AccessibleTextRole).endswith(": yes")
    assert model.setData(model.index(row, Col.MATCH), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert model.index(row, Col.STATUS).data() == "New"
    dialog.import_button.click()
    assert bank_ctx.ledger.count() == 3  # refused: added as a payment of its own


def test_the_kind_of_account_decides_what_positive_means(qtbot: QtBot, bank_ctx: ProfileContext,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "card.csv"  # generated, as card companies write amounts
    path.write_bytes(b"Date,Description,Amount\n01/09/2026,SHOP,12.00\n")
    dialog = make_dialog(qtbot, bank_ctx)
    dialog.load_file(path)
    assert dialog.model.index(0, Col.AMOUNT).data() == "£12.00"
    assert not dialog.spending_box.isHidden() and not dialog.spending_box.isChecked()
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(AccountKind.CREDIT_CARD.value))
    dialog.kind_box.activated.emit(dialog.kind_box.currentIndex())
    assert bank_ctx.accounts.get(1).account_kind is AccountKind.CREDIT_CARD
    assert dialog.model.index(0, Col.AMOUNT).data() == "-£12.00"
    assert dialog.spending_box.isChecked()
    dialog.spending_box.setChecked(False)  # this file is not written that way after all
    assert dialog.model.index(0, Col.AMOUNT).data() == "£12.00"
    assert bank_ctx.undo.undo() == "Change account kind"


def test_matching_days_are_kept_on_the_account(qtbot: QtBot, bank_ctx: ProfileContext) -> None:
    bank_ctx.ledger.add_entry(EntryDraft(date(2026, 8, 30), Money(-1234), "Tesco",
                                         "activities"), today=TODAY)
    dialog = make_dialog(qtbot, bank_ctx)
    dialog.load_file(SAMPLES / "hsbc.csv")
    assert dialog.days_box.value() == 4 and "1 matched" in dialog.summary.text()
    dialog.days_box.setValue(1)
    assert "0 matched" in dialog.summary.text()
    assert bank_ctx.accounts.get(1).match_days == 1


def test_the_payee_rules_open_from_the_import(qtbot: QtBot, bank_ctx: ProfileContext,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []

    def shown(self: PayeeRulesDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(PayeeRulesDialog, "exec", shown)
    dialog = make_dialog(qtbot, bank_ctx)
    dialog.rules_button.click()
    assert len(opened) == 1


def test_the_dialog_fits_at_double_text(bank_ctx: ProfileContext,
                                        fits_at_double_text: Callable[[QDialog], None]) -> None:
    dialog = BankImportDialog(bank_ctx.imports, bank_ctx.undo, None, bank_ctx.accounts,
                              bank_ctx.payee_rules)
    dialog.load_file(SAMPLES / "starling.csv")
    fits_at_double_text(dialog)
