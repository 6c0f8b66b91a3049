from __future__ import annotations

from datetime import date

from app.domain.money import Money
from app.importers.bank.identity import import_ids
from app.importers.bank.model import StatementRow


def _row(line: int, text: str = "BUS", bank_id: str = "", pence: int = -280) -> StatementRow:
    return StatementRow(line, date(2026, 9, 1), Money(pence), text, bank_id=bank_id)


def test_same_line_twice_gets_two_ids_that_repeat_on_the_next_import() -> None:
    rows = [_row(2), _row(3)]
    first, second = import_ids(rows)
    assert first != second
    assert import_ids(rows) == [first, second]
    assert import_ids([_row(9)]) == [first]  # where it sits in the file does not matter


def test_amount_date_and_text_all_count() -> None:
    base = import_ids([_row(2)])
    assert import_ids([_row(2, pence=-281)]) != base
    assert import_ids([_row(2, text="TRAIN")]) != base
    assert import_ids([_row(2, text="  bus ")]) == base  # case and spacing do not


def test_bank_ids_win_and_repeats_stay_distinct() -> None:
    assert import_ids([_row(2, bank_id="tx_1"), _row(3, bank_id="tx_1")]) == ["id:tx_1",
                                                                              "id:tx_1#2"]
    long_id = "x" * 400
    (only,) = import_ids([_row(2, bank_id=long_id)])
    assert len(only) <= 200 and only.startswith("id#")
