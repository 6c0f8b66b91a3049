"""`careledger accounts list|add|change`: a profile's accounts, their kinds, and how many days
apart bank lines and entries may be matched."""

from __future__ import annotations

import argparse

from app.cli import EXIT_OK
from app.cli.common import day, money, opened
from app.domain.accounts import Account, AccountKind
from app.i18n import _, format_date, format_money

KINDS = {"current": AccountKind.CURRENT, "prepaid": AccountKind.PREPAID_CARD,
         "credit": AccountKind.CREDIT_CARD, "cash": AccountKind.CASH}


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    accounts = subparsers.add_parser("accounts", help=_("A profile's accounts and cards."))
    actions = accounts.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("List the accounts."))
    listing.add_argument("--profile", dest="accounts_profile", default=None)
    listing.set_defaults(func=_list)

    add = actions.add_parser("add", help=_("Add an account, card or cash tin."))
    add.add_argument("name")
    add.add_argument("--kind", choices=list(KINDS), default="current")
    add.add_argument("--opening-balance", default="0", help=_("Money in it when records start."))
    add.add_argument("--from", dest="start", default=None, help=_("Its records start (date)."))
    add.add_argument("--profile", dest="accounts_profile", default=None)
    add.set_defaults(func=_add)

    change = actions.add_parser("change", help=_("Rename an account or change its kind."))
    change.add_argument("account", help=_("The account's name or number."))
    change.add_argument("--name", default=None)
    change.add_argument("--kind", choices=list(KINDS), default=None, help=_(
        "current, prepaid, credit or cash: on a credit card a bank file's positive amounts "
        "are spending."))
    change.add_argument("--match-days", type=int, default=None, help=_(
        "How many days apart a bank line and an entry may be dated and still be matched."))
    change.add_argument("--profile", dest="accounts_profile", default=None)
    change.set_defaults(func=_change)


def _list(args: argparse.Namespace) -> int:
    with opened(args, args.accounts_profile, read_only=True) as ctx:
        for account in ctx.accounts.accounts():
            print(_line(account))
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    with opened(args, args.accounts_profile) as ctx:
        account = ctx.accounts.add(args.name, KINDS[args.kind], money(args.opening_balance),
                                   day(args.start) if args.start else None)
    print(_("Added: {account}").format(account=_line(account)))
    return EXIT_OK


def _change(args: argparse.Namespace) -> int:
    with opened(args, args.accounts_profile) as ctx:
        account_id = (int(args.account) if args.account.isdigit()
                      else ctx.imports.account_id(args.account))
        account = ctx.accounts.change(account_id, args.name,
                                      KINDS[args.kind] if args.kind else None, args.match_days)
    print(_("Changed: {account}").format(account=_line(account)))
    return EXIT_OK


def _line(account: Account) -> str:
    return _("{id}  {name} ({kind}), from {start} with {opening}; bank lines matched up to "
             "{days} days apart").format(
        id=account.id, name=account.name, kind=account.account_kind.label(),
        start=format_date(account.opening_date),
        opening=format_money(account.opening_balance.pence), days=account.days_to_match)
