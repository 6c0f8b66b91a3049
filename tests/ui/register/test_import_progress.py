"""Importing in the window: a file that would remove many of an area's providers is asked
about first; saying no changes nothing."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services.register import RegisterService
from ui.register.import_progress import import_with_progress

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"
HSCA = FIXTURES / "cqc_hsca_extract.csv"


def _half(tmp_path: Path) -> Path:
    lines = HSCA.read_bytes().splitlines(keepends=True)
    path = tmp_path / "HSCA_half.csv"
    path.write_bytes(b"".join(lines[:21]))  # cut at a line end: 20 of 40 rows
    return path


def _note(seen: list[str], text: str, answer: bool) -> bool:
    seen.append(text)
    return answer


def test_saying_no_to_removals_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    register = RegisterService(tmp_path)
    register.import_file(HSCA)
    asked: list[str] = []
    report, text = import_with_progress(register, _half(tmp_path),
                                        confirm_removals=lambda t: _note(asked, t, False))
    assert report is None and "20 of the 40" in asked[0] and text == asked[0]
    assert register.size() == 40
    report, text = import_with_progress(register, _half(tmp_path),
                                        confirm_removals=lambda t: True)
    assert report is not None and report.removed == 20 and register.size() == 20
    register.close()
