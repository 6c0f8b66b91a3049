"""Council (or NHS) rules for a monitoring return, as councils write them: how often (or
whenever the council asks), when it is due and who to send it to, the weeks-held limit and
whether it counts the gross or the net weekly amount, a minimum balance, contingency, how long
records must be kept, the evidence asked for, which categories need approval, and the
declaration the budget holder signs.

Templates are data files in resources/councils/, one per scheme; those named after a council
give only what that council publishes, each figure with the page it comes from. A person can
also make a custom rule. A rule round-trips through JSON so the profile keeps the one chosen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.categories import Permission
from app.domain.documents import DocumentKind
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
    ON_REQUEST = "on_request"  # whenever the council asks (Harrow, Essex)

    @property
    def months(self) -> int:
        """Months in a return period; a return made on request covers a quarter unless the
        person picks other dates."""
        return {"quarterly": 3, "six_monthly": 6, "yearly": 12, "on_request": 3}[self.value]


class LimitBasis(StrEnum):
    """Which weekly amount the weeks-held limit (and the minimum) is counted in."""

    GROSS = "gross"  # the whole weekly budget
    NET = "net"  # what the funder pays in: the budget less the person's own contribution


class DueFrom(StrEnum):
    PERIOD_END = "period_end"
    REQUEST = "request"  # days after the council asks


@dataclass(frozen=True)
class Source:
    """A page the rule's figures come from, and what it says there."""

    title: str
    url: str
    says: str = ""


@dataclass(frozen=True)
class SendTo:
    """Who returns go to, as the council publishes it (any part may be blank)."""

    name: str
    email: str = ""
    address: str = ""
    url: str = ""


@dataclass(frozen=True)
class CouncilRule:
    code: str
    name_en: str
    name_cy: str
    funder: str  # "council" or "nhs"
    return_frequency: ReturnFrequency
    weeks_held_limit: int | None  # None: the council publishes no limit
    contingency_weeks: int
    permissions: tuple[tuple[str, Permission], ...]  # (category code, permission), sorted
    declaration_en: str
    declaration_cy: str
    about: str = ""
    limit_basis: LimitBasis = LimitBasis.GROSS
    minimum_weeks: int = 0  # a balance the council expects to be kept (0: none published)
    records_years: int | None = None  # how long records must be kept, when published
    required_evidence: tuple[DocumentKind, ...] = ()  # as the council lists it
    send_to: SendTo | None = None
    due_days: int | None = None  # days after the period ends (or after the request)
    due_from: DueFrom = DueFrom.PERIOD_END
    published: bool = False  # a council's own published rules, not a model
    sources: tuple[Source, ...] = ()

    def name(self, locale: str) -> str:
        return self.name_cy if locale.startswith("cy") and self.name_cy else self.name_en

    def declaration(self, locale: str) -> str:
        if locale.startswith("cy") and self.declaration_cy:
            return self.declaration_cy
        return self.declaration_en

    @property
    def has_limit(self) -> bool:
        return self.weeks_held_limit is not None

    @property
    def allowed_weeks(self) -> int:
        """Weeks of funding that may be held before the excess counts as surplus (the
        contingency alone when the council publishes no limit)."""
        return (self.weeks_held_limit or 0) + self.contingency_weeks


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
    """A rule from its JSON (a template file, or the profile's stored copy; rules stored
    before the newer keys existed read them as not published)."""
    name = data["name"]
    declaration = data["declaration"]
    limit = data["weeks_held_limit"]
    send_to = data.get("send_to")
    due = data.get("due_days")
    return CouncilRule(
        code=str(data["code"]), name_en=name["en"], name_cy=name.get("cy", ""),
        funder=str(data.get("funder", "council")),
        return_frequency=ReturnFrequency(data["return_frequency"]),
        weeks_held_limit=None if limit is None else int(limit),
        contingency_weeks=int(data.get("contingency_weeks", 0)),
        permissions=_permissions(data.get("categories", {})),
        declaration_en=declaration["en"], declaration_cy=declaration.get("cy", ""),
        about=str(data.get("about", "")),
        limit_basis=LimitBasis(data.get("limit_basis", "gross")),
        minimum_weeks=int(data.get("minimum_weeks", 0)),
        records_years=_optional_int(data.get("records_years")),
        required_evidence=tuple(DocumentKind(k) for k in data.get("required_evidence", ())),
        send_to=SendTo(**send_to) if send_to else None,
        due_days=None if due is None else int(due),
        due_from=DueFrom(data.get("due_from", "period_end")),
        published=bool(data.get("published", False)),
        sources=tuple(Source(**s) for s in data.get("sources", ())),
    )


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def rule_to_json(rule: CouncilRule) -> dict[str, Any]:
    return {
        "code": rule.code, "about": rule.about, "published": rule.published,
        "name": {"en": rule.name_en, "cy": rule.name_cy}, "funder": rule.funder,
        "return_frequency": rule.return_frequency.value,
        "due_days": rule.due_days, "due_from": rule.due_from.value,
        "send_to": None if rule.send_to is None else asdict(rule.send_to),
        "weeks_held_limit": rule.weeks_held_limit, "contingency_weeks": rule.contingency_weeks,
        "limit_basis": rule.limit_basis.value, "minimum_weeks": rule.minimum_weeks,
        "records_years": rule.records_years,
        "required_evidence": [k.value for k in rule.required_evidence],
        "sources": [asdict(s) for s in rule.sources],
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
    # The base's evidence list, limit basis, contact and sources stay: they are still that
    # council's; the figures are the person's own now.
    return replace(
        start, code=CUSTOM_CODE, name_en=clean, name_cy=clean, return_frequency=frequency,
        weeks_held_limit=weeks_held_limit, contingency_weeks=contingency_weeks,
        permissions=tuple(sorted(merged.items())), published=False,
        about=_("A rule made in CareLedger, starting from “{base}”.").format(base=start.name_en),
    )
