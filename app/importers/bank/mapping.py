"""A column mapping says which CSV column holds what; applying it turns records into rows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any

from app.domain.money import Money
from app.i18n import _
from app.importers.bank.model import PendingRow, RejectedRow, StatementRow
from app.importers.bank.text import Record, clean
from app.importers.bank.values import (
    COMMON_DATE_FORMATS,
    BadValue,
    direction_of,
    parse_amount,
    parse_bank_date,
    status_of,
)

ROLES = ("date", "description", "amount", "money_out", "money_in", "payee", "reference",
         "bank_id", "balance", "status", "direction")
# Columns a line may lack (short lines, trailing columns left off) and still be read.
OPTIONAL = ("balance", "status")


class Markers(Enum):
    """How a file marks money in and out in a single amount column."""

    SIGNS = "signs"  # "-12.00" out, "12.00" or "+12.00" in (CR and DR read where written)
    CR_MARKS_IN = "cr"  # credit card style: "12.00 CR" in, plain "12.00" out
    DR_MARKS_OUT = "dr"  # "12.00 DR" out, plain "12.00" in


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
    balance: int | None = None  # the running balance after each line
    status: int | None = None  # "Pending", "Completed", "Declined", ...
    direction: int | None = None  # "Debit"/"Credit", "DR"/"CR": which way the amount went
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
        known = {k: int(data[k]) for k in ROLES if data.get(k) is not None}
        formats = tuple(data.get("date_formats") or COMMON_DATE_FORMATS)
        return cls(**known, date_formats=formats)

    def roles(self) -> tuple[tuple[str, int], ...]:
        """(role, column) for every column in use."""
        return tuple((role, getattr(self, role)) for role in ROLES
                     if getattr(self, role) is not None)

    @cached_property
    def width(self) -> int:
        """How many columns a line needs (read once per line, so worked out once)."""
        used = [column for role, column in self.roles() if role not in OPTIONAL]
        return 1 + max(used)

    @property
    def signed_column(self) -> bool:
        """True when one column holds signed amounts and nothing else says which way."""
        return self.amount is not None and self.direction is None


def amount_markers(texts: list[str]) -> Markers:
    """How a file's amount column marks direction, from every amount in it."""
    marks = {t.strip().upper()[-2:] for t in texts if t.strip()}
    has_cr, has_dr = "CR" in marks, "DR" in marks
    if has_cr and not has_dr:
        return Markers.CR_MARKS_IN
    if has_dr and not has_cr:
        return Markers.DR_MARKS_OUT
    return Markers.SIGNS


def apply(mapping: ColumnMapping, record: Record, markers: Markers = Markers.SIGNS
          ) -> StatementRow | RejectedRow | PendingRow:
    """Read one record, or say plainly why it cannot be read."""
    if len(record.fields) < mapping.width:
        return RejectedRow(record.line, _("This line has {n} columns; {need} are needed.").format(
            n=len(record.fields), need=mapping.width))
    state = status_of(_field(record, mapping.status)) if mapping.status is not None else ""
    date_text = _field(record, mapping.date)
    if state == "pending" or date_text.casefold() == "pending":
        return _pending(mapping, record, markers)
    if state == "failed":
        return RejectedRow(record.line, _(
            "The bank says this payment did not go through (“{status}”), so no money moved."
        ).format(status=_field(record, mapping.status)))
    try:
        # The layout's own date forms first; the common UK ones after, for a file re-saved
        # by a spreadsheet. Day-first throughout, so no date can read two ways.
        on = parse_bank_date(date_text, mapping.date_formats + COMMON_DATE_FORMATS)
        pence = _amount(mapping, record, markers)
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


def _pending(mapping: ColumnMapping, record: Record, markers: Markers) -> PendingRow:
    try:
        on = parse_bank_date(_field(record, mapping.date),
                             mapping.date_formats + COMMON_DATE_FORMATS)
    except BadValue:
        on = None
    try:
        amount = Money(_amount(mapping, record, markers))
    except BadValue:
        amount = None
    return PendingRow(record.line, on, amount, _field(record, mapping.description)
                      or _field(record, mapping.payee))


def _field(record: Record, column: int | None) -> str:
    if column is None or column >= len(record.fields):
        return ""
    # Padded fixed-width text (Barclays memos) reads better with single spaces.
    return " ".join(clean(record.fields[column]).split())


def field_text(record: Record, column: int | None) -> str:
    """A cell as the importer reads it (trimmed, no leading apostrophe, single spaces)."""
    return _field(record, column)


def _amount(mapping: ColumnMapping, record: Record, markers: Markers) -> int:
    if mapping.amount is not None:
        text = _field(record, mapping.amount)
        pence = parse_amount(text)
        if mapping.direction is not None:
            way = direction_of(_field(record, mapping.direction))
            if way is None:
                raise BadValue(_("“{text}” does not say whether money went in or out.").format(
                    text=_field(record, mapping.direction)))
            return abs(pence) if way == "in" else -abs(pence)
        marked = text.strip().upper().endswith(("CR", "DR"))
        if markers is Markers.CR_MARKS_IN and not marked:
            return -abs(pence)
        return pence
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


def role_label(role: str) -> str:
    """A column's role in plain words, as a preview or the command line names it."""
    return {"date": _("date"), "description": _("description"), "amount": _("amount"),
            "money_out": _("money out"), "money_in": _("money in"), "payee": _("paid to or from"),
            "reference": _("reference"), "bank_id": _("the bank's own number"),
            "balance": _("balance"), "status": _("status"),
            "direction": _("in or out")}.get(role, role)
