"""Importing a bank statement: preview every line as new, duplicate or rejected, then commit.

The preview is plain frozen data: a dialog can let the person change the suggested payee and
category (`ImportPreview.with_choice`) before `commit`, which writes every new line in ONE
transaction, or none of them. Importing the same file twice adds nothing: each line carries
an import id (see app/importers/bank/identity.py) that the second import finds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from app.domain.audit import Cause
from app.domain.categories import Category
from app.domain.entries import MAX_PAYEE, EntryDraft, validate
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.domain.policy import Policy
from app.i18n import _
from app.importers.bank import ColumnMapping, MappingStore, ParsedStatement, read_statement
from app.importers.bank.identity import import_ids
from app.importers.bank.model import StatedBalance
from app.services.bank_suggest import HISTORY, Suggester, bank_text
from app.services.jobs import NO_CONTROL, JobControl
from app.services.ledger import entry_values, now_utc
from app.store.profile_store import ProfileStore


class RowStatus(StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


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
    reason: str = ""  # why a line is rejected
    approval_reason: str = ""  # the council's agreement, for a category that needs one


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    layout: str
    account_id: int
    rows: tuple[PreviewRow, ...]
    closing: StatedBalance | None = None  # the balance the bank states in the file

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

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


@dataclass(frozen=True)
class ImportResult:
    added: int
    duplicates: int
    rejected: int
    entry_ids: tuple[int, ...]


@dataclass(frozen=True)
class AccountChoice:
    id: int
    name: str


class BankImportService:
    def __init__(self, store: ProfileStore, mappings: MappingStore | None = None) -> None:
        self.store = store
        self.mappings = mappings
        # Rows (by value) that passed the ledger's rules on a given day: validation is a pure
        # function of the row, the policy and the day, so commit need not repeat it for rows
        # the person left as previewed. An edited row is a different value: checked again.
        self._passed: set[tuple[PreviewRow, date]] = set()

    def categories(self) -> list[Category]:
        """The categories a preview row may take (for the choice beside each line)."""
        with self.store.read() as repos:
            return repos.categories.all()

    def policy(self) -> Policy:
        with self.store.read() as repos:
            return repos.policy()

    def accounts(self) -> list[AccountChoice]:
        with self.store.read() as repos:
            return [AccountChoice(a.id, a.name) for a in repos.accounts.all()]

    def account_id(self, name: str | None) -> int:
        """The account called `name` (any case), or the first account when no name is given."""
        accounts = self.accounts()
        if not accounts:
            raise DomainError(_("This profile has no account to record money in."))
        if name is None:
            return accounts[0].id
        for account in accounts:
            if account.name.casefold() == name.strip().casefold():
                return account.id
        raise DomainError(_("There is no account called “{name}”. The accounts are: {names}.")
                          .format(name=name, names=", ".join(a.name for a in accounts)))

    def remember_mapping(self, header: tuple[str, ...], mapping: ColumnMapping) -> None:
        """Keep the person's column choice so the next file with this header needs none."""
        if self.mappings is not None:
            self.mappings.save(header, mapping)

    def read(self, data: bytes, mapping: ColumnMapping | None = None) -> ParsedStatement:
        return read_statement(data, self.mappings, mapping)

    def preview(self, data: bytes, file_name: str, account_id: int,
                mapping: ColumnMapping | None = None, today: date | None = None,
                control: JobControl = NO_CONTROL) -> ImportPreview:
        """Read the file and mark each line; UnreadableStatement when it cannot be read."""
        control.step(0, 2, _("Reading the file…"))
        parsed = self.read(data, mapping)
        control.step(1, 2, _("Checking each line against your records…"))
        return self.preview_parsed(parsed, file_name, account_id, today)

    def preview_parsed(self, parsed: ParsedStatement, file_name: str, account_id: int,
                       today: date | None = None) -> ImportPreview:
        ids = import_ids(parsed.rows)
        rows: list[PreviewRow] = [PreviewRow(r.line, RowStatus.REJECTED, reason=r.reason)
                                  for r in parsed.rejected]
        with self.store.read() as repos:
            policy, start = repos.policy(), repos.accounts.records_start()
            existing = repos.entries.existing_import_ids(account_id, ids)
            memos = [bank_text(r.description, r.reference) for r in parsed.rows]
            since = min((r.on for r in parsed.rows), default=date.today()) - HISTORY
            suggester = Suggester(repos.conn, policy,
                                  [*memos, *(r.payee_text for r in parsed.rows)], since)
        day = today or date.today()
        for row, import_id, memo in zip(parsed.rows, ids, memos, strict=True):
            hint = suggester.suggest(memo, row.payee_text, row.amount.pence > 0)
            preview = PreviewRow(row.line, RowStatus.NEW, row.on, row.amount, memo,
                                 hint.payee[:MAX_PAYEE], hint.category_code, import_id)
            if import_id in existing:
                preview = replace(preview, status=RowStatus.DUPLICATE)
            else:
                preview = self._checked(preview, policy, day, start)
            rows.append(preview)
        rows.sort(key=lambda r: r.line)
        return ImportPreview(file_name, parsed.layout, account_id, tuple(rows), parsed.closing)

    def _checked(self, row: PreviewRow, policy: Policy, day: date, start: date | None
                 ) -> PreviewRow:
        problem = _problem(row, policy, day, start)
        if problem:
            return replace(row, status=RowStatus.REJECTED, reason=problem)
        self._passed.add((row, day))
        return row

    def commit(self, preview: ImportPreview, today: date | None = None,
               control: JobControl = NO_CONTROL) -> ImportResult:
        """Write every new line in one transaction; a bad line stops all, naming its line.
        Stopped part way (Cancel), the transaction is rolled back: nothing is added."""
        new = [r for r in preview.rows if r.status is RowStatus.NEW]
        cause = Cause("import", about={"file": preview.file_name, "layout": preview.layout,
                                       "account_id": preview.account_id})
        entry_ids: list[int] = []
        with self.store.write(cause) as (repos, writer):
            policy, start = repos.policy(), repos.accounts.records_start()
            # Checked again inside the transaction: another import may have added some since.
            existing = repos.entries.existing_import_ids(preview.account_id,
                                                         [r.import_id for r in new])
            fresh = [r for r in new if r.import_id not in existing]
            day = today or date.today()
            for row in fresh:
                if (row, day) in self._passed:
                    continue
                problem = _problem(row, policy, day, start)
                if problem:
                    raise ValidationError("line", _("Line {line}: {problem} Nothing was imported.")
                                          .format(line=row.line, problem=problem))
            control.step(1, 2, _("Adding the new lines…"))
            now = now_utc()
            entry_ids = writer.insert_many("entry", [
                entry_values(_draft(r), preview.account_id, None, self.store.actor, now,
                             import_id=r.import_id) for r in fresh])
            closing = preview.closing  # the statement's own balance, for the return
            if closing is not None and repos.accounts.stated(
                    preview.account_id, closing.on) != closing.balance:
                writer.insert("bank_balance", {
                    "account_id": preview.account_id, "on": closing.on,
                    "balance": closing.balance, "source": preview.file_name[:255]})
        self._passed.clear()
        return ImportResult(len(entry_ids), preview.count(RowStatus.DUPLICATE) + len(new)
                            - len(fresh), preview.count(RowStatus.REJECTED), tuple(entry_ids))


def _draft(row: PreviewRow) -> EntryDraft:
    assert row.on is not None and row.amount is not None
    return EntryDraft(row.on, row.amount, row.payee.strip(), row.category_code,
                      row.bank_text.strip(), row.approval_reason.strip())


def _problem(row: PreviewRow, policy: Policy, today: date, start: date | None) -> str:
    """Why the ledger would refuse this line, or '' when it is fine."""
    try:
        validate(_draft(row), policy, today, start)
    except DomainError as error:
        return str(error)
    return ""
