"""Receipts and invoices on an entry: attach, drop, preview, remove, undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext
from ui.bank.evidence_panel import EvidencePanel

PDF = b"%PDF-1.4\n%%EOF\n"


def _png() -> bytes:
    """A small real PNG made by Qt itself."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 stubs miss QIODevice
    return bytes(buffer.data().data())


def _panel(qtbot: QtBot, ctx: ProfileContext) -> tuple[EvidencePanel, int]:
    entry = ctx.ledger.add_entry(
        EntryDraft(date(2026, 9, 1), Money(-4500), "Shop", "equipment",
                   approval_reason="Agreed by email, 28 August"), today=date(2026, 11, 29))
    panel = EvidencePanel(ctx.evidence, ctx.undo)
    qtbot.addWidget(panel)
    panel.set_entry(entry.id)
    return panel, entry.id


def test_attach_files_and_refuse_others(qtbot: QtBot, ctx: ProfileContext,
                                        tmp_path: Path) -> None:
    panel, entry_id = _panel(qtbot, ctx)
    (tmp_path / "receipt.png").write_bytes(_png())
    (tmp_path / "notes.txt").write_bytes(b"plain text")
    problems = panel.attach_files([tmp_path / "receipt.png", tmp_path / "notes.txt"])
    assert len(problems) == 1 and problems[0].startswith("notes.txt: ")
    assert panel.model.rowCount() == 1
    panel.table.selectRow(0)
    assert panel.preview.pixmap() is not None and not panel.preview.pixmap().isNull()
    assert [e.entry_id for e in ctx.evidence.entries_without_evidence()] == []


def test_drop_attaches_and_undo_removes(qtbot: QtBot, ctx: ProfileContext,
                                        tmp_path: Path) -> None:
    panel, entry_id = _panel(qtbot, ctx)
    path = tmp_path / "invoice.pdf"
    path.write_bytes(PDF)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)
    assert panel.model.rowCount() == 1
    panel.table.selectRow(0)
    panel.remove_button.click()
    assert panel.model.rowCount() == 0
    assert ctx.undo.undo() == "Remove document"
    panel.reload()
    assert panel.model.rowCount() == 1
    assert ctx.evidence.content(ctx.evidence.for_entry(entry_id)[0].id)[1] == PDF
    assert ctx.undo.undo() == "Attach document"
    panel.reload()
    assert panel.model.rowCount() == 0
    assert [e.entry_id for e in ctx.evidence.entries_without_evidence()] == [entry_id]


def test_model_passes_qtmodeltester(qtbot: QtBot, qtmodeltester: ModelTester,
                                    ctx: ProfileContext, tmp_path: Path) -> None:
    panel, _entry = _panel(qtbot, ctx)
    (tmp_path / "a.pdf").write_bytes(PDF)
    panel.attach_files([tmp_path / "a.pdf"])
    qtmodeltester.check(panel.model)


def test_without_an_entry_nothing_can_be_attached(qtbot: QtBot, ctx: ProfileContext) -> None:
    panel = EvidencePanel(ctx.evidence, ctx.undo)
    qtbot.addWidget(panel)
    assert not panel.attach_button.isEnabled()
    assert panel.attach_files([Path("/nonexistent.pdf")]) == []
    assert ctx.undo.undo_label is None


def test_every_control_has_a_name(qtbot: QtBot, ctx: ProfileContext,
                                  unnamed: Callable[[QWidget], list[str]]) -> None:
    panel, _entry = _panel(qtbot, ctx)
    assert unnamed(panel) == []
