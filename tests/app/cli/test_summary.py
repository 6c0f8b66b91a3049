"""`careledger summary`: the Money tab's figures for a day, as words or JSON."""

from __future__ import annotations

import json

from app.services.profiles import CreatedProfile
from tests.app.cli.conftest import Cli
from tests.conftest import NAME

KEYS = {"balance", "weeks_held", "weeks_limit", "surplus", "period_start", "period_end",
        "money_in", "money_out"}


def test_json_has_the_money_tabs_figures(cli: Cli, created: CreatedProfile) -> None:
    assert cli("entries", "add", "--profile", NAME, "--date", "2025-04-02", "--payee",
               "Council", "--amount", "1680", "--category", "council_payment")[0] == 0
    assert cli("entries", "add", "--profile", NAME, "--date", "2025-04-09", "--payee", "Jo",
               "--amount", "-252", "--category", "pa_wages")[0] == 0
    status, out = cli("summary", "--profile", NAME, "--on", "2025-04-30", "--json")
    assert status == 0
    figures = json.loads(out)
    assert KEYS <= set(figures)
    assert (figures["balance"], figures["money_in"], figures["money_out"]) == (
        "1428.00", "1680.00", "252.00")
    assert figures["weeks_held"] == "3.4"  # £1,428 at £420 a week
    assert (figures["weeks_limit"], figures["surplus"]) == (8, "0.00")
    assert (figures["period_start"], figures["period_end"]) == ("2025-04-01", "2025-06-30")


def test_words_say_the_same(cli: Cli, created: CreatedProfile) -> None:
    assert cli("entries", "add", "--profile", NAME, "--date", "2025-04-02", "--payee",
               "Council", "--amount", "1680", "--category", "council_payment")[0] == 0
    status, out = cli("summary", "--profile", NAME, "--on", "2025-04-30")
    assert status == 0
    assert "balance £1,680.00" in out and "limit 8" in out
    assert "1 April 2025 to 30 June 2025" in out or "1 Apr 2025 to 30 Jun 2025" in out


def test_a_bad_day_is_a_plain_error(cli: Cli, created: CreatedProfile) -> None:
    status, out = cli("summary", "--profile", NAME, "--on", "2025-13-01")
    assert status != 0 and "2025-13-01" in out
