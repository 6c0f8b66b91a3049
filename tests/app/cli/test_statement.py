"""`careledger statement` and `careledger forecast` over the demo profile."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import run
from tests.conftest import DEMO_NAME, PASSPHRASE


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARELEDGER_PASSPHRASE", PASSPHRASE)


def args(data: Path, out: Path, *extra: str) -> list[str]:
    return ["--data-dir", str(data), "statement", "--profile", DEMO_NAME, "--from", "2026-01-01",
            "--to", "2026-03-31", "--out", str(out), *extra]


def test_pdf_in_welsh(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "return.pdf"
    assert run(args(demo_dir, out, "--lang", "cy")) == 0
    text = PdfReader(str(out)).pages[0].extract_text()
    assert "Ionawr 2026" in text and "Tudalen 1 o" in text and "Ffurflen fonitro" in text


def test_csv(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "return.csv"
    assert run(args(demo_dir, out, "--bank-balance", "0")) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert any(r["section"] == "transaction" for r in rows)


def test_bad_date_is_a_plain_error(demo_dir: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "return.pdf"
    bad = args(demo_dir, out)
    bad[bad.index("2026-01-01")] = "2026-13-01"
    assert run(bad) == 1
    assert "is not a date" in capsys.readouterr().err
    assert not out.exists()


def test_inputs_from_flags_and_files(demo_dir: Path, tmp_path: Path) -> None:
    services = tmp_path / "services.json"
    services.write_text('[{"provider": "Sunrise Home Care (demo)", "planned_hours": "60", '
                        '"delivered_hours": "57.5", "value_delivered": "900.00", '
                        '"paid": "930.00"}]', encoding="utf-8")
    outcomes = tmp_path / "outcomes.txt"
    outcomes.write_text("Went swimming every week.", encoding="utf-8")
    out = tmp_path / "return.csv"
    assert run(args(demo_dir, out, "--wages-owed", "252.00", "--hmrc-due", "44.19",
                    "--services", str(services), "--outcomes", str(outcomes))) == 0
    rows = {(r["section"], r["key"]): r
            for r in csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines())}
    # Figures given replace what the payslips say; the one not given (the pension the demo's
    # payslips leave owed) is kept, so the total is the two given plus it.
    assert rows[("liabilities", "wages_owed")]["amount"] == "252.00"
    assert rows[("liabilities", "wages_owed")]["text"] == "Entered by hand"
    pension = rows[("liabilities", "pension_due")]["amount"]
    assert pension != "0.00"
    assert rows[("liabilities", "liabilities_total")]["amount"] == f"{296.19 + float(pension):.2f}"
    assert rows[("services", "paid")]["payee"] == "Sunrise Home Care (demo)"
    assert rows[("services", "paid_minus_delivered")]["amount"] == "30.00"
    assert rows[("services", "paid_minus_delivered")]["state"] == "more"
    assert rows[("outcomes", "outcomes")]["text"] == "Went swimming every week."


def test_bad_services_file_is_a_plain_error(demo_dir: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    services = tmp_path / "services.json"
    services.write_text('[{"provider": "X"}]', encoding="utf-8")
    out = tmp_path / "return.csv"
    assert run(args(demo_dir, out, "--services", str(services))) == 1
    assert "Item 1 of the services file needs" in capsys.readouterr().err
    assert not out.exists()


def test_forecast_prints_the_expected_balance(demo_dir: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--data-dir", str(demo_dir), "forecast", "--profile", DEMO_NAME,
                "--today", "2026-03-31", "--to", "2026-06-30"]) == 0
    out = capsys.readouterr().out
    assert "Expected on 30 June 2026" in out


def test_with_evidence_and_a_pack(demo_dir: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    receipt = tmp_path / "receipt.png"
    receipt.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)  # not drawable: said so
    ids = tmp_path / "ids.csv"
    assert run(args(demo_dir, ids)) == 0
    payment = next(r for r in csv.DictReader(ids.read_text(encoding="utf-8-sig").splitlines())
                   if r["section"] == "transaction" and r["amount"].startswith("-"))
    assert run(["--data-dir", str(demo_dir), "evidence", "attach", "--profile", DEMO_NAME,
                str(receipt), "--entry", payment["entry_id"]]) == 0
    plain, full, pack = tmp_path / "p.pdf", tmp_path / "f.pdf", tmp_path / "pack.zip"
    assert run(args(demo_dir, plain, "--produced-on", "2026-04-02")) == 0
    capsys.readouterr()
    assert run(args(demo_dir, full, "--with-evidence", "--pack", str(pack))) == 0
    said = capsys.readouterr().out
    assert "Saved the evidence pack" in said and "Missing: " in said
    pages = PdfReader(str(full)).pages
    assert len(pages) > len(PdfReader(str(plain)).pages)
    assert "Appendix A1" in pages[-1].extract_text()
    import zipfile
    with zipfile.ZipFile(pack) as z:
        assert "index.csv" in z.namelist()
        assert any(n.startswith("evidence/A1 ") and n.endswith(".png") for n in z.namelist())
    # The produced date defaults to today; given, it is printed as given.
    assert "Produced 2 Apr 2026" in PdfReader(str(plain)).pages[0].extract_text()


def test_evidence_goes_after_a_pdf_only(demo_dir: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(args(demo_dir, tmp_path / "r.csv", "--with-evidence")) == 1
    assert "save it as a .pdf file" in capsys.readouterr().err
    assert run(args(demo_dir, tmp_path / "r.pdf", "--pack", str(tmp_path / "p.tar"))) == 1
    assert ".zip" in capsys.readouterr().err
