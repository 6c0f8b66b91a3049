"""Recognising a CSV's columns from its header and values, with no preset and no mapper.

Files written inside these tests are generated here (no bank wrote them); the real exports
are the samples in tests/fixtures/bank.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.importers.bank import NeedsMapping, read_statement, read_statement_file
from app.importers.bank.csv_statement import find_layout
from app.importers.bank.guess import guess, header_words
from app.importers.bank.mapping import apply
from app.importers.bank.model import StatementRow
from app.importers.bank.text import decode, records

SAMPLES = Path(__file__).resolve().parents[3] / "fixtures" / "bank"
HEADED = sorted(p.name for p in SAMPLES.glob("*.csv")
                if find_layout(records(decode(p.read_bytes())), None, None).header)


@pytest.mark.parametrize("name", HEADED)
def test_every_real_sample_with_a_header_is_recognised_without_its_preset(name: str) -> None:
    """The recogniser alone (no preset) reads each real export to the same money and dates."""
    layout = find_layout(records(decode((SAMPLES / name).read_bytes())), None, None)
    mapping = guess(layout.header, layout.data)
    assert mapping is not None
    read = [apply(mapping, r) for r in layout.data
            if layout.preset is None or not layout.preset.is_skipped(r)]
    got = [(r.on, r.amount.pence) for r in read if isinstance(r, StatementRow)]
    preset = read_statement_file(SAMPLES / name)
    assert got == [(r.on, r.amount.pence) for r in preset.rows]


def test_the_real_samples_include_headed_and_headerless_files() -> None:
    assert len(HEADED) >= 9 and "hsbc.csv" not in HEADED


# Generated: common header wordings, each with two lines (money out, then money in).
WORDINGS = [
    "Posted Date,Details,Paid out (£),Paid in (£),Balance (£)\n"
    "02/03/2026,CORNER SHOP,12.50,,87.50\n03/03/2026,COUNCIL DP,,\"1,200.00\",1287.50\n",
    "Txn Date,Narrative,Debit,Credit\n2026-03-02,CORNER SHOP,12.50,\n2026-03-03,COUNCIL DP,,1200\n",
    "Date,Merchant,Amount (GBP),Status\n02 Mar 2026,CORNER SHOP,-12.50,Completed\n"
    "03 Mar 2026,COUNCIL DP,1200.00,Completed\n",
    "Booking date;Text;Value;Running balance\n02.03.2026;CORNER SHOP;-12.50;87.50\n"
    "03.03.2026;COUNCIL DP;1200.00;1287.50\n",
    "Transaction Date,Description,Amount,Debit/Credit\n02/03/2026,CORNER SHOP,12.50,D\n"
    "03/03/2026,COUNCIL DP,1200.00,C\n",
    "Date,Who,How much\n02/03/2026,CORNER SHOP,-12.50\n03/03/2026,COUNCIL DP,+£1200.00\n",
    "Date,Description,Money out,Money in\n02/03/2026,CORNER SHOP,-12.50,\n"
    "03/03/2026,COUNCIL DP,,1200\n",
]


@pytest.mark.parametrize("text", WORDINGS, ids=[w.split("\n")[0][:30] for w in WORDINGS])
def test_common_header_wordings_are_recognised(text: str) -> None:
    parsed = read_statement(text.encode())
    assert parsed.guessed and parsed.layout == "mapped"
    assert [(r.on, r.amount.pence, r.description or r.payee) for r in parsed.rows] == [
        (date(2026, 3, 2), -1250, "CORNER SHOP"), (date(2026, 3, 3), 120000, "COUNCIL DP")]


def test_a_file_with_no_header_is_read_from_its_values() -> None:
    text = "02/03/2026,CORNER SHOP LONDON,-12.50,87.50\n03/03/2026,COUNCIL DP,1200.00,1287.50\n"
    parsed = read_statement(text.encode())
    assert parsed.header == () and parsed.guessed
    assert [r.amount.pence for r in parsed.rows] == [-1250, 120000]


def test_two_unnamed_columns_of_figures_are_asked_about() -> None:
    with pytest.raises(NeedsMapping):
        read_statement(b"Day,Figure A,Figure B,Note\n01/03/2025,-1.00,7.00,Shop\n")


def test_debit_credit_column_is_an_amount_or_a_direction_by_its_values() -> None:
    signed = read_statement(b"Date,Details,Debit/Credit\n01/03/2026,SHOP,-1.00\n"
                            b"02/03/2026,PAY,+5.00\n")
    assert dict(signed.columns)["amount"] == 2
    words = read_statement(b"Date,Details,Amount,Debit/Credit\n01/03/2026,SHOP,1.00,Debit\n"
                           b"02/03/2026,PAY,5.00,Credit\n")
    assert dict(words.columns)["direction"] == 3
    assert [r.amount.pence for r in words.rows] == [-100, 500]


def test_header_words_drop_currency_marks() -> None:
    assert header_words("Paid out (£)") == "paid out"
    assert header_words("Amount (GBP)") == "amount"
    assert header_words("Debit/Credit") == "debit/credit"
