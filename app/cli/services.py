"""`careledger services add|list`: the log of care received."""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from app.cli import EXIT_OK
from app.cli.common import opened
from app.domain.visits import Visit, VisitDraft, parse_hours
from app.i18n import _, format_date, format_money, parse_date, parse_money


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    services = subparsers.add_parser("services", help=_("Log the care you received."))
    actions = services.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=_("Add a visit or shift."))
    add.add_argument("--profile", dest="services_profile", default=None)
    add.add_argument("--date", default=None, help=_("Day of the visit (default: today)."))
    add.add_argument("--provider", required=True, help=_("Care agency or PA name."))
    add.add_argument("--provider-id", type=int, default=None,
                     help=_("Number of a chosen provider, when there is one."))
    add.add_argument("--planned", required=True, help=_("Planned hours, e.g. 2 or 1:30."))
    add.add_argument("--delivered", default=None, help=_("Hours delivered (default: planned)."))
    add.add_argument("--rate", required=True, help=_("Hourly rate, e.g. 18.50"))
    add.add_argument("--missed", action="store_true", help=_("The visit did not happen."))
    add.add_argument("--late", action="store_true", help=_("The visit started late."))
    add.add_argument("--note", default="")
    add.set_defaults(func=_add)

    listing = actions.add_parser("list", help=_("List visits, or one week as a timesheet."))
    listing.add_argument("--profile", dest="services_profile", default=None)
    listing.add_argument("--from", dest="start", default=None)
    listing.add_argument("--to", dest="end", default=None)
    listing.add_argument("--week", default=None, help=_("Any day of the week to show."))
    listing.set_defaults(func=_list)

    link = actions.add_parser("link", help=_("Say which visits a payment paid for."))
    link.add_argument("--profile", dest="services_profile", default=None)
    link.add_argument("entry", type=int, help=_("Number of the payment entry."))
    link.add_argument("visits", type=int, nargs="+", help=_("Numbers of the visits it paid."))
    link.set_defaults(func=_link)




def _add(args: argparse.Namespace) -> int:
    planned = parse_hours(args.planned)
    delivered = 0 if args.missed else parse_hours(args.delivered or args.planned)
    draft = VisitDraft(parse_date(args.date) if args.date else date.today(), args.provider,
                       planned, delivered, parse_money(args.rate), args.missed, args.late,
                       args.note, args.provider_id)
    with opened(args, args.services_profile) as ctx:
        visit = ctx.visits.add(draft)
    print(_("Logged visit {id}: {line}").format(id=visit.id, line=_line(visit)))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with opened(args, args.services_profile, read_only=True) as ctx:
        service = ctx.visits
        if args.week:
            sheet = service.timesheet(parse_date(args.week))
            visits = list(sheet.visits)
            print(_("Week from {start} to {end}").format(
                start=format_date(sheet.week_start),
                end=format_date(sheet.week_start + timedelta(days=6))))
        else:
            visits = service.visits(parse_date(args.start) if args.start else None,
                                    parse_date(args.end) if args.end else None)
    if not visits:
        print(_("No visits logged for that time."))
    for visit in visits:
        print(_line(visit))
    planned = sum(v.draft.planned_minutes for v in visits)
    delivered = sum(v.draft.delivered_minutes for v in visits)
    if visits:
        print(_("Total: {planned} planned, {delivered} delivered, {cost}").format(
            planned=_hours(planned), delivered=_hours(delivered),
            cost=format_money(sum(v.cost.pence for v in visits))))
    return EXIT_OK


def _link(args: argparse.Namespace) -> int:
    with opened(args, args.services_profile) as ctx:
        cover = ctx.visits.link_payment(args.entry, args.visits)
    print(_("Paid {paid} for {planned} invoiced; {delivered} delivered, worth {value}.").format(
        paid=format_money(cover.paid.pence), planned=_hours(cover.planned_minutes),
        delivered=_hours(cover.delivered_minutes),
        value=format_money(cover.delivered_value.pence)))
    if cover.overpaid.pence > 0:
        print(_("{amount} more was paid than the care delivered is worth.").format(
            amount=format_money(cover.overpaid.pence)))
    return EXIT_OK


def _hours(minutes: int) -> str:
    return _("{h}h{m:02d}").format(h=minutes // 60, m=minutes % 60)


def _line(visit: Visit) -> str:
    d = visit.draft
    flags = ([_("missed")] if d.missed else []) + ([_("late")] if d.late else [])
    text = _("{date}  {provider}: {planned} planned, {delivered} delivered at {rate}/h = {cost}")
    line = text.format(date=format_date(d.on), provider=d.provider_name,
                       planned=_hours(d.planned_minutes), delivered=_hours(d.delivered_minutes),
                       rate=format_money(d.rate_pence), cost=format_money(visit.cost.pence))
    return line + (f" ({', '.join(flags)})" if flags else "") + (f" – {d.note}" if d.note else "")
