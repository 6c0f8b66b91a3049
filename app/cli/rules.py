"""`careledger rules list|show|choose`: the council rule templates, and the one a profile uses."""

from __future__ import annotations

import argparse

from app.cli import EXIT_OK
from app.cli.common import opened
from app.domain.council_rules import CouncilRule, LimitBasis, find_template, load_templates
from app.domain.documents import KIND_NAMES
from app.i18n import N_, _, active_locale
from app.statements.text import FREQUENCIES


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rules = subparsers.add_parser("rules", help=_(
        "The councils' rules for returns: list them, show one, choose one for a profile."))
    actions = rules.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("List the rule templates."))
    listing.set_defaults(func=_list)
    show = actions.add_parser("show", help=_("What a rule says, and the pages it comes from."))
    show.add_argument("code", help=_("The rule's code, from “rules list”."))
    show.set_defaults(func=_show)
    choose = actions.add_parser("choose", help=_("Use a rule for a profile's returns."))
    choose.add_argument("--profile", dest="rules_profile", default=None)
    choose.add_argument("code", help=_("The rule's code, from “rules list”."))
    choose.set_defaults(func=_choose)


def _list(_args: argparse.Namespace) -> int:
    for rule in load_templates():
        kind = _("published") if rule.published else _("model")
        print(f"{rule.code}  {rule.name(active_locale())} ({kind})")
    return EXIT_OK


BASIS_WORDS = {
    LimitBasis.GROSS: N_("counted on the whole weekly budget"),
    LimitBasis.NET: N_("counted on what the council pays in, less your contribution"),
}


def describe(rule: CouncilRule) -> list[str]:
    limit = (_("none published") if rule.weeks_held_limit is None
             else str(rule.weeks_held_limit))
    lines = [rule.name(active_locale()),
             _("Returns: {how}").format(how=_(FREQUENCIES[rule.return_frequency.value])),
             _("Weeks limit: {limit} ({basis}); contingency {contingency}; minimum {minimum}")
             .format(limit=limit, basis=_(BASIS_WORDS[rule.limit_basis]),
                     contingency=rule.contingency_weeks, minimum=rule.minimum_weeks)]
    if rule.records_years is not None:
        lines.append(_("Keep records for: {n} years").format(n=rule.records_years))
    if rule.required_evidence:
        lines.append(_("Evidence asked for: {kinds}").format(
            kinds=", ".join(_(KIND_NAMES[k]) for k in rule.required_evidence)))
    if rule.send_to is not None:
        lines.append(_("Send to: {who}").format(who="; ".join(
            p for p in (rule.send_to.name, rule.send_to.email, rule.send_to.address) if p)))
    lines += [f"  {s.title}: {s.url}" for s in rule.sources]
    return lines + [rule.about]


def _show(args: argparse.Namespace) -> int:
    print("\n".join(describe(find_template(args.code))))
    return EXIT_OK


def _choose(args: argparse.Namespace) -> int:
    rule = find_template(args.code)
    with opened(args, args.rules_profile) as ctx:
        ctx.rules.choose_rule(rule)
    print(_("Returns now follow “{name}”.").format(name=rule.name(active_locale())))
    return EXIT_OK
