"""Council (or NHS) rules for a monitoring return: how often, weeks-held limit, contingency,
which categories need approval, and the declaration the budget holder signs.

Templates are data files in resources/councils/, one per scheme; a person can also make a
custom rule. A rule round-trips through JSON so the profile can keep the one chosen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.categories import Permission
from app.domain.errors import ValidationError
from app.domain.funding import Period
from app.i18n import _
from app.paths import RESOURCES

COUNCIL_TEMPLATES_DIR = RESOURCES / "councils"
CUSTOM_CODE = "custom"
MAX_WEEKS = 52


class ReturnFrequency(StrEnum):
    QUARTERLY = "quarterly"
    SIX_MONTHLY = "six_monthly"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        return {"quarterly": 3, "six_monthly": 6, "yearly": 12}[self.value]


@dataclass(frozen=True)
class CouncilRule:
    code: str
    name_en: str
    name_cy: str
    funder: str  # "council" or "nhs"
    return_frequency: ReturnFrequency
    weeks_held_limit: int
    contingency_weeks: int
    permissions: tuple[tuple[str, Permission], ...]  # (category code, permission), sorted
    declaration_en: str
    declaration_cy: str
    about: str = ""

    def name(self, locale: str) -> str:
        return self.name_cy if locale.startswith("cy") and self.name_cy else self.name_en

    def declaration(self, locale: str) -> str:
        if locale.startswith("cy") and self.declaration_cy:
            return self.declaration_cy
        return self.declaration_en

    @property
    def allowed_weeks(self) -> int:
        """Weeks of funding that may be held before the excess counts as surplus."""
        return self.weeks_held_limit + self.contingency_weeks


def return_period(frequency: ReturnFrequency, today: date) -> Period:
    """The return period holding `today`, in UK financial years (from 1 April):
    quarters, halves (April-September, October-March) or the whole year."""
    year = today.year if today.month >= 4 else today.year - 1
    months_in = (today.month - 4) % 12  # 0 for April ... 11 for March
    first = months_in - months_in % frequency.months
    start = _add_months(date(year, 4, 1), first)
    return Period(start, _add_months(start, frequency.months) - timedelta(days=1))


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)


def rule_from_json(data: Mapping[str, Any]) -> CouncilRule:
    name = data["name"]
    declaration = data["declaration"]
    return CouncilRule(
        code=str(data["code"]), name_en=name["en"], name_cy=name.get("cy", ""),
        funder=str(data.get("funder", "council")),
        return_frequency=ReturnFrequency(data["return_frequency"]),
        weeks_held_limit=int(data["weeks_held_limit"]),
        contingency_weeks=int(data.get("contingency_weeks", 0)),
        permissions=_permissions(data.get("categories", {})),
        declaration_en=declaration["en"], declaration_cy=declaration.get("cy", ""),
        about=str(data.get("about", "")),
    )


def rule_to_json(rule: CouncilRule) -> dict[str, Any]:
    return {
        "code": rule.code, "about": rule.about,
        "name": {"en": rule.name_en, "cy": rule.name_cy}, "funder": rule.funder,
        "return_frequency": rule.return_frequency.value,
        "weeks_held_limit": rule.weeks_held_limit, "contingency_weeks": rule.contingency_weeks,
        "categories": {code: perm.value for code, perm in rule.permissions},
        "declaration": {"en": rule.declaration_en, "cy": rule.declaration_cy},
    }


def _permissions(raw: Mapping[str, str]) -> tuple[tuple[str, Permission], ...]:
    return tuple(sorted((code, Permission(value)) for code, value in raw.items()))


def load_rule(path: Path) -> CouncilRule:
    return rule_from_json(json.loads(path.read_text(encoding="utf-8")))


def load_templates(folder: Path = COUNCIL_TEMPLATES_DIR) -> list[CouncilRule]:
    """Every template in the folder, in file-name order so pickers list them the same way."""
    return [load_rule(path) for path in sorted(folder.glob("*.json"))]


def find_template(code: str, folder: Path = COUNCIL_TEMPLATES_DIR) -> CouncilRule:
    for rule in load_templates(folder):
        if rule.code == code:
            return rule
    raise ValidationError("rule", _("There is no council rule called “{code}”.").format(code=code))


def custom_rule(name: str, frequency: ReturnFrequency, weeks_held_limit: int,
                contingency_weeks: int = 0, base: CouncilRule | None = None,
                permissions: Iterable[tuple[str, Permission]] = ()) -> CouncilRule:
    """A rule a person makes in the app, starting from a template's categories and wording."""
    clean = name.strip()
    if not clean or len(clean) > 200:
        raise ValidationError("name", _("Give the rule a name (up to 200 letters)."))
    if not 1 <= weeks_held_limit <= MAX_WEEKS:
        raise ValidationError("weeks_held_limit",
                              _("The limit must be between 1 and 52 weeks."))
    if not 0 <= contingency_weeks <= MAX_WEEKS:
        raise ValidationError("contingency_weeks",
                              _("The contingency must be between 0 and 52 weeks."))
    start = base or find_template("quarterly_8_weeks")
    merged = dict(start.permissions)
    merged.update(dict(permissions))
    return replace(
        start, code=CUSTOM_CODE, name_en=clean, name_cy=clean, return_frequency=frequency,
        weeks_held_limit=weeks_held_limit, contingency_weeks=contingency_weeks,
        permissions=tuple(sorted(merged.items())),
        about=_("A rule made in CareLedger, starting from “{base}”.").format(base=start.name_en),
    )
