"""`careledger payee-rules list|add|change|remove`: which bank words are which payee."""

from __future__ import annotations

import argparse

from app.cli import EXIT_OK
from app.cli.common import opened
from app.domain.payees import PayeeRule
from app.i18n import _
from app.services.payees import RuleDraft


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rules = subparsers.add_parser("payee-rules", help=_(
        "Rules that name bank lines: learned from your corrections, or added here."))
    actions = rules.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("List the rules."))
    listing.add_argument("--profile", dest="rules_profile", default=None)
    listing.set_defaults(func=_list)

    add = actions.add_parser("add", help=_("Add a rule."))
    add.add_argument("--words", required=True, help=_("Words the bank uses, e.g. \"J EVANS\"."))
    add.add_argument("--payee", required=True, help=_("Who it is, e.g. \"Jo Evans (PA)\"."))
    add.add_argument("--category", default=None, help=_("Category code, e.g. pa_wages."))
    add.add_argument("--profile", dest="rules_profile", default=None)
    add.set_defaults(func=_add)

    change = actions.add_parser("change", help=_("Change a rule."))
    change.add_argument("id", type=int)
    change.add_argument("--words", default=None)
    change.add_argument("--payee", default=None)
    change.add_argument("--category", default=None, help=_("A category code, or \"none\"."))
    change.add_argument("--profile", dest="rules_profile", default=None)
    change.set_defaults(func=_change)

    remove = actions.add_parser("remove", help=_("Remove a rule."))
    remove.add_argument("id", type=int)
    remove.add_argument("--profile", dest="rules_profile", default=None)
    remove.set_defaults(func=_remove)


def _list(args: argparse.Namespace) -> int:
    with opened(args, args.rules_profile, read_only=True) as ctx:
        rules = ctx.payee_rules.rules()
    if not rules:
        print(_("No payee rules yet. They are learned when you correct an imported line, or "
                "add one with: careledger payee-rules add"))
    for rule in rules:
        print(_line(rule))
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    with opened(args, args.rules_profile) as ctx:
        rule = ctx.payee_rules.add(RuleDraft(args.words, args.payee, args.category))
    print(_("Added: {rule}").format(rule=_line(rule)))
    return EXIT_OK


def _change(args: argparse.Namespace) -> int:
    with opened(args, args.rules_profile) as ctx:
        old = ctx.payee_rules.get(args.id)
        category = old.category_code if args.category is None else (
            None if args.category.casefold() == "none" else args.category)
        rule = ctx.payee_rules.change(args.id, RuleDraft(
            args.words if args.words is not None else old.words,
            args.payee if args.payee is not None else old.payee, category))
    print(_("Changed: {rule}").format(rule=_line(rule)))
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    with opened(args, args.rules_profile) as ctx:
        rule = ctx.payee_rules.get(args.id)
        ctx.payee_rules.remove(args.id)
    print(_("Removed: {rule}").format(rule=_line(rule)))
    return EXIT_OK


def _line(rule: PayeeRule) -> str:
    how = _("learned") if rule.learned else _("added")
    category = rule.category_code or "-"
    return f"{rule.id:>4}  “{rule.words}” → {rule.payee}  [{category}]  ({how})"
