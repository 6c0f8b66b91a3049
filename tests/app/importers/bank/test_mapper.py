"""The column mapper on a file whose columns no preset knows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.importers.bank import ColumnMapping, MappingStore, NeedsMapping, read_statement
from app.importers.bank.text import header_key

# A made-up layout (not any bank's): odd order, extra columns, separate out/in figures.
ODD = (
    "Ref No;Card;Posted Date;Withdrawals;Deposits;Transaction Details;Running Total\n"
    "A1;1234;2025-03-01;12.50;;CORNER SHOP;100.00\n"
    "A2;1234;2025-03-02;;1,200.00;COUNCIL DP;1300.00\n"
    "\n"
    "A3;1234;not a date;5.00;;BUS;1295.00\n"
)
UNGUESSABLE = "When,Who,How much\n01/03/2025,Shop,-1.00\n"


def test_guesses_odd_columns_from_header_words() -> None:
    parsed = read_statement(ODD.encode())
    assert parsed.layout == "mapped"
    assert [(r.line, r.on, r.amount.pence, r.description) for r in parsed.rows] == [
        (2, date(2025, 3, 1), -1250, "CORNER SHOP"),
        (3, date(2025, 3, 2), 120000, "COUNCIL DP"),
    ]
    assert [(r.line, "not a date" in r.reason) for r in parsed.rejected] == [(5, True)]


def test_unknown_header_asks_for_a_mapping() -> None:
    with pytest.raises(NeedsMapping) as caught:
        read_statement(UNGUESSABLE.encode())
    assert caught.value.header == ("when", "who", "how much")


def test_chosen_mapping_is_remembered_per_header(tmp_path: Path) -> None:
    store = MappingStore(tmp_path)
    mapping = ColumnMapping(date=0, description=1, amount=2, date_formats=("%d/%m/%Y",))
    first = read_statement(UNGUESSABLE.encode(), store, mapping)
    store.save(header_key(("When", "Who", "How much")), mapping)
    again = read_statement(UNGUESSABLE.encode(), MappingStore(tmp_path))
    assert again.rows == first.rows
    assert again.rows[0].amount.pence == -100


def test_damaged_mapping_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "bank_mappings.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(NeedsMapping):
        read_statement(UNGUESSABLE.encode(), MappingStore(tmp_path))


def test_mapping_needs_an_amount_column() -> None:
    with pytest.raises(ValueError):
        ColumnMapping(date=0, description=1)
