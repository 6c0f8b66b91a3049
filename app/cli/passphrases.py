"""`careledger profile passwd NAME` and `careledger profile recover NAME`."""

from __future__ import annotations

import argparse
from datetime import date

from app.cli import EXIT_OK, data_dir
from app.cli.secrets import read_passphrase, read_secret
from app.i18n import _
from app.services.passphrases import change_passphrase, recover_access
from app.services.recovery_sheet import recovery_sheet_text

NEW_PASSPHRASE_ENV = "CARELEDGER_NEW_PASSPHRASE"
RECOVERY_ENV = "CARELEDGER_RECOVERY"


def add_profile_actions(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    passwd = actions.add_parser("passwd", help=_("Change a profile's passphrase."))
    passwd.add_argument("name")
    passwd.set_defaults(func=_passwd)
    recover = actions.add_parser(
        "recover", help=_("Set a new passphrase with the recovery code."))
    recover.add_argument("name")
    recover.set_defaults(func=_recover)


def print_recovery_code(name: str, code: str) -> None:
    print()
    print(recovery_sheet_text(name, code, date.today()))


def _new_passphrase() -> str:
    return read_secret(NEW_PASSPHRASE_ENV, _("New passphrase: "), confirm=True)


def _passwd(args: argparse.Namespace) -> int:
    current = read_passphrase()
    change_passphrase(data_dir(args), args.name, current, _new_passphrase())
    print(_("The passphrase is changed. Your recovery code still works."))
    return EXIT_OK


def _recover(args: argparse.Namespace) -> int:
    code = read_secret(RECOVERY_ENV, _("Recovery code: "))
    fresh = recover_access(data_dir(args), args.name, code, _new_passphrase())
    print(_("The new passphrase is set. The old recovery code no longer works; "
            "here is the new one."))
    print_recovery_code(args.name, fresh)
    return EXIT_OK
