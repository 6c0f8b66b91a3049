"""The recovery code sheet: shown once, closed only once kept, and printable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from ui.security.recovery_dialog import RecoveryCodeDialog

CODE = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345"


def test_recovery_dialog_closes_only_once_kept_and_prints(qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    dialog = RecoveryCodeDialog("Dee", CODE, date(2024, 5, 1))
    qtbot.addWidget(dialog)
    assert "ABCDE  FGHIJ" in dialog.text.toPlainText()
    assert not dialog.close_button.isEnabled()
    dialog.reject()
    assert dialog.result() == 0 and dialog.kept.accessibleName()
    dialog.kept.setChecked(True)
    assert dialog.close_button.isEnabled()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "sheet.pdf"))
    dialog.print_to(printer)
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
