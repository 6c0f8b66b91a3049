"""What a bank statement importer hands back: parsed rows and rejected rows, with line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from app.domain.errors import DomainError
from app.domain.money import Money


class UnreadableStatement(DomainError):
    """The whole file cannot be read as a bank statement; the message says why."""


@dataclass(frozen=True)
class StatementRow:
    """One transaction as the bank wrote it. `amount` is positive for money in."""

    line: int
    on: date
    amount: Money
    description: str
    payee: str = ""  # the bank's own counterparty name when it gives one (Monzo, Starling)
    reference: str = ""
    bank_id: str = ""  # the bank's transaction id (Monzo id, OFX FITID) when it gives one

    @property
    def payee_text(self) -> str:
        """The text that names who was paid: the counterparty, else the description."""
        return self.payee or self.description


@dataclass(frozen=True)
class PendingRow:
    """A line the bank marks as still pending: not money moved yet, so not imported."""

    line: int
    on: date | None
    amount: Money | None
    description: str


class Signs(StrEnum):
    """How the file says which way money went."""

    FILE = "file"  # the file says it: OFX, QIF, separate columns, CR/DR markers, "+" and "-"
    # One column of signed amounts with nothing else to go on: a current account writes
    # money in as positive, a credit card company writes spending as positive. The kind of
    # account it is imported into decides.
    AMOUNT_COLUMN = "amount_column"


@dataclass(frozen=True)
class RejectedRow:
    line: int
    reason: str  # plain, translated: what is wrong with this line


@dataclass(frozen=True)
class StatedBalance:
    """The balance the bank itself states in the file, and the day it is for."""

    on: date
    balance: Money


@dataclass(frozen=True)
class ParsedStatement:
    """A whole file read: `layout` names the preset or mapping that read it."""

    layout: str
    rows: tuple[StatementRow, ...] = field(default=())
    rejected: tuple[RejectedRow, ...] = field(default=())
    closing: StatedBalance | None = None
    pending: tuple[PendingRow, ...] = field(default=())
    signs: Signs = Signs.FILE
    # A CSV: its header (as header_key gives it, empty when it has none), which column was
    # read as what, and whether that was guessed from the header and values (not a preset
    # or the person's own choice), so a preview can say so and the mapper can correct it.
    header: tuple[str, ...] = field(default=())
    columns: tuple[tuple[str, int], ...] = field(default=())
    guessed: bool = False

    def with_amounts_reversed(self) -> ParsedStatement:
        """The same statement with money in and out swapped (a credit card's own signs)."""
        rows = tuple(replace(r, amount=Money(-r.amount.pence)) for r in self.rows)
        pending = tuple(replace(p, amount=Money(-p.amount.pence) if p.amount else None)
                        for p in self.pending)
        closing = (StatedBalance(self.closing.on, Money(-self.closing.balance.pence))
                   if self.closing else None)  # what is owed on the card, as money held
        return replace(self, rows=rows, pending=pending, closing=closing, signs=Signs.FILE)
