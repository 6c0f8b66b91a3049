"""`careledger rules list|show|choose` as a script drives them."""

from __future__ import annotations

from pathlib import Path

from app.cli import EXIT_ERROR, EXIT_OK
from app.services.context import open_context
from tests.app.cli.conftest import Cli
from tests.conftest import PASSPHRASE


def test_list_names_the_published_templates(cli: Cli) -> None:
    status, out = cli("rules", "list")
    assert status == EXIT_OK
    codes = {line.split()[0] for line in out.splitlines() if line.strip()}
    assert {"harrow", "st_helens", "essex"} <= codes


def test_show_says_what_harrow_asks_and_where_it_says_so(cli: Cli) -> None:
    status, out = cli("rules", "show", "harrow")
    assert status == EXIT_OK
    assert "less your contribution" in out  # Harrow counts the limit on the net payment
    assert "https://" in out


def test_show_an_unknown_rule_is_a_plain_message(cli: Cli) -> None:
    status, out = cli("rules", "show", "atlantis")
    assert status == EXIT_ERROR
    assert "There is no council rule called “atlantis”" in out and "Traceback" not in out


def test_choose_makes_the_profile_follow_the_rule(cli: Cli, data_dir: Path) -> None:
    assert cli("profile", "create", "Ann", "--weekly", "420", "--start", "2024-04-01")[0] == \
        EXIT_OK
    status, out = cli("rules", "choose", "--profile", "Ann", "harrow")
    assert status == EXIT_OK, out
    with open_context(data_dir, "Ann", PASSPHRASE) as ctx:
        assert ctx.rules.chosen_rule().code == "harrow"
