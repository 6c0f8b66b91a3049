"""Spending and income categories, modelled on council direct-payment guidance."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.paths import RESOURCES

DEFAULT_CATEGORIES_FILE = RESOURCES / "categories" / "default.json"


class Permission(StrEnum):
    ALLOWED = "allowed"
    NEEDS_APPROVAL = "needs_approval"
    NOT_ALLOWED = "not_allowed"


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


@dataclass(frozen=True)
class Category:
    code: str
    name_en: str
    name_cy: str
    group: str
    direction: Direction
    permission: Permission

    def name(self, locale: str) -> str:
        """The name in the person's language; data files carry both English and Welsh."""
        return self.name_cy if locale.startswith("cy") and self.name_cy else self.name_en


def load_categories(path: Path = DEFAULT_CATEGORIES_FILE) -> list[Category]:
    rows = json.loads(path.read_text(encoding="utf-8"))["categories"]
    return [
        Category(
            code=row["code"],
            name_en=row["name"]["en"],
            name_cy=row["name"].get("cy", ""),
            group=row["group"],
            direction=Direction(row["direction"]),
            permission=Permission(row["permission"]),
        )
        for row in rows
    ]
