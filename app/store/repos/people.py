"""The budget holder and the people who may act for them."""

from __future__ import annotations

from sqlalchemy import Connection, select

from app.domain.person import Holder
from app.domain.roles import PersonRole, Role
from app.store.models import person_table
from app.store.models_security import person_role_table

P = person_table
R = person_role_table


class PeopleRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def holder(self) -> Holder | None:
        row = self.conn.execute(select(P.c.display_name, P.c.council_name, P.c.council_reference,
                                       P.c.nhs_number, P.c.managed_by, P.c.is_demo)
                                .order_by(P.c.id).limit(1)).first()
        return None if row is None else Holder(*row)

    def holder_id(self) -> int | None:
        value: int | None = self.conn.execute(select(P.c.id).order_by(P.c.id).limit(1)).scalar()
        return value

    def roles(self, active_only: bool = False) -> list[PersonRole]:
        query = select(R.c.id, R.c.name, R.c.role, R.c.active, R.c.added_at,
                       R.c.added_by).order_by(R.c.id)
        if active_only:
            query = query.where(R.c.active.is_(True))
        return [PersonRole(i, name, Role(role), active, at, by)
                for i, name, role, active, at, by in self.conn.execute(query)]

    def find_active(self, name: str) -> PersonRole | None:
        wanted = name.strip().casefold()
        return next((p for p in self.roles(active_only=True) if p.name.casefold() == wanted),
                    None)
