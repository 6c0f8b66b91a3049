"""Each preset on its real sample: layout detected from the header, rows read exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.importers.bank import read_statement_file

SAMPLES = Path(__file__).resolve().parents[3] / "fixtures" / "bank"

# file, layout, rows, (line, date, pence, description) of one row checked in full, total pence
EXPECTED = [
    ("lloyds.csv", "lloyds", 12, (5, date(2023, 12, 1), 200000,
                                  "HHHHH LTD RP555000111222333 207348 10 01DEC23 16:05"), -388199),
    ("nationwide.csv", "nationwide", 6, (9, date(2025, 6, 25), 1000, "ABC SUPERMARKET"), -13000),
    ("nationwide_midata.csv", "nationwide_midata", 8,
     (4, date(2025, 7, 19), -5200, "A COFFEE SHOP GB"), -12815),
    ("monzo.csv", "monzo", 1, (2, date(2024, 8, 10), -1375,
                               "SQ *BERRY FARM'S GOSQ. BLACKFALDS CAN"), -1375),
    ("monzo_2018.csv", "monzo_2018", 1, (2, date(2018, 2, 25), -1000, "Tesco"), -1000),
    ("monzo_3.csv", "monzo", 9, (4, date(2026, 9, 1), 245000, "ACME LTD SALARY SEP"), 198894),
    ("starling.csv", "starling", 3, (4, date(2026, 9, 3), 200000, "SEPT SALARY"), 192766),
    ("natwest.csv", "natwest", 2, (3, date(2026, 9, 1), -1234,
                                   "4321 01SEP26 TESCO STORES 3297 , LONDON GB"), 198766),
    ("barclays.csv", "barclays", 3, (2, date(2026, 9, 5), -6000, "BRITISH GAS 1234567 DDR"),
     192766),
    ("hsbc.csv", "hsbc", 2, (2, date(2026, 9, 3), 200000, "ACME LTD SALARY"), 198766),
    ("barclaycard.csv", "barclaycard", 1, (1, date(2018, 2, 10), -2059,
                                           "Shop Name, AnyTown20.59 POUND STERLING GREAT BRITAIN"),
     -2059),
    ("first_direct.csv", "first_direct", 1, (2, date(2018, 2, 10), -500, "MERCHANT NAME@12:34"),
     -500),
    ("santander.txt", "santander_text", 3, (10, date(2026, 9, 3), 200000,
                                            "BANK GIRO CREDIT REF ACME LTD SALARY"), 192766),
    ("santander.ofx", "ofx", 2, (18, date(2026, 9, 3), 200000, "ACME LTD"), 198766),
    ("generic_bank.qif", "qif", 2, (6, date(2026, 9, 13), 200000, "ACME LTD"), 198766),
    ("santander.qif", "qif", 5, (2, date(2024, 3, 30), -108000, "TRANSFER REFERENCE R&D"),
     -100275),
    ("hsbc_creditcard.qif", "qif", 8, (10, date(2009, 12, 5), -12018, "WAITROSE 218 READING GBR"),
     None),
]


@pytest.mark.parametrize(("name", "layout", "count", "row", "total"), EXPECTED,
                         ids=[e[0] for e in EXPECTED])
def test_sample_reads_exactly(name: str, layout: str, count: int,
                              row: tuple[int, date, int, str], total: int | None) -> None:
    parsed = read_statement_file(SAMPLES / name)
    assert parsed.layout == layout
    assert parsed.rejected == ()
    assert len(parsed.rows) == count
    line, on, pence, description = row
    found = next(r for r in parsed.rows if r.line == line)
    assert (found.on, found.amount.pence, found.description) == (on, pence, description)
    if total is not None:
        assert sum(r.amount.pence for r in parsed.rows) == total


def test_every_sample_is_covered() -> None:
    covered = {e[0] for e in EXPECTED}
    assert covered == {p.name for p in SAMPLES.iterdir() if p.suffix != ".md"}


def test_bank_ids_are_kept() -> None:
    monzo = read_statement_file(SAMPLES / "monzo_3.csv")
    assert [r.bank_id for r in monzo.rows][:2] == ["tx_0000A1", "tx_0000A2"]
    assert monzo.rows[0].payee == "Pret A Manger"
    ofx = read_statement_file(SAMPLES / "santander.ofx")
    assert [r.bank_id for r in ofx.rows] == ["F1", "F2"]
    assert ofx.rows[1].reference == "SALARY & BONUS"


def test_starling_opening_balance_and_midata_footer_are_not_rows() -> None:
    starling = read_statement_file(SAMPLES / "starling.csv")
    assert all("Opening" not in r.payee for r in starling.rows)
    midata = read_statement_file(SAMPLES / "nationwide_midata.csv")
    assert max(r.line for r in midata.rows) == 11


def test_windows_1252_nationwide_reads_pound_signs(tmp_path: Path) -> None:
    text = (SAMPLES / "nationwide.csv").read_text(encoding="utf-8")
    path = tmp_path / "nationwide-1252.csv"
    path.write_bytes(text.encode("cp1252"))
    parsed = read_statement_file(path)
    assert parsed.layout == "nationwide"
    assert [r.amount.pence for r in parsed.rows][:2] == [-3000, -5000]
