from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.evidence import EvidenceService
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.services.undo import UndoStack
from ui.bank.evidence_panel import EvidencePanel

PDF = b"%PDF-1.4\n%%EOF\n"


def _png() -> bytes:
    """A small real PNG made by Qt itself."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def _panel(qtbot, profile: OpenProfile, stack: UndoStack | None = None  # type: ignore[no-untyped-def]
           ) -> tuple[EvidencePanel, int]:
    entry = LedgerService(profile).add_entry(
        EntryDraft(date(2026, 9, 1), Money(-4500), "Shop", "equipment"), today=date(2026, 11, 29))
    panel = EvidencePanel(EvidenceService(profile), stack)
    qtbot.addWidget(panel)
    panel.set_entry(entry.id)
    return panel, entry.id


def test_attach_files_and_refuse_others(qtbot, profile: OpenProfile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel, entry_id = _panel(qtbot, profile)
    (tmp_path / "receipt.png").write_bytes(_png())
    (tmp_path / "notes.txt").write_bytes(b"plain text")
    problems = panel.attach_files([tmp_path / "receipt.png", tmp_path / "notes.txt"])
    assert len(problems) == 1 and problems[0].startswith("notes.txt: ")
    assert panel.model.rowCount() == 1
    panel.table.selectRow(0)
    assert panel.preview.pixmap() is not None and not panel.preview.pixmap().isNull()
    assert [e.entry_id for e in EvidenceService(profile).entries_without_evidence()] == []


def test_drop_attaches_and_undo_removes(qtbot, profile: OpenProfile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stack = UndoStack()
    panel, entry_id = _panel(qtbot, profile, stack)
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
    stack.undo()  # the removal
    panel.reload()
    assert panel.model.rowCount() == 1
    stack.undo()  # the attach
    panel.reload()
    assert panel.model.rowCount() == 0


def test_model_passes_qtmodeltester(qtbot, qtmodeltester, profile: OpenProfile,  # type: ignore[no-untyped-def]
                                    tmp_path: Path) -> None:
    panel, _entry = _panel(qtbot, profile)
    (tmp_path / "a.pdf").write_bytes(PDF)
    panel.attach_files([tmp_path / "a.pdf"])
    qtmodeltester.check(panel.model)


def test_without_an_entry_nothing_can_be_attached(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    panel = EvidencePanel(EvidenceService(profile))
    qtbot.addWidget(panel)
    assert not panel.attach_button.isEnabled()
    assert panel.attach_files([Path("/nonexistent.pdf")]) == []


def test_every_control_has_a_name(qtbot, profile: OpenProfile) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.bank.named import unnamed

    panel, _entry = _panel(qtbot, profile)
    assert unnamed(panel) == []
