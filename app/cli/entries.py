"""`careledger entries list`: the ledger with its running balance."""

from __future__ import annotations

import argparse
import csv
import sys

from app.cli import EXIT_OK, data_dir
from app.cli.secrets import read_passphrase
from app.csv_cells import safe_row
from app.domain.errors import DomainError
from app.i18n import _, active_locale, format_date, format_money, pence_to_plain
from app.services.ledger import LedgerService
from app.services.profiles import open_profile


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    entries = subparsers.add_parser("entries", help=_("Show the ledger."))
    actions = entries.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("List every entry with the balance."))
    listing.add_argument("--profile", dest="entries_profile", default=None)
    listing.add_argument("--csv", action="store_true", help=_("Print CSV instead of a table."))
    listing.set_defaults(func=_list)


def profile_name(args: argparse.Namespace, own: str | None) -> str:
    name = own or args.profile
    if not name:
        raise DomainError(_("Say which profile with --profile NAME."))
    return str(name)


def _list(args: argparse.Namespace) -> int:
    # Read only: listing never writes, so it never waits for (or blocks) another window.
    profile = open_profile(data_dir(args), profile_name(args, args.entries_profile),
                           read_passphrase(), read_only=True)
    try:
        ledger = LedgerService(profile)
        names = {c.code: c.name(active_locale()) for c in ledger.categories()}
        writer = csv.writer(sys.stdout) if args.csv else None
        if writer:
            writer.writerow(["date", "payee", "category", "amount", "balance", "memo"])
        after = None
        while rows := ledger.page(after):
            for row in rows:
                e = row.entry
                if writer:  # text cells neutralised: no formula runs in a spreadsheet
                    writer.writerow(safe_row([e.on.isoformat(), e.payee, e.category_code,
                                              pence_to_plain(e.amount.pence),
                                              pence_to_plain(row.balance.pence), e.memo]))
                else:
                    category = names.get(e.category_code, e.category_code)
                    print(f"{format_date(e.on):>12}  {e.payee[:28]:<28}  {category[:26]:<26}  "
                          f"{format_money(e.amount.pence):>12}  "
                          f"{format_money(row.balance.pence):>12}")
            after = (rows[-1].entry.on, rows[-1].entry.id)
    finally:
        profile.close()
    return EXIT_OK
