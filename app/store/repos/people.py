"""The budget holder and the people who may act for them."""

from __future__ import annotations

from app.domain.person import Holder
from app.domain.roles import PersonRole, Role
from app.store.sql import Connection, first, moment, rows, scalar


class PeopleRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def holder(self) -> Holder | None:
        row = first(self.conn, "SELECT display_name, council_name, council_reference, "
                               "nhs_number, managed_by, is_demo FROM person ORDER BY id LIMIT 1")
        if row is None:
            return None
        name, council, reference, nhs_number, managed_by, is_demo = row
        return Holder(name, council, reference, nhs_number, managed_by, bool(is_demo))

    def holder_id(self) -> int | None:
        value: int | None = scalar(self.conn, "SELECT id FROM person ORDER BY id LIMIT 1")
        return value

    def roles(self, active_only: bool = False) -> list[PersonRole]:
        sql = "SELECT id, name, role, active, added_at, added_by FROM person_role"
        if active_only:
            sql += " WHERE active = 1"
        return [PersonRole(i, name, Role(role), bool(active), moment(at), by)
                for i, name, role, active, at, by in rows(self.conn, sql + " ORDER BY id")]

    def find_active(self, name: str) -> PersonRole | None:
        wanted = name.strip().casefold()
        return next((p for p in self.roles(active_only=True) if p.name.casefold() == wanted),
                    None)
