"""`careledger profile create|list` and `careledger demo`."""

from __future__ import annotations

import argparse
from datetime import date

from app.cli import EXIT_OK, data_dir
from app.cli.passphrases import add_profile_actions, print_recovery_code
from app.cli.secrets import read_passphrase
from app.domain.funding import Frequency
from app.domain.money import Money
from app.i18n import _, parse_date, parse_money
from app.services.demo import DEFAULT_DEMO_NAME, create_demo_profile
from app.services.profiles import NewProfile, create_profile, list_profiles


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    profile = subparsers.add_parser("profile", help=_("Create and list profiles."))
    actions = profile.add_subparsers(dest="action", metavar="ACTION", required=True)

    create = actions.add_parser("create", help=_("Create a profile for a budget holder."))
    create.add_argument("name")
    create.add_argument("--weekly", default="0", help=_("Gross weekly budget, e.g. 420.00"))
    create.add_argument("--frequency", default=Frequency.FOUR_WEEKLY.value,
                        choices=[f.value for f in Frequency])
    create.add_argument("--start", default=None, help=_("Funding start date (YYYY-MM-DD)."))
    create.add_argument("--contribution", default="0", help=_("Your weekly contribution."))
    create.add_argument("--council", default="")
    create.add_argument("--reference", default="", help=_("Council reference."))
    create.add_argument("--weeks-limit", type=int, default=8)
    create.add_argument("--opening-balance", default="0", help=_(
        "Money already in the account on the start date, e.g. 1250.00"))
    create.set_defaults(func=_create)

    listing = actions.add_parser("list", help=_("List the profiles on this computer."))
    listing.set_defaults(func=_list)
    add_profile_actions(actions)

    demo = subparsers.add_parser("demo", help=_("Create a demo profile with a year of entries."))
    demo.add_argument("name", nargs="?", default=DEFAULT_DEMO_NAME)
    demo.set_defaults(func=_demo)


def _create(args: argparse.Namespace) -> int:
    request = NewProfile(
        display_name=args.name,
        gross_weekly=_money(args.weekly),
        frequency=Frequency(args.frequency),
        start=parse_date(args.start) if args.start else date.today(),
        client_contribution_weekly=_money(args.contribution),
        council_name=args.council,
        council_reference=args.reference,
        weeks_held_limit=args.weeks_limit,
        opening_balance=_money(args.opening_balance),
    )
    created = create_profile(data_dir(args), request, read_passphrase(confirm=True))
    print(_("Created profile “{name}”.").format(name=created.info.display_name))
    print_recovery_code(created.info.display_name, created.recovery_code)
    return EXIT_OK


def _money(text: str) -> Money:
    return Money(parse_money(text))


def _list(args: argparse.Namespace) -> int:
    profiles = list_profiles(data_dir(args))
    if not profiles:
        print(_("No profiles yet. Create one with: careledger profile create NAME"))
    for info in profiles:
        label = _("{name} (demo)").format(name=info.display_name) if info.is_demo \
            else info.display_name
        print(label)
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    info, count = create_demo_profile(data_dir(args), args.name, read_passphrase(confirm=True))
    print(_("Created demo profile “{name}” with {count} entries.").format(
        name=info.display_name, count=count))
    return EXIT_OK
