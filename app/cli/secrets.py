"""Reading passphrases for the CLI: from the environment when set, else asked without echo."""

from __future__ import annotations

import getpass
import os
import sys

from app.domain.errors import DomainError
from app.i18n import _

PASSPHRASE_ENV = "CARELEDGER_PASSPHRASE"


def read_secret(env_name: str, prompt: str, confirm: bool = False) -> str:
    value = os.environ.get(env_name)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        # getpass would fall back to echoing the secret, with a Python warning: refuse plainly.
        raise DomainError(
            _("No passphrase was given. Set {name} or run this in a terminal.").format(
                name=env_name
            )
        )
    try:
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass(_("Type it again: ")) != first:
            raise DomainError(_("The two passphrases are not the same. Nothing was changed."))
    except EOFError as exc:
        raise DomainError(
            _("No passphrase was given. Set {name} or run this in a terminal.").format(
                name=env_name
            )
        ) from exc
    return first


def read_passphrase(confirm: bool = False) -> str:
    return read_secret(PASSPHRASE_ENV, _("Passphrase: "), confirm)
