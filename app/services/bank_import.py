"""Importing a bank statement: preview every line as new, matched, duplicate, pending or
rejected, then commit.

`commit` writes every new line and every accepted match in ONE transaction, or none of them.
A new line becomes an entry already ticked as on the bank statement; a matched line marks the
entry it matched as on the statement and records the link (app/store/models_bank.bank_match_table),
so nothing is counted twice: not an entry typed by hand before the statement came, not the
same payments in an OFX and a CSV of one account. Importing the same file twice adds nothing:
each line carries an import id (see app/importers/bank/identity.py) that the second import
finds, whether the line was added or matched. Corrections the person makes to a payee or
category are remembered as payee rules for the next statement.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.domain.accounts import Account
from app.domain.audit import Cause
from app.domain.categories import Category
from app.domain.entries import MAX_PAYEE, EntryDraft, validate
from app.domain.errors import DomainError, ValidationError
from app.domain.matching import BankLine, LedgerEntry, Match, match_lines
from app.domain.money import Money
from app.domain.policy import Policy
from app.i18n import _
from app.importers.bank import ColumnMapping, MappingStore, ParsedStatement, read_statement
from app.importers.bank.identity import import_ids
from app.importers.bank.model import Signs, StatementRow
from app.services.bank_preview import ImportPreview, MatchedEntry, PreviewRow, RowStatus
from app.services.bank_suggest import HISTORY, Suggester, bank_text
from app.services.jobs import NO_CONTROL, JobControl
from app.services.ledger import entry_values, now_utc
from app.services.payees import learn_all, payee_book
from app.store.profile_store import ProfileStore
from app.store.repos import Repos

if TYPE_CHECKING:
    from app.store.writer import Writer  # SQLAlchemy: loaded at the first write

__all__ = ["AccountChoice", "BankImportService", "ImportPreview", "ImportResult",
           "MatchedEntry", "PreviewRow", "RowStatus"]


@dataclass(frozen=True)
class ImportResult:
    added: int
    duplicates: int
    rejected: int
    entry_ids: tuple[int, ...]  # the entries added
    matched: int = 0
    matched_ids: tuple[int, ...] = ()  # the entries bank lines were matched to
    pending: int = 0
    learned: int = 0  # payee rules learned or changed from the person's corrections


@dataclass(frozen=True)
class AccountChoice:
    id: int
    name: str
    kind: str = "bank"


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
            return [AccountChoice(a.id, a.name, a.kind) for a in repos.accounts.all()]

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
        if self.mappings is not None and any(header):  # a file without a header: no key
            self.mappings.save(header, mapping)

    def read(self, data: bytes, mapping: ColumnMapping | None = None) -> ParsedStatement:
        return read_statement(data, self.mappings, mapping)

    def preview(self, data: bytes, file_name: str, account_id: int,
                mapping: ColumnMapping | None = None, today: date | None = None,
                control: JobControl = NO_CONTROL, positive_is_money_in: bool | None = None,
                match_days: int | None = None) -> ImportPreview:
        """Read the file and mark each line; UnreadableStatement when it cannot be read."""
        control.step(0, 2, _("Reading the file…"))
        parsed = self.read(data, mapping)
        control.step(1, 2, _("Checking each line against your records…"))
        return self.preview_parsed(parsed, file_name, account_id, today,
                                   positive_is_money_in, match_days)

    def preview_parsed(self, parsed: ParsedStatement, file_name: str, account_id: int,
                       today: date | None = None, positive_is_money_in: bool | None = None,
                       match_days: int | None = None) -> ImportPreview:
        """Each line marked. `positive_is_money_in` says what a bare positive amount means
        when the file itself does not (None: the account's kind decides); `match_days` how
        far apart a line and an entry may be dated (None: the account's own setting)."""
        with self.store.read() as repos:
            account = _account(repos, account_id)
            positive_in = (account.account_kind.positive_is_money_in
                           if positive_is_money_in is None else positive_is_money_in)
            reverse = parsed.signs is Signs.AMOUNT_COLUMN and not positive_in
            if reverse:
                parsed = parsed.with_amounts_reversed()
            days = account.days_to_match if match_days is None else match_days
            rows = self._rows(repos, parsed, account_id, days, today or date.today())
        columns = tuple((role, parsed.header[i] if i < len(parsed.header) else str(i + 1))
                        for role, i in parsed.columns) if parsed.guessed else ()
        width = 1 + max((i for _role, i in parsed.columns), default=-1)
        header = parsed.header or ("",) * width  # no header: the columns go by number
        return ImportPreview(file_name, parsed.layout, account_id, tuple(rows), parsed.closing,
                             Signs.AMOUNT_COLUMN if reverse else parsed.signs, reverse,
                             columns, days, header, parsed.columns)

    def _rows(self, repos: Repos, parsed: ParsedStatement, account_id: int, days: int,
              day: date) -> list[PreviewRow]:
        ids = import_ids(parsed.rows)
        claimed = repos.matches.claimed(account_id, ids)
        policy, start = repos.policy(), repos.accounts.records_start()
        memos = [bank_text(r.description, r.reference) for r in parsed.rows]
        since = min((r.on for r in parsed.rows), default=day) - HISTORY
        suggester = Suggester(repos.conn, policy,
                              [(m, r.payee_text) for m, r in zip(memos, parsed.rows, strict=True)],
                              since, payee_book(repos))
        rows = [PreviewRow(r.line, RowStatus.REJECTED, reason=r.reason) for r in parsed.rejected]
        rows += [PreviewRow(p.line, RowStatus.PENDING, p.on, p.amount, p.description,
                            reason=_("Still pending at the bank: import it once it has gone "
                                     "through.")) for p in parsed.pending]
        fresh: list[PreviewRow] = []
        for row, import_id, memo in zip(parsed.rows, ids, memos, strict=True):
            hint = suggester.suggest(memo, row.payee_text, row.amount.pence > 0)
            payee = hint.payee[:MAX_PAYEE]
            preview = PreviewRow(row.line, RowStatus.NEW, row.on, row.amount, memo, payee,
                                 hint.category_code, import_id,
                                 suggested=(payee.strip(), hint.category_code),
                                 source=hint.source)
            if import_id in claimed:
                rows.append(replace(preview, status=RowStatus.DUPLICATE))
            else:
                fresh.append(preview)
        matches = _matches(repos, account_id, fresh, parsed.rows, days, set(claimed.values()))
        for preview in fresh:
            found = matches.get(preview.line)
            rows.append(replace(preview, status=RowStatus.MATCHED, match=found) if found
                        else self._checked(preview, policy, day, start))
        rows.sort(key=lambda r: r.line)
        return rows

    def _checked(self, row: PreviewRow, policy: Policy, day: date, start: date | None
                 ) -> PreviewRow:
        problem = _problem(row, policy, day, start)
        if problem:
            return replace(row, status=RowStatus.REJECTED, reason=problem)
        self._passed.add((row, day))
        return row

    def commit(self, preview: ImportPreview, today: date | None = None,
               control: JobControl = NO_CONTROL) -> ImportResult:
        """Write every new line and every accepted match in one transaction; a bad line
        stops all, naming its line. Stopped part way (Cancel), the transaction is rolled
        back: nothing is added."""
        new = [r for r in preview.rows if r.status is RowStatus.NEW]
        matched = [r for r in preview.rows if r.status is RowStatus.MATCHED]
        cause = Cause("import", about={"file": preview.file_name, "layout": preview.layout,
                                       "account_id": preview.account_id})
        with self.store.write(cause) as (repos, writer):
            _account(repos, preview.account_id)
            # Checked again inside the transaction: another import may have added some since.
            claimed = repos.matches.claimed(preview.account_id,
                                            [r.import_id for r in new + matched])
            fresh = [r for r in new if r.import_id not in claimed]
            linked = [r for r in matched if r.import_id not in claimed]
            self._check_new(repos, fresh, today or date.today())
            control.step(1, 2, _("Adding the new lines…"))
            now = now_utc()
            entry_ids = writer.insert_many("entry", [
                entry_values(_draft(r), preview.account_id, None, self.store.actor, now,
                             import_id=r.import_id, cleared=True) for r in fresh])
            matched_ids = _link(repos, writer, preview, linked)
            learned = self._learn(repos, writer, fresh, linked)
            _keep_closing(repos, writer, preview)
        self._passed.clear()
        return ImportResult(len(entry_ids), preview.count(RowStatus.DUPLICATE)
                            + len(new) - len(fresh) + len(matched) - len(linked),
                            preview.count(RowStatus.REJECTED), tuple(entry_ids),
                            len(matched_ids), tuple(matched_ids),
                            preview.count(RowStatus.PENDING), learned)

    def _check_new(self, repos: Repos, rows: list[PreviewRow], day: date) -> None:
        policy, start = repos.policy(), repos.accounts.records_start()
        for row in rows:
            if (row, day) in self._passed:
                continue
            problem = _problem(row, policy, day, start)
            if problem:
                raise ValidationError("line", _("Line {line}: {problem} Nothing was imported.")
                                      .format(line=row.line, problem=problem))

    def _learn(self, repos: Repos, writer: Writer, added: list[PreviewRow],
               linked: list[PreviewRow]) -> int:
        """Payee rules from what the person corrected, and from the payee they had typed for
        a payment the bank names differently (certain matches only: never from a guess)."""
        taught = [(r.bank_text, r.payee, r.category_code) for r in added if r.corrected]
        taught += [(r.bank_text, r.match.payee, r.match.category_code) for r in linked
                   if r.match is not None and r.match.certain
                   and r.match.payee.strip() != r.suggested[0]]
        return learn_all(repos, writer, self.store.actor, taught)


def _account(repos: Repos, account_id: int) -> Account:
    account = repos.accounts.get(account_id)
    if account is None:
        raise DomainError(_("That account no longer exists."))
    return account


def _matches(repos: Repos, account_id: int, fresh: list[PreviewRow],
             rows: tuple[StatementRow, ...], days: int, claimed: set[int]
             ) -> dict[int, MatchedEntry]:
    """Line -> the entry already in the ledger it is, for lines not imported before."""
    if not fresh:
        return {}
    texts = {r.line: (r.description, r.payee, r.reference) for r in rows}
    lines = [BankLine(r.line, r.on, r.amount.pence, texts[r.line], r.payee)
             for r in fresh if r.on is not None and r.amount is not None]
    first, last = min(ln.on for ln in lines), max(ln.on for ln in lines)
    entries = [e for e in repos.matches.candidates(
        account_id, first - timedelta(days=days), last + timedelta(days=days),
        {ln.pence for ln in lines}) if e.entry_id not in claimed]
    found: dict[int, Match] = match_lines(lines, entries, days)
    by_id: dict[int, LedgerEntry] = {e.entry_id: e for e in entries}
    return {line: MatchedEntry(m.entry_id, by_id[m.entry_id].on, Money(by_id[m.entry_id].pence),
                               by_id[m.entry_id].payee, by_id[m.entry_id].category_code,
                               m.certain)
            for line, m in found.items()}


def _link(repos: Repos, writer: Writer, preview: ImportPreview, rows: list[PreviewRow]
          ) -> list[int]:
    """Mark each matched entry as on the statement, and keep the bank line beside it."""
    used: list[int] = []
    links = []
    entries = repos.entries.by_ids([r.match.entry_id for r in rows if r.match is not None])
    for row in rows:
        assert row.match is not None and row.on is not None and row.amount is not None
        entry = entries.get(row.match.entry_id)
        if entry is None or entry.account_id != preview.account_id \
                or entry.amount != row.amount or entry.id in used:
            raise ValidationError("line", _(
                "Line {line}: the entry it matched has been changed or deleted since. Check "
                "the file again. Nothing was imported.").format(line=row.line))
        used.append(entry.id)
        links.append({"entry_id": entry.id, "account_id": preview.account_id,
                      "import_id": row.import_id, "on": row.on, "amount": row.amount,
                      "bank_text": row.bank_text, "source": preview.file_name[:255]})
    writer.update_many("entry", used, {"cleared": True})
    writer.insert_many("bank_match", links)
    return used


def _keep_closing(repos: Repos, writer: Writer, preview: ImportPreview) -> None:
    """The statement's own balance, for the return and for checking against the statement."""
    closing = preview.closing
    if closing is not None and repos.accounts.stated(
            preview.account_id, closing.on) != closing.balance:
        writer.insert("bank_balance", {
            "account_id": preview.account_id, "on": closing.on,
            "balance": closing.balance, "source": preview.file_name[:255]})


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
