"""Reading and adding the people who may act for a budget holder, in the caller's session."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.roles import PersonRole, Role
from app.store.models_security import PersonRoleRow


def to_person_role(row: PersonRoleRow) -> PersonRole:
    return PersonRole(row.id, row.name, Role(row.role), row.active, row.added_at, row.added_by)


def load_roles(session: Session, active_only: bool = False) -> list[PersonRole]:
    query = select(PersonRoleRow).order_by(PersonRoleRow.id)
    if active_only:
        query = query.where(PersonRoleRow.active.is_(True))
    return [to_person_role(r) for r in session.scalars(query)]


def find_active(session: Session, name: str) -> PersonRole | None:
    wanted = name.strip().casefold()
    for person in load_roles(session, active_only=True):
        if person.name.casefold() == wanted:
            return person
    return None


def add_role(session: Session, name: str, role: Role, added_by: str) -> PersonRoleRow:
    row = PersonRoleRow(name=name.strip(), role=role.value, active=True,
                        added_at=datetime.now(UTC).replace(tzinfo=None), added_by=added_by)
    session.add(row)
    session.flush()
    return row
