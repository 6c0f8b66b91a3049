from __future__ import annotations

from pathlib import Path

from app.services.bank_import import BankImportService
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.services.undo import UndoStack
from tests.ui.bank.named import unnamed
from ui.bank.column_mapping_dialog import ColumnMappingDialog
from ui.bank.import_dialog import BankImportDialog

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "bank"


def test_load_preview_import_and_undo(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    stack = UndoStack()
    dialog = BankImportDialog(BankImportService(profile), stack)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    dialog.load_file(SAMPLES / "starling.csv")
    assert dialog.summary.text() == "3 new, 0 duplicates, 0 rejected"
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as signal:
        dialog.import_button.click()
    assert signal.args == [3]
    assert LedgerService(profile).count() == 3
    stack.undo()
    assert LedgerService(profile).count() == 0


def test_second_import_shows_duplicates_and_nothing_to_import(qtbot, profile: OpenProfile
                                                              ) -> None:  # type: ignore[no-untyped-def]
    service = BankImportService(profile)
    first = BankImportDialog(service)
    qtbot.addWidget(first)
    first.load_file(SAMPLES / "barclays.csv")
    first.import_button.click()
    again = BankImportDialog(service)
    qtbot.addWidget(again)
    again.load_file(SAMPLES / "barclays.csv")
    assert again.summary.text() == "0 new, 3 duplicates, 0 rejected"
    assert not again.import_button.isEnabled()


def test_unreadable_file_says_why(qtbot, profile: OpenProfile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "odd.csv"
    path.write_bytes(b"When,Who,How much\n01/03/2025,Shop,-1.00\n")
    dialog = BankImportDialog(BankImportService(profile))
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    assert "not recognised" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_every_control_has_a_name(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    dialog = BankImportDialog(BankImportService(profile))
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == []
    assert dialog.summary.accessibleName()
    mapper = ColumnMappingDialog(("date", "what", "value"))
    qtbot.addWidget(mapper)
    assert unnamed(mapper) == []


def test_unknown_columns_are_mapped_and_remembered(qtbot, profile: OpenProfile,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path) -> None:
    from app.importers.bank import MappingStore
    from ui.bank.column_mapping_dialog import ColumnMappingDialog

    path = tmp_path / "odd.csv"
    path.write_bytes(b"When,Who,How much\n01/03/2025,Shop,-1.00\n")
    service = BankImportService(profile, MappingStore(tmp_path))
    dialog = BankImportDialog(service)
    qtbot.addWidget(dialog)
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
    later = BankImportDialog(BankImportService(profile, MappingStore(tmp_path)))
    qtbot.addWidget(later)
    later.load_file(path)  # remembered: no question this time
    assert later.summary.text() == "1 new, 0 duplicates, 0 rejected"


def test_mapping_needs_date_description_and_amount(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.bank.column_mapping_dialog import ColumnMappingDialog

    mapper = ColumnMappingDialog(("a", "b"))
    qtbot.addWidget(mapper)
    mapper.choose("date", 0)
    mapper.ok_button.click()
    assert mapper.mapping is None and mapper.problem.text()


def test_lines_are_shown_in_file_order(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    dialog = BankImportDialog(BankImportService(profile))
    qtbot.addWidget(dialog)
    dialog.load_file(SAMPLES / "lloyds.csv")
    view = dialog.table.model()
    assert [view.index(r, 0).data() for r in range(3)] == ["2", "3", "4"]
