"""`careledger settings` and `careledger remember`: this computer's settings."""

from __future__ import annotations

from app.services.profiles import CreatedProfile
from tests.app.cli.conftest import Cli
from tests.conftest import NAME


def test_settings_and_remember_on_a_shared_computer(cli: Cli, created: CreatedProfile) -> None:
    status, out = cli("settings")
    assert status == 0 and "not chosen yet" in out
    status, out = cli("settings", "--computer", "shared", "--idle-minutes", "3")
    assert status == 0 and "3 minutes" in out and "shared" in out
    status, out = cli("remember", NAME)
    assert status == 1 and "shared" in out
    assert cli("settings", "--keep-backups", "0")[0] == 1
