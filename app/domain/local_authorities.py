"""Councils with adult social care duties in England and Wales, with their ONS (GSS) codes:
resources/opendata/local_authorities.csv, an extract of mySociety's UK local authority names
and codes (sources in resources/opendata/README.md).

`find_council()` turns the council a person typed ("Oldham Council", "Cyngor Caerdydd") into
a record; nothing found is None, never a guess.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from app.paths import RESOURCES

COUNCILS_FILE = RESOURCES / "opendata" / "local_authorities.csv"

# Words a council's name is written with or without: compared without them too.
_DROP = re.compile(
    r"\b(the|council|cyngor|county|borough|metropolitan|district|city|of|london|royal|"
    r"corporation|sir|dinas|a|and|&|ua)\b")


@dataclass(frozen=True)
class LocalAuthority:
    gss_code: str
    official_name: str
    nice_name: str
    nation: str  # England, Wales
    kind: str  # Unitary authority, County, Metropolitan district, London borough, ...
    names: tuple[str, ...]
    end_date: str  # '' while it exists
    replaced_by: tuple[str, ...]  # GSS codes of the councils that replaced it

    @property
    def current_code(self) -> str:
        """Its own code, or its one successor's when it has been replaced by one council."""
        return self.replaced_by[0] if len(self.replaced_by) == 1 else self.gss_code


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").replace(",", " ").split())


def _core(name: str) -> str:
    return " ".join(_DROP.sub(" ", _key(name)).split())


@cache
def councils() -> tuple[LocalAuthority, ...]:
    with COUNCILS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(LocalAuthority(
        r["gss_code"], r["official_name"], r["nice_name"], r["nation"], r["type"],
        tuple(n.strip() for n in (r["official_name"], r["nice_name"], *r["alt_names"].split(","))
              if n.strip()),
        r["end_date"], tuple(c for c in r["replaced_by_gss"].split(";") if c)) for r in rows)


@cache
def _index() -> tuple[dict[str, LocalAuthority], dict[str, list[LocalAuthority]]]:
    exact: dict[str, LocalAuthority] = {}
    core: dict[str, list[LocalAuthority]] = {}
    for council in councils():  # current councils first, so their names win
        for name in council.names:
            exact.setdefault(_key(name), council)
            core.setdefault(_core(name), []).append(council)
    return exact, core


def find_council(text: str) -> LocalAuthority | None:
    """The council a name means, when it means exactly one current or former council."""
    if not text.strip():
        return None
    exact, core = _index()
    found = exact.get(_key(text))
    if found is not None:
        return found
    candidates = {c.gss_code: c for c in core.get(_core(text), [])}
    current = [c for c in candidates.values() if not c.end_date]
    if len(current) == 1:
        return current[0]
    return next(iter(candidates.values())) if len(candidates) == 1 else None


def is_council_name(name: str) -> bool:
    """True when a registered name is a council's own name (for the organisation form)."""
    return _key(name) in _index()[0] and "council" in _key(name) or (
        _key(name).startswith(("london borough of", "royal borough of"))
        and find_council(name) is not None)
