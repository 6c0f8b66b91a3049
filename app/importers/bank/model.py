"""What a bank statement importer hands back: parsed rows and rejected rows, with line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

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
