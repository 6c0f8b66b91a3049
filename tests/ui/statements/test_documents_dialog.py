"""Keeping documents that are not receipts from the window: a bank statement for the account,
an insurance certificate for the profile; listed, undone, removed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.documents import DocumentKind, Subject
from app.services.context import ProfileContext
from ui.statements.documents_dialog import DocumentsDialog
from ui.statements.evidence_models import DocCol

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def make_dialog(qtbot: QtBot, ctx: ProfileContext, chosen: Path | None) -> DocumentsDialog:
    dialog = DocumentsDialog(ctx.evidence, ctx.undo, date(2026, 6, 30),
                             choose_file=lambda _parent: chosen)
    qtbot.addWidget(dialog)
    return dialog


def choose_kind(dialog: DocumentsDialog, kind: DocumentKind) -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))


def test_a_bank_statement_goes_with_the_account_for_its_days(
        qtbot: QtBot, qtmodeltester: ModelTester, ctx: ProfileContext, tmp_path: Path) -> None:
    statement = tmp_path / "june.pdf"
    statement.write_bytes(PDF)
    dialog = make_dialog(qtbot, ctx, statement)
    choose_kind(dialog, DocumentKind.BANK_STATEMENT)
    assert dialog.subject_combo.currentText().startswith("Account: ")  # suggested
    dialog.from_check.setChecked(True)
    dialog.from_edit.setDate(QDate(2026, 6, 1))
    dialog.to_check.setChecked(True)
    assert dialog.attach() is True
    (filed,) = ctx.evidence.documents()
    assert (filed.kind, filed.subject) == (DocumentKind.BANK_STATEMENT, Subject.ACCOUNT)
    assert (filed.dates.start, filed.dates.end) == (date(2026, 6, 1), date(2026, 6, 30))
    assert dialog.model.rowCount() == 1
    assert dialog.model.data(dialog.model.index(0, DocCol.FILE)) == "june.pdf"
    qtmodeltester.check(dialog.model)
    assert ctx.undo.undo() == "Attach document"
    dialog.reload()
    assert dialog.model.rowCount() == 0


def test_remove_and_plain_refusals(qtbot: QtBot, ctx: ProfileContext, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("hello")
    dialog = make_dialog(qtbot, ctx, note)
    choose_kind(dialog, DocumentKind.INSURANCE_CERTIFICATE)
    assert dialog.subject_combo.currentText() == "The profile"
    assert dialog.attach() is False
    assert "Only photos" in dialog.message.text() and not dialog.message.isHidden()
    certificate = tmp_path / "cert.pdf"
    certificate.write_bytes(PDF)
    assert dialog.attach(certificate) is True
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert ctx.evidence.documents() == [] and dialog.model.rowCount() == 0
    for widget in (dialog.kind_combo, dialog.subject_combo, dialog.from_edit, dialog.to_edit,
                   dialog.attach_button, dialog.remove_button, dialog.table):
        assert widget.accessibleName() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
