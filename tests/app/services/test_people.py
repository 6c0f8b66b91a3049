"""Who may act for a budget holder: adding, removing, and changing who is at the keyboard."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.domain.roles import Role
from app.services.context import ProfileContext
from app.services.profiles import NotAllowedToAct
from tests.conftest import NAME


def test_acting_as_a_recorded_carer_records_them(ctx: ProfileContext) -> None:
    ctx.people.add("Sam Carer", Role.CARER)
    assert ctx.people.act_as("sam carer") == "Sam Carer"
    assert ctx.actor == "Sam Carer"
    ctx.ledger.add_entry(EntryDraft(date(2025, 5, 3), Money(-500), "Shop", "pa_wages", ""),
                         date(2025, 6, 1))
    assert ctx.history.events()[-1].actor == "Sam Carer"


def test_acting_as_someone_not_recorded_is_refused(ctx: ProfileContext) -> None:
    with pytest.raises(NotAllowedToAct, match="Stranger"):
        ctx.people.act_as("Stranger")
    assert ctx.actor == NAME


def test_the_same_person_is_not_added_twice(ctx: ProfileContext) -> None:
    ctx.people.add("Sam Carer", Role.CARER)
    with pytest.raises(ValidationError, match="already"):
        ctx.people.add("SAM CARER", Role.CARER)
    assert len(ctx.people.list()) == 2


def test_a_name_is_needed(ctx: ProfileContext) -> None:
    with pytest.raises(ValidationError, match="name"):
        ctx.people.add("   ", Role.CARER)


def test_removed_people_no_longer_act_but_keep_their_history(ctx: ProfileContext) -> None:
    sam = ctx.people.add("Sam Carer", Role.CARER)
    ctx.people.remove(sam.id)
    assert [p.name for p in ctx.people.list()] == [NAME]
    assert [p.name for p in ctx.people.list(active_only=False)] == [NAME, "Sam Carer"]
    with pytest.raises(NotAllowedToAct):
        ctx.people.act_as("Sam Carer")


def test_the_holder_and_whoever_is_acting_cannot_be_removed(ctx: ProfileContext) -> None:
    (holder,) = ctx.people.list()
    with pytest.raises(DomainError, match="budget holder"):
        ctx.people.remove(holder.id)
    sam = ctx.people.add("Sam Carer", Role.CARER)
    ctx.people.act_as("Sam Carer")
    with pytest.raises(DomainError, match="yourself"):
        ctx.people.remove(sam.id)


def test_adding_and_removing_are_undone(ctx: ProfileContext) -> None:
    sam = ctx.undo.run("Add person", lambda: ctx.people.add("Sam Carer", Role.CARER))
    ctx.undo.run("Remove person", lambda: ctx.people.remove(sam.id))
    assert [p.name for p in ctx.people.list()] == [NAME]
    ctx.undo.undo()
    assert [p.name for p in ctx.people.list()] == [NAME, "Sam Carer"]
    ctx.undo.undo()
    assert [p.name for p in ctx.people.list(active_only=False)] == [NAME]


def test_a_role_is_changed_and_undone_but_never_the_holders(ctx: ProfileContext) -> None:
    sam = ctx.people.add("Sam Carer", Role.CARER)
    changed = ctx.undo.run("Change role", lambda: ctx.people.change_role(
        sam.id, Role.SUPPORT_WORKER))
    assert changed.role is Role.SUPPORT_WORKER
    ctx.undo.undo()
    assert {p.name: p.role for p in ctx.people.list()}["Sam Carer"] is Role.CARER
    holder = next(p for p in ctx.people.list() if p.role is Role.BUDGET_HOLDER)
    with pytest.raises(DomainError, match="budget holder"):
        ctx.people.change_role(holder.id, Role.CARER)
    with pytest.raises(DomainError, match="one budget holder"):
        ctx.people.change_role(sam.id, Role.BUDGET_HOLDER)
