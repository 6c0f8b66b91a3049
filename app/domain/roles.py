"""Who may act for a budget holder, and in what role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.i18n import N_, _


class Role(StrEnum):
    BUDGET_HOLDER = "budget_holder"
    CARER = "carer"
    APPOINTED_PERSON = "appointed_person"
    SUPPORT_WORKER = "support_worker"

    def label(self) -> str:
        return _(_ROLE_LABELS[self])


_ROLE_LABELS = {
    Role.BUDGET_HOLDER: N_("Budget holder"),
    Role.CARER: N_("Carer"),
    Role.APPOINTED_PERSON: N_("Appointed person"),
    Role.SUPPORT_WORKER: N_("Support worker"),
}


@dataclass(frozen=True)
class PersonRole:
    id: int
    name: str
    role: Role
    active: bool
    added_at: datetime
    added_by: str
