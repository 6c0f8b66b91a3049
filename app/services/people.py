"""Use cases on the people who may act for a budget holder (carers, support workers...)."""

from __future__ import annotations

from app.domain.errors import ValidationError
from app.domain.roles import PersonRole, Role
from app.i18n import _
from app.services.profiles import NotAllowedToAct, OpenProfile
from app.store.audit_log import append_event
from app.store.roles import add_role, find_active, load_roles, to_person_role


class PeopleService:
    def __init__(self, profile: OpenProfile) -> None:
        self.profile = profile

    def list(self, active_only: bool = True) -> list[PersonRole]:
        with self.profile.session() as s:
            return load_roles(s, active_only)

    def add(self, name: str, role: Role) -> PersonRole:
        """Record someone who may act; the change goes into the audit trail with who did it."""
        clean = name.strip()
        if not clean or len(clean) > 100:
            raise ValidationError("name", _("Give the person's name (up to 100 letters)."))
        with self.profile.session() as s, s.begin():
            if find_active(s, clean) is not None:
                raise ValidationError(
                    "name", _("“{name}” is already recorded for this profile.").format(name=clean))
            row = add_role(s, clean, role, self.profile.actor)
            append_event(s, self.profile.actor, "create", "person_role", row.id,
                         {"name": clean, "role": role.value})
            return to_person_role(row)

    def act_as(self, name: str) -> str:
        """Record `name` as who is at the keyboard from now on (they must be recorded here)."""
        with self.profile.session() as s:
            person = find_active(s, name)
        if person is None:
            raise NotAllowedToAct(
                _("“{actor}” is not recorded as someone who may act for this profile. "
                  "Ask the budget holder to add them first.").format(actor=name))
        self.profile.actor = person.name
        return person.name
