"""Importing a bank statement: preview every line as new, duplicate or rejected, then commit.

The preview is plain frozen data: a dialog can let the person change the suggested payee and
category (`ImportPreview.with_choice`) before `commit`, which writes every new line in ONE
transaction, or none of them. Importing the same file twice adds nothing: each line carries
an import id (see app/importers/bank/identity.py) that the second import finds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, bindparam, select, text
from sqlalchemy.orm import Session

from app.domain.categories import Category
from app.domain.entries import MAX_PAYEE, EntryDraft, validate
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.i18n import _
from app.importers.bank import ColumnMapping, MappingStore, ParsedStatement, read_statement
from app.importers.bank.identity import import_ids
from app.services.bank_suggest import HISTORY, Suggester, bank_text
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.store.audit_log import append_event
from app.store.models import AccountRow


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


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    layout: str
    account_id: int
    rows: tuple[PreviewRow, ...]

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    def with_choice(self, line: int, payee: str | None = None,
                    category_code: str | None = None) -> ImportPreview:
        """The same preview with the person's payee or category for the line `line`."""
        rows = tuple(
            replace(r, payee=r.payee if payee is None else payee,
                    category_code=r.category_code if category_code is None else category_code)
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
    def __init__(self, profile: OpenProfile, mappings: MappingStore | None = None) -> None:
        self.profile = profile
        self.mappings = mappings
        # Rows (by value) that passed the ledger's rules on a given day: validation is a pure
        # function of the row, the categories and the day, so commit need not repeat it for
        # rows the person left as previewed. An edited row is a different value: checked again.
        self._passed: set[tuple[PreviewRow, date]] = set()

    def categories(self) -> list[Category]:
        """The categories a preview row may take (for the choice beside each line)."""
        with self.profile.session() as s:
            return list(_categories(s).values())

    def accounts(self) -> list[AccountChoice]:
        with self.profile.session() as s:
            rows = s.execute(select(AccountRow.id, AccountRow.name).order_by(AccountRow.id))
            return [AccountChoice(i, n) for i, n in rows]

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
                mapping: ColumnMapping | None = None, today: date | None = None
                ) -> ImportPreview:
        """Read the file and mark each line; UnreadableStatement when it cannot be read."""
        return self.preview_parsed(self.read(data, mapping), file_name, account_id, today)

    def preview_parsed(self, parsed: ParsedStatement, file_name: str, account_id: int,
                       today: date | None = None) -> ImportPreview:
        ids = import_ids(parsed.rows)
        rows: list[PreviewRow] = [PreviewRow(r.line, RowStatus.REJECTED, reason=r.reason)
                                  for r in parsed.rejected]
        with self.profile.session() as s:
            categories = _categories(s)
            conn = s.connection()
            existing = _existing_ids(conn, account_id, ids)
            memos = [bank_text(r.description, r.reference) for r in parsed.rows]
            since = min((r.on for r in parsed.rows), default=date.today()) - HISTORY
            suggester = Suggester(conn, categories,
                                  [*memos, *(r.payee_text for r in parsed.rows)], since)
        for row, import_id, memo in zip(parsed.rows, ids, memos, strict=True):
            hint = suggester.suggest(memo, row.payee_text, row.amount.pence > 0)
            preview = PreviewRow(row.line, RowStatus.NEW, row.on, row.amount, memo,
                                 hint.payee[:MAX_PAYEE], hint.category_code, import_id)
            if import_id in existing:
                preview = replace(preview, status=RowStatus.DUPLICATE)
            else:
                preview = self._checked(preview, categories, today or date.today())
            rows.append(preview)
        rows.sort(key=lambda r: r.line)
        return ImportPreview(file_name, parsed.layout, account_id, tuple(rows))

    def _checked(self, row: PreviewRow, categories: dict[str, Category], day: date
                 ) -> PreviewRow:
        problem = _problem(row, categories, day)
        if problem:
            return replace(row, status=RowStatus.REJECTED, reason=problem)
        self._passed.add((row, day))
        return row

    def commit(self, preview: ImportPreview, today: date | None = None) -> ImportResult:
        """Write every new line in one transaction; a bad line stops all, naming its line."""
        new = [r for r in preview.rows if r.status is RowStatus.NEW]
        with self.profile.session() as s, s.begin():
            categories = _categories(s)
            # Checked again inside the transaction: another import may have added some since.
            existing = _existing_ids(s.connection(), preview.account_id, [r.import_id for r in new])
            fresh = [r for r in new if r.import_id not in existing]
            day = today or date.today()
            for row in fresh:
                if (row, day) in self._passed:
                    continue
                problem = _problem(row, categories, day)
                if problem:
                    raise ValidationError("line", _("Line {line}: {problem} Nothing was imported.")
                                          .format(line=row.line, problem=problem))
            entry_ids = self._write(s, preview, fresh)
        self._passed.clear()
        return ImportResult(len(entry_ids), preview.count(RowStatus.DUPLICATE) + len(new)
                            - len(fresh), preview.count(RowStatus.REJECTED), tuple(entry_ids))

    def _write(self, s: Session, preview: ImportPreview, rows: list[PreviewRow]) -> list[int]:
        if not rows:
            return []
        now = datetime.now(UTC).replace(tzinfo=None)
        values = [_entry_values(r, preview.account_id, self.profile.actor, now) for r in rows]
        conn = s.connection()
        before = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM entry").scalar_one()
        # Plain executemany: the ORM's per-row work costs more than the whole insert.
        conn.exec_driver_sql(_INSERT, [tuple(v[c] for c in _COLUMNS) for v in values])
        # Inside one write transaction SQLite numbers new rows max(id)+1, +2, ...; checked.
        entry_ids = list(range(before + 1, before + 1 + len(values)))
        count, last = conn.exec_driver_sql("SELECT count(*), max(id) FROM entry WHERE id > ?",
                                           (before,)).one()
        if (count, last) != (len(values), before + len(values)):
            raise RuntimeError("imported entries were not numbered in order")
        # One event for the whole file, listing every entry it made: the chain stays one
        # link per change the person made, and 10,000 lines do not mean 10,000 hashes.
        append_event(s, self.profile.actor, "import", "entry", f"{entry_ids[0]}-{entry_ids[-1]}",
                     {"file": preview.file_name, "layout": preview.layout,
                      "account_id": preview.account_id, "count": len(entry_ids),
                      "entries": [_snapshot(i, v) for i, v in zip(entry_ids, values, strict=True)]})
        return entry_ids


_COLUMNS = ("on", "amount", "account_id", "payee", "category_code", "support_plan_line", "memo",
            "approval_reason", "cleared", "reconciled", "import_id", "created_by", "created_at")
_INSERT = "INSERT INTO entry ({}) VALUES ({})".format(
    ", ".join(f'"{c}"' for c in _COLUMNS), ", ".join("?" for _c in _COLUMNS))


def _entry_values(row: PreviewRow, account_id: int, actor: str, now: datetime) -> dict[str, Any]:
    assert row.on is not None and row.amount is not None
    return {"on": row.on.isoformat(), "amount": row.amount.pence, "account_id": account_id,
            "payee": row.payee.strip(), "category_code": row.category_code,
            "support_plan_line": "", "memo": row.bank_text.strip(), "approval_reason": "",
            "cleared": False, "reconciled": False, "import_id": row.import_id,
            "created_by": actor, "created_at": now.strftime("%Y-%m-%d %H:%M:%S.%f")}


SNAPSHOT_FIELDS = ("id", "on", "amount_pence", "payee", "category", "memo", "import_id")


def _snapshot(entry_id: int, values: dict[str, Any]) -> list[Any]:
    """One imported entry in the import event, in the order of SNAPSHOT_FIELDS."""
    return [entry_id, values["on"], values["amount"], values["payee"], values["category_code"],
            values["memo"], values["import_id"]]


def _problem(row: PreviewRow, categories: dict[str, Category], today: date) -> str:
    """Why the ledger would refuse this line, or '' when it is fine."""
    assert row.on is not None and row.amount is not None
    draft = EntryDraft(row.on, row.amount, row.payee, row.category_code, row.bank_text)
    try:
        validate(draft, categories, today)
    except DomainError as error:
        return str(error)
    return ""


def _categories(s: Session) -> dict[str, Category]:
    # The ledger's own loader, so both paths validate against the same categories.
    return LedgerService._categories(s)


_EXISTING = text("SELECT import_id FROM entry WHERE account_id = :account "
                 "AND import_id IN :ids").bindparams(bindparam("ids", expanding=True))


def _existing_ids(conn: Connection, account_id: int, ids: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    for start in range(0, len(wanted), 5000):  # well under SQLite's bound-value limit (32766)
        chunk = wanted[start:start + 5000]
        found.update(conn.execute(_EXISTING, {"account": account_id, "ids": chunk}).scalars())
    return found
