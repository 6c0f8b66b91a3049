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
# Two unnamed columns of figures: either could be the amount, so the person is asked.
UNGUESSABLE = "Day,Figure A,Figure B,Note\n01/03/2025,-1.00,7.00,Shop\n"


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
    assert caught.value.header == ("day", "figure a", "figure b", "note")


def test_chosen_mapping_is_remembered_per_header(tmp_path: Path) -> None:
    store = MappingStore(tmp_path)
    mapping = ColumnMapping(date=0, description=3, amount=1, date_formats=("%d/%m/%Y",))
    first = read_statement(UNGUESSABLE.encode(), store, mapping)
    store.save(header_key(("Day", "Figure A", "Figure B", "Note")), mapping)
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


def test_a_correction_to_a_bank_preset_is_remembered_too(tmp_path: Path) -> None:
    """Starling's preset reads the Reference column as the text; a person who prefers the
    counter party says so once."""
    sample = Path(__file__).resolve().parents[3] / "fixtures" / "bank" / "starling.csv"
    store = MappingStore(tmp_path)
    header = ("date", "counter party", "reference", "type", "amount (gbp)", "balance (gbp)",
              "spending category", "notes")
    store.save(header, ColumnMapping(date=0, description=1, amount=4))
    parsed = read_statement(sample.read_bytes(), store)
    assert parsed.layout == "mapped"
    assert [r.description for r in parsed.rows] == ["TESCO STORES", "ACME LTD", "British Gas"]
