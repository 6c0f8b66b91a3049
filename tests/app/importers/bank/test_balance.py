"""The closing balance a file states: offered only when its running balance adds up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.importers.bank import read_statement, read_statement_file

SAMPLES = Path(__file__).resolve().parents[3] / "fixtures" / "bank"


@pytest.mark.parametrize(("name", "on", "pence"), [
    ("natwest.csv", date(2026, 9, 3), 300000),  # oldest line first
    ("starling.csv", date(2026, 9, 5), 292766),  # its opening-balance line left out
    ("nationwide.csv", date(2025, 8, 20), 10000),
    ("nationwide_midata.csv", date(2025, 7, 19), -200),  # newest line first
    ("santander.txt", date(2026, 9, 5), 294000),
    ("santander.ofx", date(2026, 9, 30), 294000),  # OFX states it outright
])
def test_real_samples_state_their_closing_balance(name: str, on: date, pence: int) -> None:
    closing = read_statement_file(SAMPLES / name).closing
    assert closing is not None and (closing.on, closing.balance.pence) == (on, pence)


@pytest.mark.parametrize("name", ["lloyds.csv", "first_direct.csv", "hsbc.csv", "monzo.csv"])
def test_no_balance_is_offered_unless_it_adds_up(name: str) -> None:
    """Lloyds' anonymised sample does not add up; one line cannot show it does; HSBC has no
    balance column."""
    assert read_statement_file(SAMPLES / name).closing is None


def test_a_column_of_zeros_is_not_a_balance() -> None:
    text = b"Date,Description,Amount,Balance\n01/03/2026,A,-1.00,0.00\n02/03/2026,B,-2.00,0.00\n"
    assert read_statement(text).closing is None


def test_a_credit_card_balance_reverses_with_its_amounts() -> None:
    text = (b"Date,Description,Amount,Balance\n01/03/2026,SHOP,12.00,112.00\n"
            b"02/03/2026,PAYMENT,-100.00,12.00\n")  # generated: spending positive, as owed
    parsed = read_statement(text)
    assert parsed.closing is not None and parsed.closing.balance.pence == 1200
    reversed_ = parsed.with_amounts_reversed()
    assert reversed_.closing is not None and reversed_.closing.balance.pence == -1200
