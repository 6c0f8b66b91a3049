"""Santander UK's text export: blocks of 'Date:', 'Description:', 'Amount:' and 'Balance:' lines."""

from __future__ import annotations

from app.domain.money import Money
from app.i18n import _
from app.importers.bank.balance import trusted_closing
from app.importers.bank.model import ParsedStatement, RejectedRow, StatementRow
from app.importers.bank.values import BadValue, parse_amount, parse_bank_date

LAYOUT = "santander_text"


def looks_like(text: str) -> bool:
    head = text.lstrip()[:400]
    return head.startswith("From:") and "\nDate:" in text and "\nAmount:" in text


def read(text: str) -> ParsedStatement:
    rows: list[StatementRow] = []
    rejected: list[RejectedRow] = []
    balances: list[tuple[StatementRow, int | None]] = []
    for line, block in _blocks(text):
        if "date" not in block:
            continue  # the heading block: statement period and account
        try:
            on = parse_bank_date(block["date"], ("%d/%m/%Y",))
            pence = parse_amount(block.get("amount", ""))
        except BadValue as error:
            rejected.append(RejectedRow(line, str(error)))
            continue
        if pence == 0:
            rejected.append(
                RejectedRow(line, _("The amount is zero, so there is nothing to record.")))
            continue
        description = " ".join(block.get("description", "").split())
        rows.append(StatementRow(line, on, Money(pence), description))
        try:
            balances.append((rows[-1], parse_amount(block.get("balance", ""))))
        except BadValue:
            balances.append((rows[-1], None))  # without every balance, none is offered
    closing = trusted_closing(balances)
    return ParsedStatement(LAYOUT, tuple(rows), tuple(rejected), closing)


def _blocks(text: str) -> list[tuple[int, dict[str, str]]]:
    """(line of the block's first field, {field: value}) for each blank-line separated block."""
    blocks: list[tuple[int, dict[str, str]]] = []
    current: dict[str, str] = {}
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        name, sep, value = raw.partition(":")
        if not raw.strip():
            if current:
                blocks.append((start, current))
            current = {}
            continue
        if not current:
            start = number
        if sep:
            current[name.strip().casefold()] = value.strip()
    if current:
        blocks.append((start, current))
    return blocks
