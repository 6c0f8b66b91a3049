"""What an import will do, line by line, before anything is written: plain frozen data.

A dialog lets the person change the suggested payee and category of a new line, give the
council's agreement, and accept or refuse a match (`ImportPreview.with_choice`,
`with_match`) before `BankImportService.commit` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from app.domain.money import Money
from app.i18n import _
from app.importers.bank.model import Signs, StatedBalance


class RowStatus(StrEnum):
    NEW = "new"  # to be added as an entry
    MATCHED = "matched"  # an entry already there: linked and marked as on the statement
    DUPLICATE = "duplicate"  # this very line was imported before (its import id is there)
    REJECTED = "rejected"  # cannot be read, or the ledger would refuse it: `reason` says why
    PENDING = "pending"  # not gone through at the bank yet: import it when it has


@dataclass(frozen=True)
class MatchedEntry:
    """The entry already in the ledger that a bank line is (or may be)."""

    entry_id: int
    on: date
    amount: Money
    payee: str
    category_code: str
    certain: bool  # alike and unrivalled; otherwise the person should check it


@dataclass(frozen=True)
class PreviewRow:
    line: int
    status: RowStatus
    on: date | None = None
    amount: Money | None = None
    bank_text: str = ""  # what the bank wrote; kept as the entry's memo
    payee: str = ""  # suggested, editable before commit
    category_code: str = ""  # suggested, editable before commit
    import_id: str = ""
    reason: str = ""  # why a line is rejected or pending
    approval_reason: str = ""  # the council's agreement, for a category that needs one
    match: MatchedEntry | None = None  # kept when refused, so it can be accepted again
    suggested: tuple[str, str] = ("", "")  # payee and category as first suggested
    source: str = ""  # where the suggestion came from (app.services.bank_suggest.Source)

    @property
    def to_check(self) -> bool:
        """A match the person should look at before importing."""
        return self.status is RowStatus.MATCHED and self.match is not None \
            and not self.match.certain

    @property
    def corrected(self) -> bool:
        """The person changed the suggested payee or category of a new line."""
        return self.status is RowStatus.NEW and (self.payee.strip(), self.category_code) \
            != self.suggested


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    layout: str
    account_id: int
    rows: tuple[PreviewRow, ...]
    closing: StatedBalance | None = None  # the balance the bank states in the file
    signs: Signs = Signs.FILE  # AMOUNT_COLUMN: the account kind said which way money went
    reversed: bool = False  # amounts read as a credit card writes them (spending positive)
    columns: tuple[tuple[str, str], ...] = field(default=())  # (role, header) when guessed
    match_days: int = 0
    # A CSV: its header (blank names for a file without one) and which column was read as
    # what, so the person can reopen the column chooser to correct a guess.
    header: tuple[str, ...] = field(default=())
    roles: tuple[tuple[str, int], ...] = field(default=())

    @property
    def is_csv(self) -> bool:
        return bool(self.roles)

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def to_check(self) -> int:
        return sum(1 for r in self.rows if r.to_check)

    def with_choice(self, line: int, payee: str | None = None,
                    category_code: str | None = None,
                    approval_reason: str | None = None) -> ImportPreview:
        """The same preview with the person's payee, category or reason for the line."""
        rows = tuple(
            replace(r, payee=r.payee if payee is None else payee,
                    category_code=r.category_code if category_code is None else category_code,
                    approval_reason=(r.approval_reason if approval_reason is None
                                     else approval_reason))
            if r.line == line else r
            for r in self.rows
        )
        return replace(self, rows=rows)

    def with_match(self, line: int, accepted: bool) -> ImportPreview:
        """The same preview with the line's match accepted (linked, not added) or refused
        (added as a new entry)."""
        def choose(row: PreviewRow) -> PreviewRow:
            if row.line != line or row.match is None or row.status not in (RowStatus.NEW,
                                                                          RowStatus.MATCHED):
                return row
            return replace(row, status=RowStatus.MATCHED if accepted else RowStatus.NEW)

        return replace(self, rows=tuple(choose(r) for r in self.rows))


def summary_text(preview: ImportPreview) -> str:
    """What the file's lines are, in one line: "3 new, 2 matched, 0 duplicates, 0 rejected"
    (and how many are pending at the bank, when any are)."""
    text = _("{new} new, {matched} matched, {duplicates} duplicates, {rejected} rejected").format(
        new=preview.count(RowStatus.NEW), matched=preview.count(RowStatus.MATCHED),
        duplicates=preview.count(RowStatus.DUPLICATE),
        rejected=preview.count(RowStatus.REJECTED))
    pending = preview.count(RowStatus.PENDING)
    return text + (_(", {pending} pending").format(pending=pending) if pending else "")
