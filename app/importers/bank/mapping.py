"""A column mapping says which CSV column holds what; applying it turns records into rows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

from app.domain.money import Money
from app.i18n import _
from app.importers.bank.model import RejectedRow, StatementRow
from app.importers.bank.text import Record, clean
from app.importers.bank.values import COMMON_DATE_FORMATS, BadValue, parse_amount, parse_bank_date

ROLES = ("date", "description", "amount", "money_out", "money_in", "payee", "reference", "bank_id")


@dataclass(frozen=True)
class ColumnMapping:
    """Column numbers from 0. Either `amount` (signed) or `money_out`/`money_in` must be set."""

    date: int
    description: int
    amount: int | None = None
    money_out: int | None = None  # figures here are money out, whatever sign the bank writes
    money_in: int | None = None
    payee: int | None = None
    reference: int | None = None
    bank_id: int | None = None
    date_formats: tuple[str, ...] = field(default=COMMON_DATE_FORMATS)

    def __post_init__(self) -> None:
        if self.amount is None and self.money_out is None and self.money_in is None:
            raise ValueError("a mapping needs an amount column or money out/in columns")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["date_formats"] = list(self.date_formats)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ColumnMapping:
        known = {k: data[k] for k in ROLES if data.get(k) is not None}
        formats = tuple(data.get("date_formats") or COMMON_DATE_FORMATS)
        return cls(**known, date_formats=formats)

    @cached_property
    def width(self) -> int:
        """How many columns a line needs (read once per line, so worked out once)."""
        used = [getattr(self, role) for role in ROLES]
        return 1 + max(int(c) for c in used if c is not None)


def apply(mapping: ColumnMapping, record: Record) -> StatementRow | RejectedRow:
    """Read one record, or say plainly why it cannot be read."""
    if len(record.fields) < mapping.width:
        return RejectedRow(record.line, _("This line has {n} columns; {need} are needed.").format(
            n=len(record.fields), need=mapping.width))
    try:
        # The layout's own date forms first; the common UK ones after, for a file re-saved
        # by a spreadsheet. Day-first throughout, so no date can read two ways.
        on = parse_bank_date(_field(record, mapping.date),
                             mapping.date_formats + COMMON_DATE_FORMATS)
        pence = _amount(mapping, record)
    except BadValue as error:
        return RejectedRow(record.line, str(error))
    if pence == 0:
        return RejectedRow(record.line, _("The amount is zero, so there is nothing to record."))
    return StatementRow(
        line=record.line, on=on, amount=Money(pence),
        description=_field(record, mapping.description),
        payee=_field(record, mapping.payee), reference=_field(record, mapping.reference),
        bank_id=_field(record, mapping.bank_id),
    )


def _field(record: Record, column: int | None) -> str:
    if column is None:
        return ""
    # Padded fixed-width text (Barclays memos) reads better with single spaces.
    return " ".join(clean(record.fields[column]).split())


def _amount(mapping: ColumnMapping, record: Record) -> int:
    if mapping.amount is not None:
        return parse_amount(_field(record, mapping.amount))
    out = _optional_amount(record, mapping.money_out)
    paid_in = _optional_amount(record, mapping.money_in)
    if out and paid_in:
        raise BadValue(_("This line has both money out and money in; only one is expected."))
    if not out and not paid_in:
        raise BadValue(_("This line has no amount in either the money out or money in column."))
    return -abs(out) if out else abs(paid_in)


def _optional_amount(record: Record, column: int | None) -> int:
    text = _field(record, column)
    return parse_amount(text) if text else 0
