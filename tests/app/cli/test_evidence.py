"""`careledger evidence attach|list|remove` as a script drives them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.services.profiles import CreatedProfile
from tests.app.cli.conftest import Cli
from tests.conftest import NAME

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    found = {"receipt": tmp_path / "receipt.png", "statement": tmp_path / "may.pdf",
             "note": tmp_path / "note.txt"}
    found["receipt"].write_bytes(PNG)
    found["statement"].write_bytes(PDF)
    found["note"].write_text("not a receipt")
    return found


def add_payment(cli: Cli, day: str, amount: str) -> int:
    status, out = cli("entries", "add", "--profile", NAME, "--date", day, "--payee", "Jo",
                      "--amount", amount, "--category", "pa_wages")
    assert status == 0, out
    return int(re.findall(r"\d+", out)[0])


def missing(cli: Cli, *extra: str) -> list[str]:
    status, out = cli("evidence", "list", "--profile", NAME, "--missing", *extra)
    assert status == 0, out
    return out.splitlines()


def test_a_receipt_shortens_the_missing_list(cli: Cli, created: CreatedProfile,
                                             files: dict[str, Path]) -> None:
    first, second = add_payment(cli, "2025-05-02", "-10"), add_payment(cli, "2025-05-09", "-20")
    before = missing(cli, "--from", "2025-05-01", "--to", "2025-05-31")
    assert before[-1] == "2 payments have no receipt or invoice."
    assert any(f"payment {first}" in line for line in before)
    status, out = cli("evidence", "attach", "--profile", NAME, str(files["receipt"]),
                      "--entry", str(first))
    assert status == 0 and f"to payment {first}" in out
    after = missing(cli, "--from", "2025-05-01", "--to", "2025-05-31")
    assert len(after) == len(before) - 1 and f"payment {second}" in after[0]
    status, out = cli("evidence", "list", "--profile", NAME)
    assert "Receipt for the payment of £10.00 to Jo on 2 May 2025" in out


def test_documents_for_the_account_and_the_profile(cli: Cli, created: CreatedProfile,
                                                   files: dict[str, Path]) -> None:
    status, out = cli("accounts", "list", "--profile", NAME)
    account = out.split("  ")[1].split(" (")[0]
    status, out = cli("evidence", "attach", "--profile", NAME, str(files["statement"]),
                      "--account", account.upper(), "--from", "2025-05-01", "--to",
                      "2025-05-31")
    assert status == 0, out
    assert f"Bank statement for {account}, 1 May 2025 to 31 May 2025" in out
    number = re.search(r"as D(\d+)", out)
    assert number is not None
    status, out = cli("evidence", "attach", "--profile", NAME, str(files["receipt"]),
                      "--profile-doc", "insurance_certificate", "--from", "2025-01-01",
                      "--to", "2025-12-31")
    assert status == 0 and "Employer's liability insurance certificate" in out
    status, out = cli("evidence", "list", "--profile", NAME, "--from", "2025-06-01",
                      "--to", "2025-06-30")
    assert "insurance" in out and "Bank statement" not in out  # May's statement: not June's
    assert cli("evidence", "remove", "--profile", NAME, number.group(1))[0] == 0
    status, out = cli("evidence", "list", "--profile", NAME)
    assert "Bank statement" not in out


def test_plain_refusals(cli: Cli, created: CreatedProfile, files: dict[str, Path]) -> None:
    status, out = cli("evidence", "attach", "--profile", NAME, str(files["note"]),
                      "--profile-doc", "contract")
    assert status == 1 and "Only photos" in out
    status, out = cli("evidence", "attach", "--profile", NAME, str(files["receipt"]),
                      "--pa", "Nobody")
    assert status == 1 and "There is no personal assistant called “Nobody”" in out
    payment = add_payment(cli, "2025-05-02", "-10")
    status, out = cli("evidence", "attach", "--profile", NAME, str(files["receipt"]),
                      "--entry", str(payment), "--from", "2025-05-01")
    assert status == 1 and "leave out --from and --to" in out


def test_a_damaged_pdf_is_said_in_the_return_not_on_the_screen(tmp_path: Path) -> None:
    """pypdf warns about a damaged PDF through logging; with no handler of ours Python prints
    that on stderr. It belongs in the log: the return itself says the file cannot be read.
    (A subprocess, because pytest's own log capture would hide the difference.)"""
    import os
    import subprocess
    import sys

    from reportlab.pdfgen.canvas import Canvas

    whole = tmp_path / "invoice.pdf"
    canvas = Canvas(str(whole))
    canvas.drawString(72, 720, "Invoice 1043")
    canvas.save()
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    data = tmp_path / "data"
    env = dict(os.environ, CARELEDGER_PASSPHRASE="a passphrase")

    def careledger(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "ui.main", "--data-dir", str(data), *argv],
                              env=env, capture_output=True, text=True, check=True)

    careledger("profile", "create", "Ann", "--weekly", "300", "--start", "2025-04-01")
    careledger("entries", "add", "--profile", "Ann", "--date", "2025-05-01", "--payee", "Jo",
               "--amount", "-50", "--category", "pa_wages")
    careledger("evidence", "attach", "--profile", "Ann", str(damaged), "--entry", "1")
    done = careledger("statement", "--profile", "Ann", "--from", "2025-04-01", "--to",
                      "2025-06-30", "--out", str(tmp_path / "r.pdf"), "--with-evidence")
    assert "EOF marker" not in done.stderr + done.stdout
    assert "EOF marker" in (data / "logs" / "careledger.log").read_text(encoding="utf-8")
