"""Accounts: kinds, names and matching days, each change one undoable step."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.accounts import AccountKind
from app.domain.errors import ValidationError
from app.domain.money import Money
from app.services.context import ProfileContext


def test_add_and_change_an_account(ctx: ProfileContext) -> None:
    card = ctx.accounts.add("DP card", AccountKind.PREPAID_CARD, Money(25000))
    assert (card.account_kind, card.opening_date, card.days_to_match) == (
        AccountKind.PREPAID_CARD, date(2025, 4, 1), 4)
    changed = ctx.undo.run("Change", lambda: ctx.accounts.change(card.id, name="Council card",
                                                                 match_days=2))
    assert (changed.name, changed.match_days) == ("Council card", 2)
    ctx.undo.undo()
    assert ctx.accounts.get(card.id).name == "DP card"
    assert ctx.history.verify().is_whole


def test_bad_changes_are_refused_plainly(ctx: ProfileContext) -> None:
    with pytest.raises(ValidationError, match="0 to 14 days"):
        ctx.accounts.change(1, match_days=15)
    with pytest.raises(ValidationError, match="already an account"):
        ctx.accounts.add("care ACCOUNT", AccountKind.CASH)
    with pytest.raises(ValidationError, match="name"):
        ctx.accounts.add("   ", AccountKind.CASH)


def test_an_unknown_kind_reads_as_a_current_account() -> None:
    assert AccountKind.of("savings") is AccountKind.CURRENT
    assert not AccountKind.CREDIT_CARD.positive_is_money_in
    assert AccountKind.PREPAID_CARD.positive_is_money_in
