"""`careledger summary`: the Money tab's figures for a day, as words or JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date

from app.cli import EXIT_OK
from app.cli.common import day, opened
from app.i18n import _, format_date, format_money, format_number, pence_to_plain
from app.services.summary import Summary


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = subparsers.add_parser("summary", help=_(
        "Balance, weeks held, limit and surplus on a day: the Money tab's figures."))
    cmd.add_argument("--profile", dest="summary_profile", default=None)
    cmd.add_argument("--on", default=None, help=_("The day (YYYY-MM-DD); today if left out."))
    cmd.add_argument("--json", action="store_true", help=_("Print JSON for scripts."))
    cmd.set_defaults(func=_summary)


def as_json(s: Summary) -> dict[str, object]:
    """Amounts as plain pounds ("123.45"), days as YYYY-MM-DD, weeks to one place."""
    return {
        "on": s.on.isoformat(), "balance": pence_to_plain(s.balance.pence),
        "weeks_held": None if s.weeks_held is None else str(s.weeks_held),
        "weeks_limit": s.weeks_limit, "contingency_weeks": s.position.contingency_weeks,
        "gross_weekly": pence_to_plain(s.position.gross_weekly.pence),
        "limit_basis": s.position.basis.value,
        "limit_weekly": pence_to_plain(s.position.weekly.pence),
        "minimum": pence_to_plain(s.position.minimum.pence),
        "owed": pence_to_plain(s.position.owed.pence),
        "surplus": pence_to_plain(s.surplus.pence),
        "period_start": s.period.start.isoformat(), "period_end": s.period.end.isoformat(),
        "money_in": pence_to_plain(s.money_in.pence),
        "money_out": pence_to_plain(s.money_out.pence),
    }


def _summary(args: argparse.Namespace) -> int:
    on = day(args.on, "on", default=date.today())
    with opened(args, args.summary_profile, read_only=True) as ctx:
        summary = ctx.summary.on(on)
    if args.json:
        print(json.dumps(as_json(summary), indent=2))
        return EXIT_OK
    weeks = (_("no weekly budget recorded") if summary.weeks_held is None
             else format_number(summary.weeks_held, 1))
    print(_("On {date}: balance {balance}; weeks held {weeks} (limit {limit}, contingency "
            "{contingency}); owed {owed}; surplus {surplus}.").format(
        date=format_date(on), balance=format_money(summary.balance.pence), weeks=weeks,
        limit=_("none published") if summary.weeks_limit is None else summary.weeks_limit,
        contingency=summary.position.contingency_weeks,
        owed=format_money(summary.position.owed.pence),
        surplus=format_money(summary.surplus.pence)))
    print(_("This period, {start} to {end}: {money_in} in, {money_out} out.").format(
        start=format_date(summary.period.start), end=format_date(summary.period.end),
        money_in=format_money(summary.money_in.pence),
        money_out=format_money(summary.money_out.pence)))
    return EXIT_OK
