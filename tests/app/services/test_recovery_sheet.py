"""The printed recovery sheet."""

from __future__ import annotations

from datetime import date

from app.services.recovery_sheet import recovery_sheet_text


def test_sheet_holds_name_and_code_in_groups() -> None:
    code = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345"
    text = recovery_sheet_text("Alex", code, date(2024, 5, 1))
    assert "Alex" in text and "ABCDE  FGHIJ  KLMNO  PQRST  UVWXY  Z2345" in text
