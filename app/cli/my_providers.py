"""`careledger providers add|list|end|value`: My providers in a person's profile."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from app.cli import EXIT_OK
from app.cli.common import opened
from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind, ValueForMoney
from app.domain.errors import DomainError
from app.domain.funding import Period
from app.domain.money import Money
from app.domain.providers import rating_label
from app.i18n import _, format_money, format_number, ngettext, parse_date, parse_money
from app.services.my_providers import draft_from_register


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    providers = subparsers.add_parser("providers", help=_("My providers in a profile."))
    providers.add_argument("--profile", dest="providers_profile", default=None)
    actions = providers.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=_("Add a provider: from the register, or by hand."))
    add.add_argument("name", nargs="?", default="", help=_("Name, for a PA or local provider."))
    add.add_argument("--register-id", default="", help=_("A register id, e.g. 1-1000587219."))
    add.add_argument("--source", default="cqc", choices=["cqc", "oruk"])
    add.add_argument("--kind", default=ProviderKind.AGENCY.value,
                     choices=[k.value for k in ProviderKind])
    add.add_argument("--rate", default="", help=_("Agreed hourly rate, e.g. 24.50"))
    add.add_argument("--start", default=None, help=_("Start date (YYYY-MM-DD)."))
    add.add_argument("--payee", default="", help=_("The name used on ledger entries."))
    add.add_argument("--notes", default="")
    add.set_defaults(func=_add)

    listing = actions.add_parser("list", help=_("List My providers."))
    listing.set_defaults(func=_list)

    end = actions.add_parser("end", help=_("Stop using a provider from a date."))
    end.add_argument("id", type=int)
    end.add_argument("--on", required=True, help=_("Last day (YYYY-MM-DD)."))
    end.set_defaults(func=_end)

    value = actions.add_parser("value", help=_("Paid per hour, beside the agreed rate."))
    value.add_argument("--from", dest="start", required=True)
    value.add_argument("--to", dest="end", required=True)
    value.add_argument("--hours", action="append", default=[], metavar="ID=HOURS",
                       help=_("Hours delivered by provider ID, e.g. 3=40.5 (default: the "
                              "services log)"))
    value.set_defaults(func=_value)


def _add(args: argparse.Namespace) -> int:
    with opened(args, args.providers_profile) as ctx:
        service = ctx.providers
        draft = ChosenProviderDraft(
            name=args.name, start=parse_date(args.start) if args.start else date.today(),
            kind=ProviderKind(args.kind), payee_name=args.payee, notes=args.notes,
            agreed_hourly_rate=Money(parse_money(args.rate)) if args.rate else None)
        if args.register_id and service.register is not None:
            detail = service.register.provider(args.source, args.register_id)
            draft = replace(draft_from_register(detail, draft.start), kind=draft.kind,
                            payee_name=draft.payee_name, notes=draft.notes,
                            agreed_hourly_rate=draft.agreed_hourly_rate)
        chosen = service.add(draft)
    print(_("Added {name} to My providers (number {id}).").format(name=chosen.name,
                                                                  id=chosen.id))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with opened(args, args.providers_profile, read_only=True) as ctx:
        providers = ctx.providers.providers()
    if not providers:
        print(_("No providers yet. Add one with: careledger providers add"))
    for p in providers:
        rate = format_money(p.agreed_hourly_rate.pence) if p.agreed_hourly_rate else "-"
        ended = _(" (ended {date})").format(date=p.end.isoformat()) if p.end else ""
        print(f"{p.id:>4}  {p.name[:40]:<40}  {p.kind.value:<6}  {rate:>10}{ended}")
    return EXIT_OK


def _end(args: argparse.Namespace) -> int:
    with opened(args, args.providers_profile) as ctx:
        ended = ctx.providers.end(args.id, parse_date(args.on))
    print(_("{name} ends on {date}.").format(name=ended.name, date=args.on))
    return EXIT_OK


def _hours(pairs: list[str]) -> dict[int, Decimal]:
    hours: dict[int, Decimal] = {}
    for pair in pairs:
        try:
            key, _sep, value = pair.partition("=")
            hours[int(key)] = Decimal(value)
        except (ValueError, InvalidOperation) as exc:
            raise DomainError(_("Write hours as ID=HOURS, for example 3=40.5.")) from exc
    return hours


def _value(args: argparse.Namespace) -> int:
    period = Period(parse_date(args.start), parse_date(args.end))
    hours = _hours(args.hours)
    with opened(args, args.providers_profile, read_only=True) as ctx:
        values = ctx.providers.value_for_money_all(period, hours)
    for v in values:
        print(_value_line(v))
    return EXIT_OK


def _value_line(v: ValueForMoney) -> str:
    def money(m: Money | None) -> str:
        return format_money(m.pence) if m is not None else "-"
    paid = ngettext("paid {paid} in {count} payment", "paid {paid} in {count} payments",
                    v.payments).format(paid=money(v.paid), count=v.payments)
    hours = _("{hours} hours delivered").format(hours=format_number(v.hours_delivered, 2)) \
        if v.hours_delivered is not None else _("no hours logged")
    return _("{id:>4}  {name}: {paid}; {hours}; {per_hour} an hour (agreed {agreed}); "
             "CQC rating {rating}").format(
        id=v.provider.id, name=v.provider.name, paid=paid, hours=hours,
        per_hour=money(v.cost_per_hour), agreed=money(v.agreed_hourly_rate),
        rating=rating_label(v.rating) if v.rating else "-")
