"""`careledger import bank` end to end, through the same parser the program uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import run
from tests.app.services.bank.bank_profiles import NAME

SAMPLES = Path(__file__).resolve().parents[3] / "fixtures" / "bank"


def _import(data_dir: Path, *args: str) -> int:
    return run(["--data-dir", str(data_dir), "import", "bank", *args, "--profile", NAME])


def test_import_twice_reports_duplicates(data_dir: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(data_dir, str(SAMPLES / "barclays.csv")) == 0
    assert capsys.readouterr().out.splitlines() == ["3 new, 0 duplicates, 0 rejected"]
    assert _import(data_dir, str(SAMPLES / "barclays.csv")) == 0
    assert capsys.readouterr().out.splitlines() == ["0 new, 3 duplicates, 0 rejected"]


def test_dry_run_changes_nothing(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(data_dir, str(SAMPLES / "monzo_3.csv"), "--dry-run") == 0
    assert _import(data_dir, str(SAMPLES / "monzo_3.csv"), "--dry-run") == 0
    assert capsys.readouterr().out.splitlines() == ["9 new, 0 duplicates, 0 rejected"] * 2


def test_rejected_lines_are_listed(data_dir: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fd.csv"
    path.write_text("Date,Description,Amount,Balance\n01/09/2026,A,-1.00,1\n"
                    "31/02/2026,B,-1.00,1\n01/09/2026,C,lots,1\n", encoding="utf-8")
    assert _import(data_dir, str(path)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "1 new, 0 duplicates, 2 rejected"
    assert out[1].startswith("Line 3: ") and "31/02/2026" in out[1]
    assert out[2].startswith("Line 4: ") and "lots" in out[2]


def test_unreadable_file_exits_2_with_reason(data_dir: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert _import(data_dir, str(tmp_path / "missing.csv")) == 2
    assert "There is no file" in capsys.readouterr().err
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\n\n")
    assert _import(data_dir, str(empty)) == 2
    assert "empty" in capsys.readouterr().err


def test_unknown_columns_then_columns_option_is_remembered(
        data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("When,Who,How much\n01/03/2025,Shop,-1.00\n", encoding="utf-8")
    assert _import(data_dir, str(path)) == 2
    assert "when, who, how much" in capsys.readouterr().err
    assert _import(data_dir, str(path), "--columns",
                   "date=When,description=Who,amount=How much") == 0
    assert capsys.readouterr().out.startswith("1 new")
    assert _import(data_dir, str(path)) == 0
    assert capsys.readouterr().out.startswith("0 new, 1 duplicates")
