"""The `careledger` command line: the same services the window calls, for scripts and tests.

Each module in COMMAND_MODULES adds its subcommands with `add_commands(subparsers)`; every
subcommand sets `func`, a handler `(args) -> int` (the exit status).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.failures import message_for
from app.i18n import _, set_locale
from app.logs import setup_logging
from app.paths import default_data_dir

COMMAND_MODULES = [
    "app.cli.profiles",
    "app.cli.entries",
    "app.cli.summary",
    "app.cli.funding",
    "app.cli.security",
    "app.cli.computer",
    "app.cli.bank",
    "app.cli.services",
    "app.cli.register",
    "app.cli.my_providers",
    "app.cli.statement",
]

# Exit statuses shared by every command.
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careledger",
        description=_("Keep a care budget: ledger, providers and statements for the council."),
    )
    parser.add_argument("--version", action="version", version=f"CareLedger {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help=_("Folder for all CareLedger files (default: your data folder)."))
    parser.add_argument("--lang", default=None, help=_("Language: en or cy."))
    parser.add_argument("--profile", default=None, help=_("Open this profile straight away."))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(subparsers)
    return parser


def data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def has_command(argv: Sequence[str]) -> bool:
    """True when argv names a subcommand (the window opens otherwise)."""
    args, _unknown = build_parser().parse_known_args(list(argv))
    return args.command is not None


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    set_locale(args.lang)
    if args.command is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    log_path = setup_logging(data_dir(args))
    try:
        status: int = args.func(args)
        return status
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # every failure in words, never a traceback (app/failures.py)
        message, _expected = message_for(error, log_path)
        print(message, file=sys.stderr)
        return EXIT_ERROR
