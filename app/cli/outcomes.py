"""`careledger outcomes add|change|remove|rate|list|areas|link`: the support plan's outcomes in
the person's words, rated over time and linked to the money."""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta

from app.cli import EXIT_OK
from app.cli.common import day, opened
from app.domain.errors import ValidationError
from app.domain.funding import Period
from app.i18n import _, active_locale, format_date, format_money
from app.outcomes.areas import all_areas, area, list_of
from app.outcomes.model import Outcome, OutcomeDraft, RatedBy, score_words
from app.outcomes.report import OutcomeReport
from app.statements.outcomes_text import deliverer_text


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    outcomes = subparsers.add_parser("outcomes", help=_(
        "The outcomes in your support plan: add them, rate how they are going, see the money."))
    actions = outcomes.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=_("Add an outcome in your own words."))
    add.add_argument("--profile", dest="outcomes_profile", default=None)
    add.add_argument("text", help=_("The outcome, e.g. “Get to the allotment twice a week”."))
    add.add_argument("--area", required=True, help=_("Its area in law (see outcomes areas)."))
    add.add_argument("--plan-line", dest="plan_line", action="append", default=[],
                     help=_("A support-plan line that pays for it (may be given again)."))
    add.add_argument("--measure", default="", help=_("How you will know it is happening."))
    add.set_defaults(func=_add)

    change = actions.add_parser("change", help=_("Change an outcome's words, area or lines."))
    change.add_argument("--profile", dest="outcomes_profile", default=None)
    change.add_argument("id", type=int)
    change.add_argument("--text", default=None)
    change.add_argument("--area", default=None)
    change.add_argument("--plan-line", dest="plan_line", action="append", default=None,
                        help=_("The support-plan lines that pay for it (replacing those set)."))
    change.add_argument("--measure", default=None)
    change.set_defaults(func=_change)

    remove = actions.add_parser("remove", help=_("Remove an outcome and its ratings."))
    remove.add_argument("--profile", dest="outcomes_profile", default=None)
    remove.add_argument("id", type=int)
    remove.set_defaults(func=_remove)

    rate = actions.add_parser("rate", help=_("Say how an outcome is going: 1 to 4."))
    rate.add_argument("--profile", dest="outcomes_profile", default=None)
    rate.add_argument("id", type=int, help=_("Number of the outcome (see outcomes list)."))
    rate.add_argument("score", type=int, help=_(
        "1 not happening yet, 2 a little, 3 mostly, 4 yes, as I want it."))
    rate.add_argument("--on", default=None, help=_("Day of the check-in (default: today)."))
    rate.add_argument("--note", default="", help=_("A note in your own words."))
    rate.add_argument("--with-carer", action="store_true",
                      help=_("A carer gave the rating with you."))
    rate.set_defaults(func=_rate)

    listing = actions.add_parser("list", help=_("List outcomes with their ratings and money."))
    listing.add_argument("--profile", dest="outcomes_profile", default=None)
    listing.add_argument("--from", dest="start", default=None,
                         help=_("First day for the money (default: a year ago)."))
    listing.add_argument("--to", dest="end", default=None,
                         help=_("Last day for the money (default: today)."))
    listing.add_argument("--json", action="store_true", help=_("Print JSON for scripts."))
    listing.set_defaults(func=_list)

    areas = actions.add_parser("areas", help=_("The outcome areas in law, with their codes."))
    areas.set_defaults(func=_areas)

    link = actions.add_parser("link", help=_("Say which outcome a payment or visit served."))
    link.add_argument("--profile", dest="outcomes_profile", default=None)
    what = link.add_mutually_exclusive_group(required=True)
    what.add_argument("--entry", type=int, default=None, help=_("Number of the payment."))
    what.add_argument("--visit", type=int, default=None, help=_("Number of the visit."))
    link.add_argument("outcome", help=_("Number of the outcome, or “none”."))
    link.set_defaults(func=_link)


def _add(args: argparse.Namespace) -> int:
    with opened(args, args.outcomes_profile) as ctx:
        known = {line.name.casefold(): line.id for line in ctx.plan.lines()}
        ids = tuple(known[n.strip().casefold()] for n in args.plan_line
                    if n.strip().casefold() in known)
        new = [n for n in args.plan_line if n.strip().casefold() not in known]
        outcome = ctx.outcomes.add(OutcomeDraft(args.text, args.area, ids, args.measure),
                                   new_plan_line=new[0] if new else "")
        for name in new[1:]:  # each further new line: added, then set on the outcome
            line = ctx.plan.add(name)
            outcome = ctx.outcomes.change(outcome.id, _draft(outcome, plan_line_ids=(
                *outcome.plan_line_ids, line.id)))
    print(_("Added outcome {id}: {text}").format(id=outcome.id, text=outcome.text))
    return EXIT_OK


def _draft(outcome: Outcome, **changes: object) -> OutcomeDraft:
    fields: dict[str, object] = {"text": outcome.text, "area_code": outcome.area_code,
                                 "plan_line_ids": outcome.plan_line_ids,
                                 "measure": outcome.measure}
    fields.update(changes)
    return OutcomeDraft(**fields)  # type: ignore[arg-type]


def _change(args: argparse.Namespace) -> int:
    with opened(args, args.outcomes_profile) as ctx:
        outcome = ctx.outcomes.get(args.id)
        changes: dict[str, object] = {}
        if args.text is not None:
            changes["text"] = args.text
        if args.area is not None:
            changes["area_code"] = args.area
        if args.measure is not None:
            changes["measure"] = args.measure
        if args.plan_line is not None:
            lines = {line.name.casefold(): line.id for line in ctx.plan.lines()}
            ids = []
            for name in args.plan_line:
                if name.strip().casefold() not in lines:
                    lines[name.strip().casefold()] = ctx.plan.add(name).id
                ids.append(lines[name.strip().casefold()])
            changes["plan_line_ids"] = tuple(ids)
        outcome = ctx.outcomes.change(args.id, _draft(outcome, **changes))
    print(_("Changed outcome {id}: {text}").format(id=outcome.id, text=outcome.text))
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    with opened(args, args.outcomes_profile) as ctx:
        ctx.outcomes.remove(args.id)
    print(_("Removed outcome {id} and its ratings.").format(id=args.id))
    return EXIT_OK


def _rate(args: argparse.Namespace) -> int:
    on = day(args.on, "on", date.today())
    by = RatedBy.WITH_CARER if args.with_carer else RatedBy.PERSON
    with opened(args, args.outcomes_profile) as ctx:
        rating = ctx.outcomes.rate(args.id, args.score, on, by, args.note)
    print(_("Rated outcome {id}: {score} ({words}) on {date}.").format(
        id=rating.outcome_id, score=rating.score, words=score_words(rating.score),
        date=format_date(rating.on)))
    return EXIT_OK


def _period(args: argparse.Namespace) -> Period:
    end = day(args.end, "to", date.today())
    start = day(args.start, "from", end - timedelta(days=364))
    if end < start:
        raise ValidationError("period", _("The period must end on or after its start."))
    return Period(start, end)


def _list(args: argparse.Namespace) -> int:
    period = _period(args)
    with opened(args, args.outcomes_profile, read_only=True) as ctx:
        summary = ctx.outcomes.summary(period)
    if args.json:
        print(json.dumps({"from": period.start.isoformat(), "to": period.end.isoformat(),
                          "outcomes": [_as_json(r) for r in summary.reports]},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    if not summary.reports:
        print(_("No outcomes yet. Add one with: careledger outcomes add"))
    for report in summary.reports:
        _print_report(report)
    print(_("Spent on outcomes {from_} to {to}: {linked}; not linked to an outcome: {rest}.")
          .format(from_=format_date(period.start), to=format_date(period.end),
                  linked=format_money(summary.linked.pence),
                  rest=format_money(summary.not_linked.pence)))
    return EXIT_OK


def _print_report(report: OutcomeReport) -> None:
    o = report.outcome
    found = area(o.area_code)
    print(f"{o.id}. {o.text}")
    print("   " + _("Area: {area} ({law} {provision})").format(
        area=found.label(active_locale()), law=list_of(found).code.upper(),
        provision=found.provision))
    if report.plan_lines:
        print("   " + _("Paid by: {lines}").format(lines="; ".join(report.plan_lines)))
    ratings = ", ".join(f"{format_date(r.on)}: {r.score}" for r in o.ratings)
    print("   " + _("Ratings: {ratings}").format(ratings=ratings or _("none yet")))
    print("   " + _("Trend: {trend}").format(trend=o.trend.words()))
    print("   " + _("Spent: {amount}").format(amount=format_money(report.spent.pence)))
    for d in report.deliverers[:5]:
        print("     " + deliverer_text(d))


def _as_json(report: OutcomeReport) -> dict[str, object]:
    o = report.outcome
    return {"id": o.id, "text": o.text, "area": o.area_code,
            "area_words": area(o.area_code).words(active_locale()), "measure": o.measure,
            "plan_lines": list(report.plan_lines),
            "ratings": [{"id": r.id, "on": r.on.isoformat(), "score": r.score,
                         "by": r.rated_by.value, "note": r.note} for r in o.ratings],
            "trend": {"first": o.trend.first, "latest": o.trend.latest,
                      "change": o.trend.change},
            "spent": report.spent.pence / 100,
            "delivered_by": [{"name": d.name, "paid": d.paid.pence / 100,
                              "hours": round(d.delivered_minutes / 60, 2)}
                             for d in report.deliverers]}


def _areas(args: argparse.Namespace) -> int:
    for found in all_areas():
        print(f"{found.code:10} {found.label(active_locale())}")
    return EXIT_OK


def _link(args: argparse.Namespace) -> int:
    outcome = None if args.outcome.strip().lower() in ("none", "dim") else int(args.outcome)
    with opened(args, args.outcomes_profile) as ctx:
        if args.entry is not None:
            ctx.outcomes.link_entry(args.entry, outcome)
        else:
            ctx.outcomes.link_visit(args.visit, outcome)
    print(_("Linked.") if outcome is not None else _("Link removed."))
    return EXIT_OK
