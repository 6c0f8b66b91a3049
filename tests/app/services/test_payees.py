"""Payee rules: checked, kept one per set of words, learned from what the person said most."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.audit import Cause
from app.domain.categories import Direction
from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind
from app.domain.errors import ValidationError
from app.services.context import ProfileContext
from app.services.payees import RuleDraft, learn_all, payee_book


def test_one_rule_per_set_of_words(ctx: ProfileContext) -> None:
    first = ctx.payee_rules.add(RuleDraft("J Evans", "Jo Evans (PA)", "pa_wages"))
    with pytest.raises(ValidationError, match="already a rule"):
        ctx.payee_rules.add(RuleDraft("j  EVANS", "Someone else"))
    other = ctx.payee_rules.add(RuleDraft("M Evans", "Mo Evans"))
    with pytest.raises(ValidationError, match="already a rule"):
        ctx.payee_rules.change(other.id, RuleDraft("J EVANS", "Mo Evans"))
    assert [r.id for r in ctx.payee_rules.rules()] == [first.id, other.id]


def test_learning_keeps_the_most_common_answer_and_never_an_agreement(
        ctx: ProfileContext) -> None:
    with ctx.store.write(Cause("learn")) as (repos, writer):
        written = learn_all(repos, writer, "test", [
            ("TESCO STORES 3297", "Tesco", "activities"),
            ("TESCO STORES 2231", "Tesco", "activities"),
            ("TESCO STORES 1111", "Tesco Express", "household"),  # needs the council's say
            ("FPO 12345", "Nobody", None),  # no words that say who: nothing to learn
        ])
    assert written == 1
    (rule,) = ctx.payee_rules.rules()
    assert (rule.words, rule.payee, rule.category_code, rule.learned) == (
        "tesco stores", "Tesco", "activities", True)
    with ctx.store.write(Cause("learn")) as (repos, writer):
        assert learn_all(repos, writer, "test", [("TESCO STORES 9", "Tesco Express",
                                                  "household")]) == 1
    (rule,) = ctx.payee_rules.rules()  # the person's answer, not the old category
    assert (rule.payee, rule.category_code) == ("Tesco Express", None)
    with ctx.store.write(Cause("learn")) as (repos, writer):
        learn_all(repos, writer, "test", [("TESCO STORES 9", "Tesco", "activities")])
        learn_all(repos, writer, "test", [("TESCO STORES 9", "Tesco", "unsorted_out")])
    (rule,) = ctx.payee_rules.rules()  # "not sorted yet" says nothing about the category
    assert (rule.payee, rule.category_code) == ("Tesco", "activities")


def test_my_providers_are_known_payees(ctx: ProfileContext) -> None:
    ctx.providers.add(ChosenProviderDraft("Jo Evans (PA)", date(2025, 4, 1),
                                          kind=ProviderKind.PA))
    with ctx.store.read() as repos:
        book = payee_book(repos)
    found = book.known_for("SO J EVANS WAGES", Direction.OUT)
    assert found is not None and (found.name, found.category_code) == ("Jo Evans (PA)",
                                                                       "pa_wages")
