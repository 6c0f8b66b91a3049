"""QIF bank and card exports: D date, T amount, P payee, M memo, N number; ^ ends a record."""

from __future__ import annotations

import html
import re

from app.domain.money import Money
from app.i18n import _
from app.importers.bank.model import ParsedStatement, RejectedRow, StatementRow
from app.importers.bank.values import BadValue, parse_amount, parse_bank_date

LAYOUT = "qif"
# UK banks write day first; two-digit years and the Quicken apostrophe form also occur.
QIF_DATES = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%Y-%m-%d", "%d %b %Y")
# Santander pads the payee and repeats the amount after a comma: "NAME      , 1080.00".
_AMOUNT_TAIL = re.compile(r"\s*,\s*[0-9,]+\.[0-9]{2}\s*$")


def looks_like(text: str) -> bool:
    return text.lstrip().upper().startswith("!TYPE:")


def read(text: str) -> ParsedStatement:
    rows: list[StatementRow] = []
    rejected: list[RejectedRow] = []
    for line, fields in _records(text):
        result = _row(line, fields)
        if isinstance(result, StatementRow):
            rows.append(result)
        else:
            rejected.append(result)
    return ParsedStatement(LAYOUT, tuple(rows), tuple(rejected))


def _row(line: int, fields: dict[str, str]) -> StatementRow | RejectedRow:
    try:
        on = parse_bank_date(fields.get("D", "").replace("'", "/"), QIF_DATES)
        pence = parse_amount(fields.get("T") or fields.get("U", ""))
    except BadValue as error:
        return RejectedRow(line, str(error))
    if pence == 0:
        return RejectedRow(line, _("The amount is zero, so there is nothing to record."))
    payee = " ".join(_AMOUNT_TAIL.sub("", html.unescape(fields.get("P", ""))).split())
    memo = " ".join(html.unescape(fields.get("M", "")).split())
    return StatementRow(line, on, Money(pence), description=payee or memo, payee=payee,
                        reference=fields.get("N", "").strip() or memo)


def _records(text: str) -> list[tuple[int, dict[str, str]]]:
    found: list[tuple[int, dict[str, str]]] = []
    current: dict[str, str] = {}
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("!"):
            continue
        if line.startswith("^"):
            if current:
                found.append((start, current))
            current = {}
            continue
        if not current:
            start = number
        current.setdefault(line[0], line[1:])  # split lines (S, E, $) repeat codes: keep the first
    if current:
        found.append((start, current))  # a last record without its closing ^
    return found
