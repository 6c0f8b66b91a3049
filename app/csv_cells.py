"""CSV cells a spreadsheet will not run: every export writes its text cells through here.

A payee called `=HYPERLINK("http://…","Refund")`, `+cmd|' /C calc'!A0` or `@SUM(…)` (from a
bank file or typed in) becomes a formula when the CSV is opened in Excel or LibreOffice.
Such cells get a leading apostrophe, as OWASP advises; amounts and other plain numbers
("-12.50") are data and stay numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The ASCII starts OWASP lists, spaces before them, and their full-width forms.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
PLAIN_NUMBER = re.compile(r"-?[\d,]*\d(\.\d+)?")  # how amounts are written: no "+"


def neutralise(cell: str) -> str:
    """The cell as text a spreadsheet shows as it is."""
    if PLAIN_NUMBER.fullmatch(cell):
        return cell
    if cell.startswith(FORMULA_START) or cell.lstrip(" ").startswith(FORMULA_START):
        return "'" + cell
    return cell


def safe_row(row: Iterable[object]) -> list[str]:
    return [neutralise(str(cell)) for cell in row]
