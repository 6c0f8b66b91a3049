"""`careledger statement`: the monitoring return for a period as PDF or CSV;
`careledger forecast`: the balance to the end of the period, with warnings."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path

from app.cli import EXIT_OK
from app.cli.common import opened
from app.domain.errors import DomainError, ValidationError
from app.domain.funding import Period
from app.domain.money import Money
from app.files import InputRefused, read_limited
from app.i18n import (
    N_,
    ParseError,
    _,
    format_date,
    format_money,
    parse_date,
    parse_money,
    set_locale,
)
from app.services.statements import StatementRequest
from app.statements.explain_text import check_text
from app.statements.inputs import services_from_file
from app.statements.model import Statement


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = subparsers.add_parser("statement", help=_("Make the monitoring return for a period."))
    cmd.add_argument("--profile", dest="statement_profile", default=None)
    cmd.add_argument("--from", dest="start", required=True, help=_("First day (YYYY-MM-DD)."))
    cmd.add_argument("--to", dest="end", required=True, help=_("Last day (YYYY-MM-DD)."))
    cmd.add_argument("--out", required=True, type=Path, help=_("FILE.pdf or FILE.csv"))
    cmd.add_argument("--lang", dest="statement_lang", default=None,
                     help=_("Language of the return: en or cy."))
    cmd.add_argument("--bank-balance", default=None,
                     help=_("Balance on the bank statement at the end of the period."))
    cmd.add_argument("--produced-on", default=None,
                     help=_("Date to print as the day it was produced (YYYY-MM-DD); today if "
                            "left out."))
    cmd.add_argument("--due", default=None,
                     help=_("The day the council asked for the return by (YYYY-MM-DD)."))
    cmd.add_argument("--with-evidence", action="store_true",
                     help=_("Put every receipt, invoice, bank statement, payslip and "
                            "certificate for the period after the return (PDF only)."))
    cmd.add_argument("--pack", type=Path, default=None,
                     help=_("Also save FILE.zip: the return, every document for the period and "
                            "an index.csv."))
    for flag, text in LIABILITY_FLAGS.items():
        cmd.add_argument(flag, default=None, help=_(text))
    cmd.add_argument("--outcomes", type=Path, default=None,
                     help=_("A text file of notes on the support plan outcomes."))
    cmd.add_argument("--services", type=Path, default=None,
                     help=_("A JSON file of services delivered and paid per provider."))
    cmd.set_defaults(func=_statement)

    ahead = subparsers.add_parser("forecast", help=_(
        "Forecast the balance to the end of the period and warn before problems."))
    ahead.add_argument("--profile", dest="statement_profile", default=None)
    ahead.add_argument("--to", dest="end", default=None,
                       help=_("Last day (YYYY-MM-DD); the end of this return period if left out."))
    ahead.add_argument("--today", default=None, help=_("Forecast from this day (YYYY-MM-DD)."))
    ahead.set_defaults(func=_forecast)


LIABILITY_FLAGS = {
    "--wages-owed": N_("Wages owed at the end of the period."),
    "--hmrc-due": N_("Tax and National Insurance due to HMRC."),
    "--pension-due": N_("Pension contributions due."),
    "--unpaid-invoices": N_("Invoices not yet paid."),
}


def _money(text: str | None) -> Money:
    return Money(parse_money(text)) if text else Money(0)


OWED_FIELDS = ("wages_owed", "hmrc_due", "pension_due", "unpaid_invoices")


def _owed(args: argparse.Namespace) -> dict[str, Money] | None:
    """What the flags say is owed at the period's end; None when no flag is given."""
    given = {name: getattr(args, name) for name in OWED_FIELDS
             if getattr(args, name) is not None}
    if not given:
        return None
    try:
        return {name: _money(text) for name, text in given.items()}
    except ParseError as error:
        raise ValidationError("owed", str(error)) from error


def _request(args: argparse.Namespace) -> StatementRequest:
    try:
        return StatementRequest(
            period=Period(parse_date(args.start), parse_date(args.end)),
            bank_balance=Money(parse_money(args.bank_balance)) if args.bank_balance else None,
            services=services_from_file(args.services) if args.services else None,
            outcomes=_read_text(args.outcomes),
            generated_on=parse_date(args.produced_on) if args.produced_on else date.today(),
            due_on=parse_date(args.due) if args.due else None,
        )
    except ParseError as error:
        raise ValidationError("date", str(error)) from error


def _read_text(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return read_limited(path, 64 * 1024).decode("utf-8")  # outcomes: a page of text
    except (InputRefused, UnicodeDecodeError) as error:
        raise DomainError(_("Could not read {path}.").format(path=path) + " " + (
            str(error) if isinstance(error, InputRefused) else "")) from error


def _statement(args: argparse.Namespace) -> int:
    name = args.statement_profile or args.profile
    if not name:
        raise DomainError(_("Say which profile with --profile NAME."))
    if args.statement_lang:
        set_locale(args.statement_lang)
    request, owed = _request(args), _owed(args)
    if args.out.suffix.lower() not in (".pdf", ".csv"):
        raise ValidationError("out", _("Save as a .pdf or a .csv file."))
    if args.with_evidence and args.out.suffix.lower() != ".pdf":
        raise ValidationError("with_evidence", _("The evidence goes after the return in a "
                                                 "PDF: save it as a .pdf file."))
    if args.pack is not None and args.pack.suffix.lower() != ".zip":
        raise ValidationError("pack", _("Save the evidence pack as a .zip file."))
    with opened(args, name) as ctx:
        if owed is not None:  # kept in the profile, so the Money tab counts it too; the
            # figures not given stay as they were (from payslips, or entered before)
            current = ctx.owed.on(request.period.end)
            ctx.owed.set(request.period.end, replace(current, **owed, from_payslips=False))
        statement = ctx.statements.build(request)
        ctx.statements.save(statement, args.out, with_evidence=args.with_evidence)
        if args.pack is not None:
            ctx.statements.save_pack(statement, args.pack)
    print(_("Saved the return to {path}.").format(path=args.out))
    if args.pack is not None:
        print(_("Saved the evidence pack to {path}.").format(path=args.pack))
    _say_missing(statement)
    return EXIT_OK


def _say_missing(statement: Statement) -> None:
    """What the checklist found missing, so it is seen before the return is sent."""
    if statement.evidence is None:
        return
    for item in statement.evidence.checklist:
        if item.state == "missing":
            print(_("Missing: {what}").format(what=check_text(item)))


def _forecast(args: argparse.Namespace) -> int:
    name = args.statement_profile or args.profile
    if not name:
        raise DomainError(_("Say which profile with --profile NAME."))
    try:
        today = parse_date(args.today) if args.today else date.today()
        end = parse_date(args.end) if args.end else None
    except ParseError as error:
        raise ValidationError("date", str(error)) from error
    with opened(args, name, read_only=True) as ctx:
        result = ctx.statements.forecast(today, end)
        end = result.end
    print(_("Balance now: {now}. Expected on {date}: {then} (lowest {low} on {low_date}).")
          .format(now=format_money(result.opening.pence), date=format_date(end, "long"),
                  then=format_money(result.closing.pence), low=format_money(result.lowest.pence),
                  low_date=format_date(result.lowest_on, "long")))
    for warning in result.warnings:
        print(warning.message)
    if not result.warnings:
        print(_("No problems expected by then."))
    return EXIT_OK
