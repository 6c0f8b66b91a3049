"""`careledger import bank` end to end."""

from __future__ import annotations

from pathlib import Path

from app.services.context import open_context
from app.services.profiles import CreatedProfile
from tests.app.cli.conftest import Cli
from tests.conftest import FIXTURES, NAME, PASSPHRASE

SAMPLES = FIXTURES / "bank"


def test_import_twice_reports_duplicates(cli: Cli, early: CreatedProfile,
                                         data_dir: Path) -> None:
    status, out = cli("import", "bank", str(SAMPLES / "barclays.csv"), "--profile", NAME)
    assert status == 0 and out.splitlines() == ["3 new, 0 duplicates, 0 rejected"]
    status, out = cli("import", "bank", str(SAMPLES / "barclays.csv"), "--profile", NAME)
    assert status == 0 and out.splitlines() == ["0 new, 3 duplicates, 0 rejected"]
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        assert ctx.ledger.count() == 3


def test_dry_run_changes_nothing(cli: Cli, early: CreatedProfile) -> None:
    for _time in range(2):
        status, out = cli("import", "bank", str(SAMPLES / "monzo_3.csv"), "--dry-run",
                          "--profile", NAME)
        assert status == 0 and out.splitlines() == ["9 new, 0 duplicates, 0 rejected"]


def test_rejected_lines_are_listed(cli: Cli, early: CreatedProfile, tmp_path: Path) -> None:
    path = tmp_path / "fd.csv"
    path.write_text("Date,Description,Amount,Balance\n01/09/2026,A,-1.00,1\n"
                    "31/02/2026,B,-1.00,1\n01/09/2026,C,lots,1\n", encoding="utf-8")
    status, out = cli("import", "bank", str(path), "--profile", NAME)
    lines = out.splitlines()
    assert status == 0 and lines[0] == "1 new, 0 duplicates, 2 rejected"
    assert lines[1].startswith("Line 3: ") and "31/02/2026" in lines[1]
    assert lines[2].startswith("Line 4: ") and "lots" in lines[2]


def test_unreadable_file_exits_2_with_reason(cli: Cli, early: CreatedProfile,
                                             tmp_path: Path) -> None:
    status, out = cli("import", "bank", str(tmp_path / "missing.csv"), "--profile", NAME)
    assert status == 2 and "There is no file" in out
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\n\n")
    status, out = cli("import", "bank", str(empty), "--profile", NAME)
    assert status == 2 and "empty" in out


def test_unknown_columns_then_columns_option_is_remembered(
        cli: Cli, early: CreatedProfile, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("When,Who,How much\n01/03/2025,Shop,-1.00\n", encoding="utf-8")
    status, out = cli("import", "bank", str(path), "--profile", NAME)
    assert status == 2 and "when, who, how much" in out
    status, out = cli("import", "bank", str(path), "--columns",
                      "date=When,description=Who,amount=How much", "--profile", NAME)
    assert status == 0 and out.startswith("1 new")
    status, out = cli("import", "bank", str(path), "--profile", NAME)
    assert status == 0 and out.startswith("0 new, 1 duplicates")
