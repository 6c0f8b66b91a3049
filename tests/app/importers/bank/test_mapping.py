"""Reading the way each line's money went: signs, CR/DR markers, debit/credit columns, and
lines the bank has not settled yet. Every file here is generated in the test (no bank wrote
it); each shows one way UK exports are written."""

from __future__ import annotations

from datetime import date

import pytest

from app.importers.bank import read_statement
from app.importers.bank.model import Signs

HEAD = "Date,Description,Amount\n"


def _amounts(text: str) -> list[int]:
    return [r.amount.pence for r in read_statement(text.encode()).rows]


def test_a_plain_signed_column_leaves_the_way_to_the_account_kind() -> None:
    parsed = read_statement((HEAD + "01/03/2026,SHOP,-12.00\n02/03/2026,PAY,30.00\n").encode())
    assert parsed.signs is Signs.AMOUNT_COLUMN
    assert [r.amount.pence for r in parsed.with_amounts_reversed().rows] == [1200, -3000]
    assert parsed.with_amounts_reversed().signs is Signs.FILE


@pytest.mark.parametrize(("lines", "pence"), [
    # Credit card style: purchases plain, payments and refunds marked CR.
    ("01/03/2026,SHOP,12.00\n02/03/2026,PAYMENT THANK YOU,100.00 CR\n", [-1200, 10000]),
    ("01/03/2026,SHOP,12.00DR\n02/03/2026,PAY,100.00\n", [-1200, 10000]),
    # "+ £1,100.00": a plus sign (with a space and a pound sign) says money in.
    ("01/03/2026,SHOP,- £12.00\n02/03/2026,COUNCIL,\"+ £1,100.00\"\n", [-1200, 110000]),
])
def test_markers_in_the_amount_column_are_read_right(lines: str, pence: list[int]) -> None:
    parsed = read_statement((HEAD + lines).encode())
    assert [r.amount.pence for r in parsed.rows] == pence
    assert parsed.signs is Signs.FILE  # the file said which way: the account kind need not


def test_debit_and_credit_columns_whatever_sign_the_bank_writes() -> None:
    text = ("Date,Description,Debit,Credit\n01/03/2026,SHOP,-12.00,\n02/03/2026,SHOP,12.00,0.00\n"
            "03/03/2026,PAY,,100.00\n")
    assert _amounts(text) == [-1200, -1200, 10000]
    assert read_statement(text.encode()).signs is Signs.FILE


def test_pending_lines_are_set_aside_not_rejected() -> None:
    text = ("Date,Description,Amount,Status\n01/03/2026,SHOP,-12.00,Completed\n"
            "02/03/2026,TAXI,-8.00,Pending\nPending,CAFE,-3.20,\n"
            "03/03/2026,REFUND,5.00,DECLINED\n")
    parsed = read_statement(text.encode())
    assert [r.line for r in parsed.rows] == [2]
    assert [(p.line, p.on, p.amount.pence if p.amount else None, p.description)
            for p in parsed.pending] == [(3, date(2026, 3, 2), -800, "TAXI"),
                                         (4, None, -320, "CAFE")]
    (declined,) = parsed.rejected
    assert declined.line == 5 and "did not go through" in declined.reason
