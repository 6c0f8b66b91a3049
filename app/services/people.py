"""Use cases on the people who may act for a budget holder (carers, support workers...)."""

from __future__ import annotations

from app.domain.audit import Cause
from app.domain.errors import DomainError, ValidationError
from app.domain.roles import PersonRole, Role
from app.i18n import _
from app.services.ledger import now_utc
from app.services.profiles import NotAllowedToAct, OpenProfile


class PeopleService:
    def __init__(self, profile: OpenProfile) -> None:
        self.profile = profile
        self.store = profile.store

    def list(self, active_only: bool = True) -> list[PersonRole]:
        with self.store.read() as repos:
            return repos.people.roles(active_only)

    def add(self, name: str, role: Role) -> PersonRole:
        """Record someone who may act; the change goes into the audit trail with who did it."""
        clean = name.strip()
        if not clean or len(clean) > 100:
            raise ValidationError("name", _("Give the person's name (up to 100 letters)."))
        with self.store.write(Cause("add")) as (repos, writer):
            if repos.people.find_active(clean) is not None:
                raise ValidationError(
                    "name", _("“{name}” is already recorded for this profile.").format(name=clean))
            writer.insert("person_role", {"name": clean, "role": role.value, "active": True,
                                          "added_at": now_utc(), "added_by": self.store.actor})
            found = repos.people.find_active(clean)
            assert found is not None
            return found

    def remove(self, person_id: int) -> None:
        """Stop someone acting for the profile; their past changes keep their name."""
        with self.store.write(Cause("change")) as (repos, writer):
            person = next((p for p in repos.people.roles(True) if p.id == person_id), None)
            if person is None:
                raise DomainError(_("That person is no longer recorded here."))
            if person.role is Role.BUDGET_HOLDER:
                raise DomainError(_("The budget holder cannot be removed."))
            if person.name.casefold() == self.store.actor.casefold():
                raise DomainError(_("You cannot remove yourself while you are using the profile."))
            writer.update("person_role", (person_id,), {"active": False})

    def change_role(self, person_id: int, role: Role) -> PersonRole:
        """Record that someone acts in another role from now on (the history keeps the old)."""
        if role is Role.BUDGET_HOLDER:
            raise DomainError(_("A profile has one budget holder, recorded when it was made."))
        with self.store.write(Cause("change")) as (repos, writer):
            person = next((p for p in repos.people.roles(True) if p.id == person_id), None)
            if person is None:
                raise DomainError(_("That person is no longer recorded here."))
            if person.role is Role.BUDGET_HOLDER:
                raise DomainError(_("The budget holder's role cannot be changed."))
            writer.update("person_role", (person_id,), {"role": role.value})
            found = repos.people.find_active(person.name)
            assert found is not None
            return found

    def act_as(self, name: str) -> str:
        """Record `name` as who is at the keyboard from now on (they must be recorded here)."""
        with self.store.read() as repos:
            person = repos.people.find_active(name)
        if person is None:
            raise NotAllowedToAct(
                _("“{actor}” is not recorded as someone who may act for this profile. "
                  "Ask the budget holder to add them first.").format(actor=name))
        self.profile.actor = person.name
        return person.name
