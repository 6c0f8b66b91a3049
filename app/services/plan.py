"""Use cases on the support plan's lines and their budgets."""

from __future__ import annotations

from app.domain.audit import Cause
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.domain.plan import PlanLine, clean_name, validate_budget
from app.i18n import _
from app.store.profile_store import ProfileStore


class PlanService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def lines(self) -> list[PlanLine]:
        with self.store.read() as repos:
            return repos.plan.lines()

    def add(self, name: str, weekly_budget: Money | None = None) -> PlanLine:
        clean, budget = clean_name(name), validate_budget(weekly_budget)
        with self.store.write(Cause("add")) as (repos, writer):
            if repos.plan.find(clean) is not None:
                raise ValidationError("plan_line", _("The plan already has a line called "
                                                     "“{name}”.").format(name=clean))
            line_id = writer.insert("plan_line", {"name": clean, "weekly_budget": budget})
            return PlanLine(line_id, clean, budget)

    def change(self, line_id: int, name: str, weekly_budget: Money | None) -> PlanLine:
        clean, budget = clean_name(name), validate_budget(weekly_budget)
        with self.store.write(Cause("change")) as (repos, writer):
            same = repos.plan.find(clean)
            if same is not None and same.id != line_id:
                raise ValidationError("plan_line", _("The plan already has a line called "
                                                     "“{name}”.").format(name=clean))
            if repos.plan.get(line_id) is None:
                raise DomainError(_("That plan line no longer exists."))
            writer.update("plan_line", (line_id,), {"name": clean, "weekly_budget": budget})
            return PlanLine(line_id, clean, budget)

    def remove(self, line_id: int) -> None:
        with self.store.write(Cause("delete")) as (repos, writer):
            used = repos.entries.on_plan_line(line_id)
            if used:
                raise DomainError(_("{n} entries are paid from this line. Give them another "
                                    "line first.").format(n=used))
            writer.delete("plan_line", (line_id,))
