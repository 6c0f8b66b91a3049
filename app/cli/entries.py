"""`careledger entries list|add|change|delete`: the ledger with its running balance."""

from __future__ import annotations

import argparse
import csv
import sys

from app.cli import EXIT_OK
from app.cli.common import day, money, opened, profile_name
from app.csv_cells import safe_row
from app.domain.entries import Entry, EntryDraft
from app.domain.errors import NeedsConfirmation
from app.i18n import _, active_locale, format_date, format_money, pence_to_plain
from app.services.ledger import ReconciledEntryChange

__all__ = ["profile_name"]


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    entries = subparsers.add_parser("entries", help=_("Show and change the ledger."))
    actions = entries.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("List every entry with the balance."))
    listing.add_argument("--profile", dest="entries_profile", default=None)
    listing.add_argument("--csv", action="store_true", help=_("Print CSV instead of a table."))
    listing.set_defaults(func=_list)

    add = actions.add_parser("add", help=_("Record money in (positive) or out (negative)."))
    _entry_arguments(add, required=True)
    add.set_defaults(func=_add)

    change = actions.add_parser("change", help=_("Change an entry (give only what changes)."))
    change.add_argument("id", type=int, help=_("Number of the entry."))
    _entry_arguments(change, required=False)
    change.add_argument("--confirm", action="store_true",
                        help=_("Yes, change an entry checked against a bank statement."))
    change.set_defaults(func=_change)

    delete = actions.add_parser("delete", help=_("Delete an entry."))
    delete.add_argument("id", type=int, help=_("Number of the entry."))
    delete.add_argument("--profile", dest="entries_profile", default=None)
    delete.add_argument("--confirm", action="store_true",
                        help=_("Yes, delete an entry checked against a bank statement."))
    delete.set_defaults(func=_delete)


def _entry_arguments(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--profile", dest="entries_profile", default=None)
    parser.add_argument("--date", required=required, help=_("Day (YYYY-MM-DD)."))
    parser.add_argument("--payee", required=required, help=_("Who was paid, or who paid in."))
    parser.add_argument("--amount", required=required,
                        help=_("Amount: negative for money out, e.g. -120.50"))
    parser.add_argument("--category", required=required, help=_("Category code, e.g. pa_wages."))
    parser.add_argument("--plan-line", default=None,
                        help=_("The support-plan line it pays for (added to the plan if new)."))
    parser.add_argument("--memo", default=None, help=_("A note."))
    parser.add_argument("--reason", default=None,
                        help=_("How the council agreed it, for spending that needs agreement."))


def _list(args: argparse.Namespace) -> int:
    with opened(args, args.entries_profile, read_only=True) as ctx:
        names = {c.code: c.name(active_locale()) for c in ctx.ledger.categories()}
        writer = csv.writer(sys.stdout) if args.csv else None
        if writer:
            writer.writerow(["id", "date", "payee", "category", "amount", "balance", "memo"])
        after = None
        while rows := ctx.ledger.page(after):
            for row in rows:
                e = row.entry
                if writer:  # text cells neutralised: no formula runs in a spreadsheet
                    writer.writerow(safe_row([e.id, e.on.isoformat(), e.payee, e.category_code,
                                              pence_to_plain(e.amount.pence),
                                              pence_to_plain(row.balance.pence), e.memo]))
                else:
                    category = names.get(e.category_code, e.category_code)
                    print(f"{e.id:>6}  {format_date(e.on):>12}  {e.payee[:28]:<28}  "
                          f"{category[:26]:<26}  {format_money(e.amount.pence):>12}  "
                          f"{format_money(row.balance.pence):>12}")
            after = (rows[-1].entry.on, rows[-1].entry.id)
    return EXIT_OK


def _draft(args: argparse.Namespace, old: Entry | None = None, plan_name: str = ""
           ) -> EntryDraft:
    def given(value: str | None, current: str) -> str:
        return current if value is None else value

    return EntryDraft(
        on=day(args.date) if args.date else old.on,  # type: ignore[union-attr]
        amount=money(args.amount) if args.amount else old.amount,  # type: ignore[union-attr]
        payee=given(args.payee, old.payee if old else ""),
        category_code=given(args.category, old.category_code if old else ""),
        memo=given(args.memo, old.memo if old else ""),
        approval_reason=given(args.reason, old.approval_reason if old else ""),
        plan_line=given(args.plan_line, plan_name))


def _explain(error: NeedsConfirmation) -> NeedsConfirmation:
    """The same question, with the flag that answers it on the command line."""
    if isinstance(error, ReconciledEntryChange):
        return NeedsConfirmation(str(error) + " " + _("Add --confirm to go ahead."))
    return NeedsConfirmation(str(error) + " " + _("Add --reason to record it."))


def _add(args: argparse.Namespace) -> int:
    with opened(args, args.entries_profile) as ctx:
        try:
            entry = ctx.ledger.add_entry(_draft(args))
        except NeedsConfirmation as error:
            raise _explain(error) from error
    print(_("Added entry {id}: {amount} {payee}, {date}.").format(
        id=entry.id, amount=format_money(entry.amount.pence), payee=entry.payee,
        date=format_date(entry.on)))
    return EXIT_OK


def _change(args: argparse.Namespace) -> int:
    with opened(args, args.entries_profile) as ctx:
        old = ctx.ledger.get_entry(args.id)
        lines = {line.id: line.name for line in ctx.ledger.plan_lines()}
        draft = _draft(args, old, lines.get(old.plan_line_id or 0, ""))
        try:
            entry = ctx.ledger.update_entry(args.id, draft, confirmed=args.confirm)
        except NeedsConfirmation as error:
            raise _explain(error) from error
    print(_("Changed entry {id}: {amount} {payee}, {date}.").format(
        id=entry.id, amount=format_money(entry.amount.pence), payee=entry.payee,
        date=format_date(entry.on)))
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    with opened(args, args.entries_profile) as ctx:
        try:
            ctx.ledger.delete_entry(args.id, confirmed=args.confirm)
        except NeedsConfirmation as error:
            raise _explain(error) from error
    print(_("Deleted entry {id}.").format(id=args.id))
    return EXIT_OK
