"""The outcome areas in law (resources/outcomes/areas.json): the Care Act 2014's wellbeing
principle and the Eligibility Regulations 2015 for England, the Social Services and Well-being
(Wales) Act 2014 for Wales. The words are the statute's; see resources/outcomes/README.md."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from app.domain.errors import ValidationError
from app.i18n import _
from app.paths import RESOURCES

AREAS_FILE = RESOURCES / "outcomes" / "areas.json"


@dataclass(frozen=True)
class AreaList:
    code: str  # ca, er, ww
    nation: str  # england, wales
    title_en: str
    title_cy: str
    source: str

    def title(self, locale: str) -> str:
        return self.title_cy if locale.startswith("cy") and self.title_cy else self.title_en

    def short(self, locale: str) -> str:
        """The law's name alone: "Care Act 2014"."""
        return self.title(locale).split(",")[0]


@dataclass(frozen=True)
class Area:
    code: str  # e.g. "ca.1.2.e": the list, then the provision's numbers and letter
    list_code: str
    provision: str  # "s. 1(2)(e)"
    en: str
    cy: str
    cy_statutory: bool

    def words(self, locale: str) -> str:
        return self.cy if locale.startswith("cy") and self.cy else self.en

    def provision_in(self, locale: str) -> str:
        """"s. 1(2)(e)"; in Welsh legislation's own abbreviations, "a. 1(2)(e)" (adran) and
        "rhl. 2(2)(a)" (rheoliad)."""
        if not locale.startswith("cy"):
            return self.provision
        return self.provision.replace("reg. ", "rhl. ").replace("s. ", "a. ")

    def label(self, locale: str) -> str:
        """The words with a capital letter, for a list or a heading."""
        words = self.words(locale)
        return words[:1].upper() + words[1:]


@cache
def _load() -> tuple[tuple[AreaList, ...], tuple[Area, ...]]:
    data = json.loads(AREAS_FILE.read_text(encoding="utf-8"))
    lists = tuple(AreaList(item["code"], item["nation"], item["title"]["en"],
                           item["title"]["cy"], item["source"]) for item in data["lists"])
    areas = tuple(Area(item["code"], item["list"], item["provision"], item["en"], item["cy"],
                       bool(item["cy_statutory"])) for item in data["areas"])
    return lists, areas


def area_lists() -> tuple[AreaList, ...]:
    return _load()[0]


def all_areas() -> tuple[Area, ...]:
    return _load()[1]


def areas_for(nation: str) -> tuple[Area, ...]:
    """Every area, the lists of the person's nation first (a Welsh council: the Welsh Act)."""
    own = {a.code for a in area_lists() if a.nation == nation}
    return tuple(sorted(all_areas(), key=lambda a: a.list_code not in own))


def find_area(code: str) -> Area | None:
    wanted = code.strip().lower()
    return next((a for a in all_areas() if a.code == wanted), None)


def area(code: str) -> Area:
    found = find_area(code)
    if found is None:
        raise ValidationError("area", _("“{code}” is not an outcome area. See the list with "
                                        "careledger outcomes areas.").format(code=code))
    return found


def list_of(found: Area) -> AreaList:
    return next(a for a in area_lists() if a.code == found.list_code)
