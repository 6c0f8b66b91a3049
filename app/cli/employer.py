"""`careledger pa add|list|change|end|payslip|payslips|link|check|employer`: employing PAs."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import Any

from app.cli import EXIT_OK
from app.cli.common import day, money, opened
from app.domain.errors import ValidationError
from app.employer.checks_common import TOPIC_NAMES, State
from app.employer.records import (
    FREQUENCY_NAMES,
    PA,
    PART_LABELS,
    Born,
    PADraft,
    Part,
    PayFrequency,
    PayslipDraft,
    PensionStatus,
)
from app.employer.service import EmployerService
from app.i18n import _, format_date, format_money, ngettext
from app.services.context import ProfileContext
from app.services.services_log import parse_hours


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    pa = subparsers.add_parser("pa", help=_("Employing personal assistants (PAs)."))
    actions = pa.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=_("Add a PA you employ."))
    add.add_argument("name", help=_("The PA's name."))
    add.add_argument("--rate", required=True, help=_("Hourly rate, e.g. 12.80"))
    hours = add.add_mutually_exclusive_group(required=True)
    hours.add_argument("--hours-week", default=None, help=_("Contracted hours a week, e.g. 20"))
    hours.add_argument("--irregular", action="store_true", help=_("Hours that change."))
    add.add_argument("--start", required=True, help=_("First day of work (YYYY-MM-DD)."))
    _record_options(add)
    add.set_defaults(func=_add)

    change = actions.add_parser("change", help=_("Change a PA's record or give a new rate."))
    change.add_argument("name", help=_("The PA's name."))
    change.add_argument("--rate", default=None, help=_("A new hourly rate, e.g. 12.80"))
    change.add_argument("--from", dest="rates_from", default=None,
                        help=_("The day new rates start (default: today)."))
    change.add_argument("--hours-week", default=None, help=_("Contracted hours a week."))
    change.add_argument("--irregular", action="store_true", help=_("Hours that change."))
    change.add_argument("--new-name", default=None, help=_("Their name, spelt anew."))
    change.add_argument("--start", default=None, help=_("First day of work (YYYY-MM-DD)."))
    _record_options(change)
    change.set_defaults(func=_change)

    end = actions.add_parser("end", help=_("Record a PA's last day of work."))
    end.add_argument("name")
    end.add_argument("--on", required=True, help=_("Last day (YYYY-MM-DD)."))
    end.set_defaults(func=_end)

    listing = actions.add_parser("list", help=_("List your PAs."))
    listing.add_argument("--all", action="store_true", help=_("Include PAs who have left."))
    listing.set_defaults(func=_list)

    slip = actions.add_parser("payslip", help=_("Add a payslip from the payroll service."))
    slip.add_argument("name")
    slip.add_argument("--period-end", required=True, help=_("Last day of the pay period."))
    slip.add_argument("--period-start", default=None,
                      help=_("First day (default: from how often they are paid)."))
    slip.add_argument("--gross", required=True, help=_("Gross pay, e.g. 1020.00"))
    for flag, text in (("--tax", _("Income tax taken off.")),
                       ("--ni", _("Their National Insurance.")),
                       ("--employer-ni", _("Your National Insurance as employer.")),
                       ("--pension", _("Their pension contribution.")),
                       ("--employer-pension", _("Your pension contribution as employer."))):
        slip.add_argument(flag, default="0", help=text)
    slip.add_argument("--hours", default=None, help=_("Hours paid, when the payslip says."))
    slip.add_argument("--holiday-hours", default="0", help=_("Holiday taken and paid."))
    slip.add_argument("--note", default="")
    slip.set_defaults(func=_payslip)

    slips = actions.add_parser("payslips", help=_("List payslips and what is still owed."))
    slips.add_argument("name", nargs="?", default=None)
    slips.add_argument("--from", dest="start", default=None)
    slips.add_argument("--to", dest="end", default=None)
    slips.set_defaults(func=_payslips)

    link = actions.add_parser("link", help=_("Set a payment against payslips."))
    link.add_argument("entry", type=int, help=_("Number of the payment entry."))
    link.add_argument("--part", required=True, choices=[p.value for p in Part],
                      help=_("wages (to the PA), hmrc (tax and NI) or pension."))
    link.add_argument("--payslip", type=int, action="append", default=[],
                      help=_("A payslip number (default: the oldest still owed)."))
    link.set_defaults(func=_link)

    check = actions.add_parser("check", help=_("What needs doing: checks and reminders."))
    check.add_argument("--on", default=None, help=_("Check as on this day (default: today)."))
    check.add_argument("--all", action="store_true", help=_("Show the checks that passed too."))
    check.set_defaults(func=_check)

    employer = actions.add_parser("employer", help=_("Your insurance and employer details."))
    employer.add_argument("--insurer", default=None)
    employer.add_argument("--policy", default=None, help=_("Policy number."))
    employer.add_argument("--insurance-renewal", default=None, help=_("Renewal date."))
    employer.add_argument("--dbs-every-months", type=int, default=None,
                          help=_("The council's rule: renew DBS checks every so many months."))
    employer.add_argument("--duties-start", default=None,
                          help=_("Your pension duties start date (default: first PA's start)."))
    employer.add_argument("--re-enrolled", default=None, help=_("Your last re-enrolment date."))
    employer.add_argument("--paye-ref", default=None, help=_("Your employer PAYE reference."))
    employer.set_defaults(func=_employer)

    for parser in (add, change, end, listing, slip, slips, link, check, employer):
        parser.add_argument("--profile", dest="pa_profile", default=None)


def _record_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--born", default=None, help=_("Year of birth (or YYYY-MM-DD)."))
    parser.add_argument("--dbs", default=None, help=_("Date of their DBS check."))
    parser.add_argument("--dbs-renewal", default=None, help=_("When the DBS check is renewed."))
    parser.add_argument("--right-to-work", default=None,
                        help=_("Date you checked their right to work."))
    parser.add_argument("--right-to-work-expires", default=None,
                        help=_("End of a time-limited permission to work."))
    parser.add_argument("--insurance-renewal", default=None,
                        help=_("Renewal date of your employer's liability insurance."))
    parser.add_argument("--night-rate", default=None, help=_("Hourly rate for nights."))
    parser.add_argument("--bank-holiday-rate", default=None,
                        help=_("Hourly rate on bank holidays."))
    parser.add_argument("--paid", default=None, choices=[f.value for f in PayFrequency],
                        help=_("How often they are paid (default: monthly)."))
    parser.add_argument("--payroll-ref", default=None, help=_("Their payroll reference."))
    parser.add_argument("--pension", default=None, choices=[s.value for s in PensionStatus],
                        help=_("Their workplace pension status."))
    parser.add_argument("--leave-year-start", default=None,
                        help=_("A day their leave year starts (default: their start date)."))
    parser.add_argument("--apprentice", action="store_true", help=_("They are an apprentice."))
    parser.add_argument("--payee", default=None, help=_("The name used on ledger entries."))


def _optional_day(text: str | None, field: str) -> date | None:
    return day(text, field) if text else None


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The record fields given on the command line (only those given)."""
    found: dict[str, Any] = {}
    for name, field in (("dbs", "dbs_checked"), ("dbs_renewal", "dbs_renewal"),
                        ("right_to_work", "right_to_work_checked"),
                        ("right_to_work_expires", "right_to_work_expires"),
                        ("leave_year_start", "leave_year_start")):
        if getattr(args, name):
            found[field] = day(getattr(args, name), field)
    for name in ("night_rate", "bank_holiday_rate"):
        if getattr(args, name):
            found[name] = money(getattr(args, name), name)
    if args.born:
        found["born"] = Born.parse(args.born)
    if args.paid:
        found["pay_frequency"] = PayFrequency(args.paid)
    if args.pension:
        found["pension_status"] = PensionStatus(args.pension)
    if args.payroll_ref is not None:
        found["payroll_ref"] = args.payroll_ref
    if args.payee is not None:
        found["payee_name"] = args.payee
    if args.apprentice:
        found["apprentice"] = True
    return found


def _hours(args: argparse.Namespace) -> dict[str, Any]:
    if args.irregular:
        return {"hours_week_minutes": None}
    if args.hours_week:
        return {"hours_week_minutes": parse_hours(args.hours_week)}
    return {}


def _insurance(ctx: ProfileContext, text: str | None) -> None:
    if text:
        details = ctx.employer.employer()
        ctx.employer.set_employer(replace(details, insurance_renewal=day(text, "insurance")))


def _add(args: argparse.Namespace) -> int:
    draft = PADraft(name=args.name, start=day(args.start, "start"),
                    rate=money(args.rate, "rate"), **_hours(args), **_changes(args))
    with opened(args, args.pa_profile) as ctx:
        pa = ctx.employer.add(draft)
        _insurance(ctx, args.insurance_renewal)
    print(_("Added {name} to your PAs (number {id}), {rate} an hour from {date}.").format(
        name=pa.name, id=pa.id, rate=format_money(draft.rate.pence), date=format_date(pa.start)))
    print(_("See what needs doing with: careledger pa check"))
    return EXIT_OK


def _change(args: argparse.Namespace) -> int:
    with opened(args, args.pa_profile) as ctx:
        pa = ctx.employer.find(args.name)
        fields = {**_hours(args), **_changes(args)}
        if args.new_name:
            fields["name"] = args.new_name
        if args.start:
            fields["start"] = day(args.start, "start")
        if args.rate:
            fields["rate"] = money(args.rate, "rate")
        else:  # unchanged: the rate in force when the new rates would start
            fields["rate"] = pa.rate_on(_rates_from(args, pa)) or pa.draft.rate
        changed = ctx.employer.change(pa.id, replace(pa.draft, **fields), _rates_from(args, pa))
        _insurance(ctx, args.insurance_renewal)
    print(_("Changed the record of {name}.").format(name=changed.name))
    if args.rate:
        print(_("{rate} an hour from {date}.").format(
            rate=format_money(fields["rate"].pence), date=format_date(_rates_from(args, pa))))
    return EXIT_OK


def _rates_from(args: argparse.Namespace, pa: PA) -> date:
    return max(day(args.rates_from, "from", default=date.today()), pa.start)


def _end(args: argparse.Namespace) -> int:
    with opened(args, args.pa_profile) as ctx:
        pa = ctx.employer.end(ctx.employer.find(args.name).id, day(args.on, "on"))
    print(_("{name} worked until {date}. Their records and payslips stay.").format(
        name=pa.name, date=format_date(pa.end or date.today())))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with opened(args, args.pa_profile, read_only=True) as ctx:
        pas = ctx.employer.pas(None if args.all else date.today())
    if not pas:
        print(_("No PAs yet. Add one with: careledger pa add"))
    for pa in pas:
        print(_pa_line(pa))
    return EXIT_OK


def _pa_line(pa: PA) -> str:
    d = pa.draft
    hours = (_("irregular hours") if d.hours_week_minutes is None
             else _("{hours} hours a week").format(hours=_plain_hours(d.hours_week_minutes)))
    rate = pa.rate_on(max(date.today(), pa.start)) or d.rate
    line = _("{id:>3}  {name}: {rate} an hour, {hours}, paid {paid}, since {start}").format(
        id=pa.id, name=pa.name, rate=format_money(rate.pence), hours=hours,
        paid=_(FREQUENCY_NAMES[d.pay_frequency]), start=format_date(pa.start))
    if pa.end:
        line += _(" (left {date})").format(date=format_date(pa.end))
    return line


def _plain_hours(minutes: int) -> str:
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


def _payslip(args: argparse.Namespace) -> int:
    with opened(args, args.pa_profile) as ctx:
        pa = ctx.employer.find(args.name)
        draft = PayslipDraft(
            pa.id, day(args.period_end, "period_end"), money(args.gross, "gross"),
            money(args.tax, "tax"), money(args.ni, "ni"), money(args.employer_ni, "employer_ni"),
            money(args.pension, "pension"), money(args.employer_pension, "employer_pension"),
            _optional_day(args.period_start, "period_start"),
            parse_hours(args.hours) if args.hours else None, parse_hours(args.holiday_hours),
            args.note)
        slip = ctx.employer.add_payslip(draft)
    d = slip.draft
    print(_("Payslip {id} for {name}, {start} to {end}: net pay {net}; to HMRC {hmrc}; to the "
            "pension {pension}.").format(
        id=slip.id, name=pa.name, start=format_date(slip.period_start),
        end=format_date(d.period_end), net=format_money(d.net.pence),
        hmrc=format_money(d.hmrc.pence), pension=format_money(d.pension.pence)))
    if slip.paid.get(Part.WAGES):
        print(_("Linked to the wages payment already in the ledger."))
    return EXIT_OK


def _payslips(args: argparse.Namespace) -> int:
    with opened(args, args.pa_profile, read_only=True) as ctx:
        service: EmployerService = ctx.employer
        pa_id = service.find(args.name).id if args.name else None
        names = {pa.id: pa.name for pa in service.pas()}
        slips = service.payslips(pa_id, _optional_day(args.start, "from"),
                                 _optional_day(args.end, "to"))
    if not slips:
        print(_("No payslips for that time."))
    for slip in slips:
        owed = [_("{amount} {part}").format(amount=format_money(slip.outstanding(p).pence),
                                            part=_(PART_LABELS[p]))
                for p in Part if slip.outstanding(p).pence]
        print(_("{id:>4}  {end}  {name}: gross {gross}, net {net}; still owed: {owed}").format(
            id=slip.id, end=format_date(slip.draft.period_end), name=names.get(slip.draft.pa_id),
            gross=format_money(slip.draft.gross.pence), net=format_money(slip.draft.net.pence),
            owed=", ".join(owed) or _("nothing")))
    return EXIT_OK


def _link(args: argparse.Namespace) -> int:
    with opened(args, args.pa_profile) as ctx:
        result = ctx.employer.link_payment(args.entry, Part(args.part), args.payslip or None)
    print(ngettext("Set {paid} against {count} payslip for {part}.",
                   "Set {paid} against {count} payslips for {part}.",
                   len(result.set_against)).format(
        paid=format_money(result.paid.pence - result.left_over.pence),
        count=len(result.set_against), part=_(PART_LABELS[result.part])))
    if result.left_over.pence:
        print(_("{amount} of this payment is more than those payslips still had owed.").format(
            amount=format_money(result.left_over.pence)))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    on = day(args.on, "on", default=date.today())
    with opened(args, args.pa_profile, read_only=True) as ctx:
        findings = ctx.employer.checks(on)
        employed = ctx.employer.pas(on)
    todo = [f for f in findings if f.state is not State.OK]
    shown = findings if args.all else todo
    if not employed:
        print(_("No PAs employed on {date}.").format(date=format_date(on)))
    elif not todo:
        print(_("Nothing needs doing for your PAs on {date}.").format(date=format_date(on)))
    for f in sorted(shown, key=lambda f: (f.state is State.OK, f.state is not State.PROBLEM,
                                          f.due or date.max)):
        mark = {State.PROBLEM: "!", State.DUE: "*", State.OK: " "}[f.state]
        print(f"{mark} {_(TOPIC_NAMES[f.topic])} – {f.line()}")
    return EXIT_OK


def _employer(args: argparse.Namespace) -> int:
    with opened(args, args.pa_profile) as ctx:
        details = ctx.employer.employer()
        changes: dict[str, Any] = {}
        for name, field in (("insurer", "insurer"), ("policy", "policy_number"),
                            ("paye_ref", "paye_reference")):
            if getattr(args, name) is not None:
                changes[field] = getattr(args, name).strip()
        for name, field in (("insurance_renewal", "insurance_renewal"),
                            ("duties_start", "duties_start"),
                            ("re_enrolled", "last_re_enrolment")):
            if getattr(args, name):
                changes[field] = day(getattr(args, name), field)
        if args.dbs_every_months is not None:
            changes["dbs_renew_months"] = args.dbs_every_months or None
        saved = ctx.employer.set_employer(replace(details, **changes)) if changes else details
    if saved.insurance_renewal is None and not changes:
        raise ValidationError("insurance", _("No employer's liability insurance recorded yet: "
                                             "add it with --insurance-renewal DATE."))
    print(_("Employer's liability insurance: {policy}, renews on {date}.").format(
        policy=" ".join(x for x in (saved.insurer, saved.policy_number) if x) or _("no details"),
        date=format_date(saved.insurance_renewal) if saved.insurance_renewal else "–"))
    if saved.dbs_renew_months:
        print(_("DBS checks are renewed every {months} months (your council's rule).").format(
            months=saved.dbs_renew_months))
    return EXIT_OK
