"""`careledger pa ...`: the interfaces the issue names, driven as a script would."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.context import open_context
from app.services.profiles import CreatedProfile
from tests.app.cli.conftest import Cli
from tests.conftest import NAME, PASSPHRASE


def test_add_list_change_end(cli: Cli, created: CreatedProfile) -> None:
    status, out = cli("pa", "add", "--profile", NAME, "Chris Low", "--rate", "12.50",
                      "--hours-week", "30", "--start", "2025-06-01", "--born", "1990",
                      "--dbs", "2025-05-20", "--dbs-renewal", "2028-05-20",
                      "--insurance-renewal", "2026-01-31", "--right-to-work", "2025-05-20")
    assert status == 0 and "Added Chris Low to your PAs (number 1), £12.50 an hour" in out
    status, out = cli("pa", "change", "--profile", NAME, "Chris Low", "--rate", "12.80",
                      "--from", "2026-04-01")
    assert status == 0 and "£12.80 an hour from 1 Apr 2026" in out
    assert cli("pa", "end", "--profile", NAME, "Chris Low", "--on", "2026-09-30")[0] == 0
    status, out = cli("pa", "list", "--profile", NAME, "--all")
    assert status == 0 and "Chris Low: £12.80 an hour, 30 hours a week, paid monthly" in out
    assert "(left 30 Sept 2026)" in out


def test_check_one_line_per_reminder_naming_the_pa(cli: Cli, created: CreatedProfile) -> None:
    assert cli("pa", "add", "--profile", NAME, "Chris Low", "--rate", "12.50",
               "--irregular", "--start", "2025-06-01", "--dbs-renewal", "2026-04-10",
               "--insurance-renewal", "2026-04-20", "--right-to-work", "2025-05-01")[0] == 0
    status, out = cli("pa", "check", "--profile", NAME, "--on", "2026-03-25")
    lines = out.splitlines()
    assert status == 0
    assert any(line.startswith("* Minimum wage – Chris Low: From 1 Apr 2026") for line in lines)
    assert any("DBS check – Chris Low" in line for line in lines)
    assert any("insurance – You as an employer" in line for line in lines)
    assert any("End of the tax year" in line and "P60" in line for line in lines)
    status, out = cli("pa", "check", "--profile", NAME, "--on", "2026-04-02")
    assert out.splitlines()[0].startswith("! Minimum wage – Chris Low: Their rate of £12.50")


def test_payslip_link_and_payslips(cli: Cli, created: CreatedProfile, data_dir: Path) -> None:
    cli("pa", "add", "--profile", NAME, "Sam Patel", "--rate", "13.00", "--hours-week", "20",
        "--start", "2025-04-07", "--paid", "weekly", "--born", "1990")
    cli("entries", "add", "--profile", NAME, "--date", "2025-04-14", "--payee", "Sam Patel",
        "--amount", "-240.00", "--category", "pa_wages")
    status, out = cli("pa", "payslip", "--profile", NAME, "Sam Patel", "--period-end",
                      "2025-04-13", "--gross", "260.00", "--tax", "12.00", "--ni", "8.00",
                      "--employer-ni", "24.60", "--pension", "0", "--employer-pension", "0",
                      "--hours", "20")
    assert status == 0
    assert "7 Apr 2025 to 13 Apr 2025: net pay £240.00; to HMRC £44.60" in out
    assert "Linked to the wages payment" in out
    cli("entries", "add", "--profile", NAME, "--date", "2025-05-19", "--payee", "HMRC",
        "--amount", "-50.00", "--category", "paye_ni")
    with open_context(data_dir, NAME, PASSPHRASE) as ctx:
        hmrc = next(r.entry.id for r in ctx.ledger.page() if r.entry.payee == "HMRC")
    status, out = cli("pa", "link", "--profile", NAME, str(hmrc), "--part", "hmrc")
    assert status == 0 and "Set £44.60 against 1 payslip for" in out and "£5.40 of this" in out
    status, out = cli("pa", "payslips", "--profile", NAME)
    assert "Sam Patel: gross £260.00, net £240.00; still owed: nothing" in out


def test_employer_details(cli: Cli, created: CreatedProfile) -> None:
    status, out = cli("pa", "employer", "--profile", NAME, "--insurer", "Acme Mutual",
                      "--policy", "EL-1", "--insurance-renewal", "2027-01-31",
                      "--dbs-every-months", "36")
    assert status == 0 and "Acme Mutual EL-1, renews on 31 Jan 2027" in out
    assert "every 36 months" in out


def test_unknown_pa_is_a_plain_error(cli: Cli, created: CreatedProfile) -> None:
    status, out = cli("pa", "payslip", "--profile", NAME, "Nobody", "--period-end",
                      "2025-04-30", "--gross", "100")
    assert status == 1 and "No PA called Nobody" in out


def test_hours_or_irregular_is_required(cli: Cli, created: CreatedProfile) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli("pa", "add", "--profile", NAME, "X", "--rate", "13", "--start", "2025-04-01")
    assert stopped.value.code == 2
