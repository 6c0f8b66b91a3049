"""The profile's categories, in the order of the data file they came from."""

from __future__ import annotations

from sqlalchemy import Connection, literal_column, select

from app.domain.categories import Category, Direction, Permission
from app.store.models import category_table

C = category_table


class CategoryRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Category]:
        # rowid is insertion order, i.e. the order of the category data file.
        rows = self.conn.execute(select(C.c.code, C.c.name_en, C.c.name_cy, C.c.grp,
                                        C.c.direction, C.c.permission)
                                 .order_by(literal_column("rowid")))
        return [Category(code, en, cy, grp, Direction(direction), Permission(permission))
                for code, en, cy, grp, direction, permission in rows]

    def by_code(self) -> dict[str, Category]:
        return {c.code: c for c in self.all()}
