"""The `careledger` command line: the same services the window calls, for scripts and tests.

Each module in COMMAND_MODULES adds its subcommands with `add_commands(subparsers)`; every
subcommand sets `func`, a handler `(args) -> int` (the exit status). EXAMPLES gives each
command's `--help` an example; the global options --data-dir and --lang are
accepted after the command too.

Commands are resolved lazily: a run imports only the module of the command it names
(COMMAND_MODULES says which; a test checks it against the modules themselves), so neither
`--version` nor the window waits for every command's services to load.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.cli.argparse_words import speak_our_language
from app.failures import message_for
from app.i18n import _, set_locale
from app.logs import setup_logging
from app.paths import default_data_dir
from app.settings import choose_language, load_settings

# Each command module, in the order `--help` lists them, with the commands it adds.
COMMAND_MODULES = {
    "app.cli.profiles": ("profile", "demo"),
    "app.cli.entries": ("entries",),
    "app.cli.summary": ("summary",),
    "app.cli.funding": ("funding", "plan"),
    "app.cli.security": ("backup", "restore", "history", "people"),
    "app.cli.computer": ("settings", "remember"),
    "app.cli.bank": ("import",),
    "app.cli.accounts": ("accounts",),
    "app.cli.payee_rules": ("payee-rules",),
    "app.cli.services": ("services",),
    "app.cli.register": ("register",),
    "app.cli.my_providers": ("providers",),
    "app.cli.employer": ("pa",),
    "app.cli.evidence": ("evidence",),
    "app.cli.rules": ("rules",),
    "app.cli.statement": ("statement", "forecast"),
    "app.cli.outcomes": ("outcomes",),
    "app.cli.opendata": ("export", "open-data"),
}
MODULE_OF_COMMAND = {command: module for module, names in COMMAND_MODULES.items()
                     for command in names}

# An example for each command's --help, by its words on the command line (a test checks that
# every command has one and that each example parses).
EXAMPLES = {
    "profile": "careledger profile list",
    "profile create": 'careledger profile create "Ann Example" --weekly 420 '
                      "--frequency four_weekly --start 2025-04-01",
    "profile list": "careledger profile list --data-dir ~/care",
    "profile passwd": 'careledger profile passwd "Ann Example"',
    "profile recover": 'careledger profile recover "Ann Example"',
    "demo": 'careledger demo "Demo name"',
    "entries": 'careledger entries list --profile "Ann Example"',
    "entries list": 'careledger entries list --profile "Ann Example" --csv > entries.csv',
    "entries add": 'careledger entries add --profile "Ann Example" --date 2025-06-02 '
                   '--payee "Sam PA" --amount -120.50 --category pa_wages',
    "entries change": 'careledger entries change 41 --profile "Ann Example" --amount -125.00 '
                      "--confirm",
    "entries delete": 'careledger entries delete 41 --profile "Ann Example" --confirm',
    "summary": 'careledger summary --profile "Ann Example" --json',
    "funding": 'careledger funding list --profile "Ann Example"',
    "funding add": 'careledger funding add --profile "Ann Example" --stream nhs_phb --weekly 80 '
                   "--from 2025-10-01",
    "funding change": 'careledger funding change --profile "Ann Example" --stream council_dp '
                      "--weekly 440 --from 2026-04-01",
    "funding end": 'careledger funding end --profile "Ann Example" --stream ilf --on 2026-03-31',
    "funding list": 'careledger funding list --profile "Ann Example"',
    "plan": 'careledger plan list --profile "Ann Example"',
    "plan add": 'careledger plan add "Personal care at home" --profile "Ann Example" '
                "--weekly-budget 300",
    "plan list": 'careledger plan list --profile "Ann Example"',
    "backup": 'careledger backup "Ann Example" --out ann.careledger',
    "restore": 'careledger restore ann.careledger --as "Ann Example (copy)"',
    "history": 'careledger history "Ann Example" --verify',
    "people": 'careledger people "Ann Example" --add "Sam Carer" --role carer',
    "settings": "careledger settings --computer shared --idle-minutes 5",
    "remember": 'careledger remember "Ann Example" --forget',
    "import": 'careledger import bank statement.csv --profile "Ann Example" --dry-run',
    "import bank": 'careledger import bank statement.csv --profile "Ann Example" --dry-run',
    "services": 'careledger services list --profile "Ann Example" --week 2025-06-02',
    "services add": 'careledger services add --profile "Ann Example" --date 2025-06-02 '
                    '--provider "Helping Hands" --planned 3 --rate 22.50',
    "services list": 'careledger services list --profile "Ann Example" --week 2025-06-02',
    "services link": 'careledger services link --profile "Ann Example" 41 7 8 9',
    "register": "careledger register update",
    "register import": "careledger register import 01_January_2026_CQC_directory.csv",
    "register update": "careledger register update --url "
                       "https://council.example/api/services",
    "register search": 'careledger register search "home care" --near OL1 --within 5',
    "register show": "careledger register show 1-101661085",
    "providers": 'careledger providers --profile "Ann Example" list',
    "providers add": 'careledger providers --profile "Ann Example" add --register-id '
                     "1-101661085 --rate 24.00",
    "providers list": 'careledger providers --profile "Ann Example" list',
    "providers end": 'careledger providers --profile "Ann Example" end 3 --on 2025-09-30',
    "providers value": 'careledger providers --profile "Ann Example" value --from '
                       "2025-04-01 --to 2025-09-30",
    "pa": 'careledger pa check --profile "Ann Example"',
    "pa add": 'careledger pa add --profile "Ann Example" "Sam Patel" --rate 12.80 '
              "--hours-week 20 --start 2026-04-01 --born 1990 --dbs 2026-03-10 "
              "--right-to-work 2026-03-10 --insurance-renewal 2027-01-31",
    "pa list": 'careledger pa list --profile "Ann Example"',
    "pa change": 'careledger pa change --profile "Ann Example" "Sam Patel" --rate 13.20 '
                 "--from 2027-04-01",
    "pa end": 'careledger pa end --profile "Ann Example" "Sam Patel" --on 2027-06-30',
    "pa payslip": 'careledger pa payslip --profile "Ann Example" "Sam Patel" --period-end '
                  "2026-04-30 --gross 1109.33 --tax 12.40 --ni 9.20 --employer-ni 0 "
                  "--pension 28.52 --employer-pension 17.11",
    "pa payslips": 'careledger pa payslips --profile "Ann Example" "Sam Patel"',
    "pa link": 'careledger pa link --profile "Ann Example" 41 --part hmrc',
    "pa check": 'careledger pa check --profile "Ann Example" --on 2027-03-20',
    "pa employer": 'careledger pa employer --profile "Ann Example" --insurer "Acme Mutual" '
                   "--insurance-renewal 2027-01-31 --dbs-every-months 36",
    "statement": 'careledger statement --profile "Ann Example" --from 2025-04-01 '
                 "--to 2025-09-30 --out return.pdf --with-evidence --pack return.zip",
    "evidence": 'careledger evidence list --profile "Ann Example" --missing --from 2025-04-01 '
                "--to 2025-09-30",
    "evidence attach": 'careledger evidence attach --profile "Ann Example" statement-june.pdf '
                       '--account "DP account" --from 2025-06-01 --to 2025-06-30',
    "evidence list": 'careledger evidence list --profile "Ann Example" --from 2025-04-01 '
                     "--to 2025-09-30",
    "evidence remove": 'careledger evidence remove --profile "Ann Example" 12',
    "rules": "careledger rules list",
    "rules list": "careledger rules list",
    "rules show": "careledger rules show harrow",
    "rules choose": 'careledger rules choose --profile "Ann Example" harrow',
    "forecast": 'careledger forecast --profile "Ann Example"',
    "outcomes": 'careledger outcomes list --profile "Ann Example"',
    "outcomes add": 'careledger outcomes add --profile "Ann Example" '
                    '"Get to the allotment twice a week" --area ca.1.2.e '
                    '--plan-line "Personal care"',
    "outcomes change": 'careledger outcomes change 2 --profile "Ann Example" '
                       '--text "Get to the allotment every week"',
    "outcomes remove": 'careledger outcomes remove 2 --profile "Ann Example"',
    "outcomes rate": 'careledger outcomes rate --profile "Ann Example" 2 3 --on 2025-06-02',
    "outcomes list": 'careledger outcomes list --profile "Ann Example" --json',
    "outcomes areas": "careledger outcomes areas",
    "outcomes link": 'careledger outcomes link --profile "Ann Example" --entry 41 2',
    "export": 'careledger export open-data --profile "Ann Example" --from 2025-04-01 '
              "--to 2026-03-31 --out open-data",
    "export open-data": 'careledger export open-data --profile "Ann Example" '
                        "--from 2025-04-01 --to 2026-03-31 --out open-data",
    "open-data": "careledger open-data combine returns/* --out compared.csv",
    "open-data combine": "careledger open-data combine returns/* --out compared.pdf",
    "accounts": 'careledger accounts list --profile "Ann Example"',
    "accounts list": 'careledger accounts list --profile "Ann Example"',
    "accounts add": 'careledger accounts add "DP card" --kind prepaid --opening-balance 250 '
                    '--profile "Ann Example"',
    "accounts change": 'careledger accounts change "DP card" --kind credit --match-days 3 '
                       '--profile "Ann Example"',
    "payee-rules": 'careledger payee-rules list --profile "Ann Example"',
    "payee-rules list": 'careledger payee-rules list --profile "Ann Example"',
    "payee-rules add": 'careledger payee-rules add --words "J EVANS" --payee "Jo Evans (PA)" '
                       '--category pa_wages --profile "Ann Example"',
    "payee-rules change": 'careledger payee-rules change 3 --payee "Jo Evans" '
                          '--profile "Ann Example"',
    "payee-rules remove": 'careledger payee-rules remove 3 --profile "Ann Example"',
}
GLOBAL_OPTIONS = ("--data-dir", "--lang")  # --profile before a command opens the window

# Exit statuses shared by every command.
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_BAD_INPUT = 2


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given argv naming a known command, only that command's module is loaded
    (an unknown word or none gets every command, for the full help and the error)."""
    speak_our_language()
    parser = global_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    word = command_word(argv) if argv is not None else None
    if word in MODULE_OF_COMMAND:
        modules = [MODULE_OF_COMMAND[word]]
    elif word is None and argv is not None and "--version" in argv:
        modules = []  # argparse answers --version before it looks for a command
    else:
        modules = list(COMMAND_MODULES)
    for name in modules:
        importlib.import_module(name).add_commands(subparsers)
    globals_ = [a for a in parser._actions if set(a.option_strings) & set(GLOBAL_OPTIONS)]
    for words, command in commands(parser):
        _add_example(command, words)
        _accept_global_options(command, globals_)
    return parser


def global_parser() -> argparse.ArgumentParser:
    """The options before any command (all the window needs)."""
    parser = argparse.ArgumentParser(
        prog="careledger",
        description=_("Keep a care budget: ledger, providers and statements for the council."),
    )
    parser.add_argument("--version", action="version", version=f"CareLedger {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--data-dir", type=Path, default=None,
                        help=_("Folder for all CareLedger files (default: your data folder)."))
    parser.add_argument("--lang", default=None, help=_("Language: en or cy."))
    parser.add_argument("--profile", default=None, help=_("Open this profile straight away."))
    parser.add_argument("--text-size", type=text_size_percent, default=None, metavar="PERCENT",
                        help=_("Text size in the window, from 100 to 250 (per cent); "
                               "remembered for next time."))
    return parser


def command_word(argv: Sequence[str]) -> str | None:
    """The first word of argv that is not an option or an option's value: the command."""
    takes_value = {option for action in global_parser()._actions if action.nargs != 0
                   for option in action.option_strings}
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in takes_value:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


TEXT_SIZES = (100, 250)


def text_size_percent(text: str) -> int:
    """--text-size: a whole number of per cent from 100 to 250."""
    try:
        value = int(text.strip().rstrip("%"))
    except ValueError:
        value = 0
    if not TEXT_SIZES[0] <= value <= TEXT_SIZES[1]:
        raise argparse.ArgumentTypeError(
            _("give the text size as a number from {low} to {high}, e.g. 200").format(
                low=TEXT_SIZES[0], high=TEXT_SIZES[1]))
    return value


def commands(parser: argparse.ArgumentParser, words: str = ""
             ) -> list[tuple[str, argparse.ArgumentParser]]:
    """Every command and subcommand under `parser`, with its words ("register update")."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                path = f"{words} {name}".strip()
                found.append((path, command))
                found.extend(commands(command, path))
    return found


def _add_example(command: argparse.ArgumentParser, words: str) -> None:
    example = EXAMPLES.get(words)
    if example:
        command.epilog = _("Example:") + "\n  " + example
        command.formatter_class = argparse.RawDescriptionHelpFormatter


def _accept_global_options(command: argparse.ArgumentParser,
                           globals_: list[argparse.Action]) -> None:
    """`careledger profile list --data-dir X` means `careledger --data-dir X profile list`.
    SUPPRESS: a command's own default never hides a value given before the command."""
    for action in globals_:
        if any(option in command._option_string_actions for option in action.option_strings):
            continue  # the command has its own meaning for it (e.g. statement --lang)
        command.add_argument(*action.option_strings, dest=action.dest,
                             type=action.type or str, default=argparse.SUPPRESS,
                             help=action.help)


def data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def has_command(argv: Sequence[str]) -> bool:
    """True when argv names a subcommand (the window opens otherwise). Only a word that is no
    command needs the full parser (which says so, and stops)."""
    word = command_word(argv)
    if word is None or word in MODULE_OF_COMMAND:
        return word is not None
    args, _unknown = build_parser(argv).parse_known_args(list(argv))
    return args.command is not None


def _discard_output() -> None:
    """The reader has gone: send what is still buffered nowhere (the recipe in Python's
    signal module documentation), so the exit is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_output()


def run(argv: Sequence[str]) -> int:
    """Run one command; its exit status. Output into a closed pipe is never an error."""
    try:
        return _run(argv)
    finally:  # also after --help and --version, which leave by SystemExit
        _flush_quietly()


def language_of(argv: Sequence[str]) -> str | None:
    """The language to speak before anything is parsed (the help text is made in it):
    --lang (the statement command's own --lang, after it, is the return's language), then
    CARELEDGER_LANG, then the language chosen in Settings, then LANG."""
    words = list(argv)
    asked = folder = None
    for i, word in enumerate(words):
        value = words[i + 1] if i + 1 < len(words) else None
        if word.startswith("--") and "=" in word:
            word, value = word.split("=", 1)
        if word == "statement":
            break  # the statement command's own --lang is the return's language
        if word == "--lang":
            asked = value
        elif word == "--data-dir":
            folder = value
    data = Path(folder) if folder else default_data_dir()
    return choose_language(asked, load_settings(data))


def _run(argv: Sequence[str]) -> int:
    set_locale(language_of(argv))  # before the parser, so that its help is in it too
    parser = build_parser(argv)
    args = parser.parse_args(list(argv))
    if args.command is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    log_path = setup_logging(data_dir(args))
    try:
        status: int = args.func(args)
        return status
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        _discard_output()
        return EXIT_OK
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # every failure in words, never a traceback (app/failures.py)
        message, _expected = message_for(error, log_path)
        print(message, file=sys.stderr)
        return EXIT_ERROR
