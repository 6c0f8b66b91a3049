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
    assert status == 0 and out.splitlines() == ["3 new, 0 matched, 0 duplicates, 0 rejected"]
    status, out = cli("import", "bank", str(SAMPLES / "barclays.csv"), "--profile", NAME)
    assert status == 0 and out.splitlines() == ["0 new, 0 matched, 3 duplicates, 0 rejected"]
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        assert ctx.ledger.count() == 3


def test_dry_run_changes_nothing(cli: Cli, early: CreatedProfile) -> None:
    for _time in range(2):
        status, out = cli("import", "bank", str(SAMPLES / "monzo_3.csv"), "--dry-run",
                          "--profile", NAME)
        assert status == 0 and out.splitlines() == ["9 new, 0 matched, 0 duplicates, 0 rejected"]


def test_rejected_lines_are_listed(cli: Cli, early: CreatedProfile, tmp_path: Path) -> None:
    path = tmp_path / "fd.csv"
    path.write_text("Date,Description,Amount,Balance\n01/09/2026,A,-1.00,1\n"
                    "31/02/2026,B,-1.00,1\n01/09/2026,C,lots,1\n", encoding="utf-8")
    status, out = cli("import", "bank", str(path), "--profile", NAME)
    lines = out.splitlines()
    assert status == 0 and lines[0] == "1 new, 0 matched, 0 duplicates, 2 rejected"
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
    path = tmp_path / "odd.csv"  # generated: two unnamed columns of figures
    path.write_text("Day,Figure A,Figure B,Note\n01/03/2025,-1.00,7.00,Shop\n",
                    encoding="utf-8")
    status, out = cli("import", "bank", str(path), "--profile", NAME)
    assert status == 2 and "day, figure a, figure b, note" in out
    status, out = cli("import", "bank", str(path), "--columns",
                      "date=Day,description=Note,amount=Figure A", "--profile", NAME)
    assert status == 0 and out.startswith("1 new")
    status, out = cli("import", "bank", str(path), "--profile", NAME)
    assert status == 0 and out.startswith("0 new, 0 matched, 1 duplicates")


def test_nothing_importable_exits_2(cli: Cli, early: CreatedProfile, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"  # generated
    path.write_text("Date,Description,Amount,Balance\n31/02/2026,A,-1.00,1\n01/09/2026,B,x,1\n",
                    encoding="utf-8")
    status, out = cli("import", "bank", str(path), "--profile", NAME)
    assert status == 2 and out.startswith("0 new, 0 matched, 0 duplicates, 2 rejected")
    status, _out = cli("import", "bank", str(SAMPLES / "barclays.csv"), "--profile", NAME)
    status, out = cli("import", "bank", str(SAMPLES / "barclays.csv"), "--profile", NAME)
    assert status == 0, "a file already imported is not a failure"


def test_lines_typed_by_hand_are_matched_and_counted_first(
        cli: Cli, early: CreatedProfile, data_dir: Path) -> None:
    for line in (("2026-09-01", "Tesco", "-12.34", "activities"),
                 ("2026-09-02", "Acme", "2000", "refund_in")):
        status, _out = cli("entries", "add", "--profile", NAME, "--date", line[0], "--payee",
                           line[1], "--amount", line[2], "--category", line[3])
        assert status == 0
    status, out = cli("import", "bank", str(SAMPLES / "santander.ofx"), "--profile", NAME)
    assert status == 0 and out.splitlines()[0] == "0 new, 2 matched, 0 duplicates, 0 rejected"
    # The same account's payments as a CSV: already there, not added again.
    status, out = cli("import", "bank", str(SAMPLES / "hsbc.csv"), "--profile", NAME)
    assert out.splitlines()[0] == "0 new, 2 matched, 0 duplicates, 0 rejected"
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        assert ctx.ledger.count() == 2
        assert all(row.entry.cleared for row in ctx.ledger.page())


def test_uncertain_matches_are_listed_and_may_be_added_instead(
        cli: Cli, early: CreatedProfile, data_dir: Path) -> None:
    cli("entries", "add", "--profile", NAME, "--date", "2026-09-02", "--payee", "Jo (PA)",
        "--amount", "-12.34", "--category", "pa_wages")
    status, out = cli("import", "bank", str(SAMPLES / "hsbc.csv"), "--dry-run", "--profile",
                      NAME)
    lines = out.splitlines()
    assert lines[0] == "1 new, 1 matched, 0 duplicates, 0 rejected"
    assert lines[1].startswith("Line 1: taken to be “Jo (PA)”, -£12.34")
    status, out = cli("import", "bank", str(SAMPLES / "hsbc.csv"), "--uncertain", "new",
                      "--profile", NAME)
    assert out.splitlines()[0] == "2 new, 0 matched, 0 duplicates, 0 rejected"
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        assert ctx.ledger.count() == 3


def test_a_credit_card_reads_positive_amounts_as_spending(
        cli: Cli, early: CreatedProfile, tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "card.csv"  # generated, in the way card companies write amounts
    path.write_text("Date,Description,Amount\n01/09/2026,SHOP,12.00\n"
                    "05/09/2026,PAYMENT RECEIVED,-100.00\n", encoding="utf-8")
    assert cli("accounts", "change", "Care account", "--kind", "credit", "--profile",
               NAME)[0] == 0
    status, out = cli("import", "bank", str(path), "--profile", NAME)
    assert status == 0 and "positive amounts were read as spending" in out
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        assert sorted(r.entry.amount.pence for r in ctx.ledger.page()) == [-1200, 10000]


def test_pending_lines_are_reported_not_rejected(cli: Cli, early: CreatedProfile,
                                                 tmp_path: Path) -> None:
    path = tmp_path / "pending.csv"  # generated
    path.write_text("Date,Description,Amount,Status\n01/09/2026,SHOP,-1.00,Posted\n"
                    "02/09/2026,CAFE,-2.00,Pending\n", encoding="utf-8")
    status, out = cli("import", "bank", str(path), "--profile", NAME)
    lines = out.splitlines()
    assert status == 0 and lines[0] == "1 new, 0 matched, 0 duplicates, 0 rejected, 1 pending"
    assert "Line 3: still pending at the bank" in out
