"""`careledger profile passwd|recover`."""

from __future__ import annotations

import re

from tests.app.cli.conftest import Cli

NAME = "Bryn Jones"
PASS = "first passphrase"
NEW = "second passphrase"


def test_passwd_then_recover(cli: Cli) -> None:
    status, out = cli("profile", "create", NAME, "--weekly", "300", CARELEDGER_PASSPHRASE=PASS)
    match = re.search(r"(([0-9A-Z]{5}  ){5}[0-9A-Z]{5})", out)
    assert status == 0 and match, out
    code = match.group(1)
    status, _out = cli("profile", "passwd", NAME, CARELEDGER_PASSPHRASE=PASS,
                       CARELEDGER_NEW_PASSPHRASE=NEW)
    assert status == 0
    assert cli("history", NAME, CARELEDGER_PASSPHRASE=PASS)[0] == 1
    assert cli("history", NAME, CARELEDGER_PASSPHRASE=NEW)[0] == 0
    status, out = cli("profile", "recover", NAME, CARELEDGER_RECOVERY=code,
                      CARELEDGER_NEW_PASSPHRASE="third passphrase")
    assert status == 0 and "no longer works" in out
    status, out = cli("profile", "recover", NAME, CARELEDGER_RECOVERY=code,
                      CARELEDGER_NEW_PASSPHRASE="fourth passphrase")
    assert status == 1 and "recovery code is not right" in out
