"""`careledger settings` and `careledger remember NAME [--forget]`: this computer's choices."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import EXIT_OK, data_dir
from app.cli.secrets import read_passphrase
from app.i18n import _
from app.services.computer import ComputerService
from app.services.profiles import open_profile
from app.settings import LANGUAGES, ComputerMode, Settings, save_settings


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    settings = subparsers.add_parser("settings", help=_("Show or change this computer's settings."))
    settings.add_argument("--computer", choices=[m.value for m in ComputerMode], default=None,
                          help=_("shared: a drop-in laptop; own: your own computer."))
    settings.add_argument("--idle-minutes", type=int, default=None,
                          help=_("Lock after this many minutes without use."))
    settings.add_argument("--keep-backups", type=int, default=None,
                          help=_("How many automatic backups to keep for each profile."))
    settings.add_argument("--language", choices=LANGUAGES, default=None,
                          help=_("Language for the window and the command line: en or cy."))
    settings.set_defaults(func=_settings)

    remember = subparsers.add_parser(
        "remember", help=_("Open a profile on this computer without its passphrase."))
    remember.add_argument("name")
    remember.add_argument("--forget", action="store_true", help=_("Stop remembering it."))
    remember.set_defaults(func=_remember)


def _settings(args: argparse.Namespace) -> int:
    service = ComputerService(data_dir(args))
    current = service.settings()
    changes: dict[str, Any] = {k: v for k, v in {
        "idle_lock_minutes": args.idle_minutes, "backups_to_keep": args.keep_backups,
        "language": args.language}.items() if v is not None}
    if changes:
        current = current.with_changes(**changes)
        save_settings(service.data_dir, current)
    if args.computer is not None:
        current = service.set_mode(ComputerMode(args.computer))  # forgets keys when shared
    _show(current)
    return EXIT_OK


def _show(settings: Settings) -> None:
    computer = {None: _("not chosen yet (treated as shared)"),
                ComputerMode.SHARED: _("shared"), ComputerMode.OWN: _("own")}[settings.computer]
    print(_("Computer: {value}").format(value=computer))
    print(_("Lock after: {n} minutes without use").format(n=settings.idle_lock_minutes))
    print(_("Automatic backups kept: {n}").format(n=settings.backups_to_keep))
    print(_("Language: {value}").format(value=settings.language))


def _remember(args: argparse.Namespace) -> int:
    service = ComputerService(data_dir(args))
    if args.forget:
        service.forget(args.name)
        print(_("This computer no longer remembers that profile."))
        return EXIT_OK
    with open_profile(service.data_dir, args.name, read_passphrase(), read_only=True) as profile:
        result = service.remember(profile)
    print(result.message)
    return EXIT_OK
