"""The profile's categories, in the order of the data file they came from."""

from __future__ import annotations

from app.domain.categories import Category, Direction, Permission
from app.store.sql import Connection, rows


class CategoryRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[Category]:
        # rowid is insertion order, i.e. the order of the category data file.
        return [Category(code, en, cy, grp, Direction(direction), Permission(permission))
                for code, en, cy, grp, direction, permission in rows(
                    self.conn, "SELECT code, name_en, name_cy, grp, direction, permission "
                               "FROM category ORDER BY rowid")]

    def by_code(self) -> dict[str, Category]:
        return {c.code: c for c in self.all()}
