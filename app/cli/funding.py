"""`careledger funding add|change|end|list` and `careledger plan add|list|change`: the money
coming in, and the support plan it pays for."""

from __future__ import annotations

import argparse

from app.cli import EXIT_OK
from app.cli.common import day, money, opened
from app.domain.funding import Frequency, StreamRequest, StreamType
from app.i18n import N_, _, format_date, format_money
from app.statements import text

STREAM_HELP = N_("council_dp (council direct payment), nhs_phb (NHS personal health budget), "
                 "ilf (Independent Living Fund) or isf (individual service fund)")


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    funding = subparsers.add_parser("funding", help=_("The funding paid in, and its rates."))
    actions = funding.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_("Add a funding stream from a date."))
    change = actions.add_parser("change", help=_("A new weekly amount from a date."))
    for parser in (add, change):
        parser.add_argument("--profile", dest="funding_profile", default=None)
        parser.add_argument("--stream", required=True, choices=[t.value for t in StreamType],
                            help=_(STREAM_HELP))
        parser.add_argument("--weekly", required=True, help=_("Gross weekly amount, e.g. 420"))
        parser.add_argument("--from", dest="start", required=True,
                            help=_("First day (YYYY-MM-DD)."))
        parser.add_argument("--contribution", default=None,
                            help=_("Your own weekly contribution to this stream."))
        parser.add_argument("--frequency", default=None, choices=[f.value for f in Frequency],
                            help=_("How often it is paid in."))
    add.set_defaults(func=_add)
    change.set_defaults(func=_change)

    end = actions.add_parser("end", help=_("Stop a funding stream after a day."))
    end.add_argument("--profile", dest="funding_profile", default=None)
    end.add_argument("--stream", required=True, choices=[t.value for t in StreamType])
    end.add_argument("--on", required=True, help=_("Last day paid for (YYYY-MM-DD)."))
    end.set_defaults(func=_end)

    listing = actions.add_parser("list", help=_("List the funding streams and their rates."))
    listing.add_argument("--profile", dest="funding_profile", default=None)
    listing.set_defaults(func=_list)

    plan = subparsers.add_parser("plan", help=_("The support plan's lines and budgets."))
    steps = plan.add_subparsers(dest="action", metavar="ACTION", required=True)
    line = steps.add_parser("add", help=_("Add a line of the support plan."))
    line.add_argument("name")
    line.add_argument("--profile", dest="funding_profile", default=None)
    line.add_argument("--weekly-budget", default=None, help=_("Its budget a week, e.g. 120"))
    line.set_defaults(func=_plan_add)
    lines = steps.add_parser("list", help=_("List the support plan's lines."))
    lines.add_argument("--profile", dest="funding_profile", default=None)
    lines.set_defaults(func=_plan_list)


def _add(args: argparse.Namespace) -> int:
    request = StreamRequest(
        StreamType(args.stream), money(args.weekly, "weekly"), day(args.start, "from"),
        Frequency(args.frequency or Frequency.FOUR_WEEKLY.value),
        money(args.contribution, "contribution") if args.contribution else money("0"))
    with opened(args, args.funding_profile) as ctx:
        stream = ctx.funding.add(request)
    print(_("Added {stream} from {date}: {weekly} a week.").format(
        stream=text.stream_label(stream.funder, stream.kind), date=format_date(stream.start),
        weekly=format_money(request.gross_weekly.pence)))
    return EXIT_OK


def _change(args: argparse.Namespace) -> int:
    with opened(args, args.funding_profile) as ctx:
        stream = ctx.funding.change(
            StreamType(args.stream), money(args.weekly, "weekly"), day(args.start, "from"),
            money(args.contribution, "contribution") if args.contribution else None,
            Frequency(args.frequency) if args.frequency else None)
    start = day(args.start, "from")
    print(_("{stream}: {weekly} a week from {date}.").format(
        stream=text.stream_label(stream.funder, stream.kind),
        weekly=format_money(stream.gross_weekly_on(start).pence), date=format_date(start)))
    return EXIT_OK


def _end(args: argparse.Namespace) -> int:
    with opened(args, args.funding_profile) as ctx:
        stream = ctx.funding.end(StreamType(args.stream), day(args.on, "on"))
    print(_("{stream} ends after {date}.").format(
        stream=text.stream_label(stream.funder, stream.kind), date=format_date(day(args.on))))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with opened(args, args.funding_profile, read_only=True) as ctx:
        streams = ctx.funding.streams()
    if not streams:
        print(_("No funding recorded. Add it with: careledger funding add"))
    for stream in streams:
        until = (_("until {date}").format(date=format_date(stream.end)) if stream.end
                 else _("no end date"))
        print(_("{stream} ({code}), paid {how}, from {start}, {until}").format(
            stream=text.stream_label(stream.funder, stream.kind), code=stream.stream_type.value,
            how=_(text.FREQUENCIES[stream.frequency.value]), start=format_date(stream.start),
            until=until))
        for rate in stream.rates:
            print("  " + _("from {date}: {weekly} a week, your contribution {own}").format(
                date=format_date(rate.start), weekly=format_money(rate.gross_weekly.pence),
                own=format_money(rate.contribution_weekly.pence)))
    return EXIT_OK


def _plan_add(args: argparse.Namespace) -> int:
    budget = money(args.weekly_budget, "weekly_budget") if args.weekly_budget else None
    with opened(args, args.funding_profile) as ctx:
        line = ctx.plan.add(args.name, budget)
    print(_("Added plan line {id}: {name}.").format(id=line.id, name=line.name))
    return EXIT_OK


def _plan_list(args: argparse.Namespace) -> int:
    with opened(args, args.funding_profile, read_only=True) as ctx:
        lines = ctx.plan.lines()
    if not lines:
        print(_("No support-plan lines yet. Add one with: careledger plan add NAME"))
    for line in lines:
        budget = (_("{amount} a week").format(amount=format_money(line.weekly_budget.pence))
                  if line.weekly_budget is not None else _("no budget recorded"))
        print(f"{line.id:>4}  {line.name}  ({budget})")
    return EXIT_OK
