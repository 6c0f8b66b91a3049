"""Search the register as someone types: FTS5 prefix queries plus filters, sorted three ways.

`build_query` makes the SQL and parameters (the bench runs the very same SQL raw);
`search` runs it and turns rows into ProviderSummary records with distances.
"""

from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from app.domain.providers import OrgForm, ProviderSummary, Source, canonical_rating
from app.register.postcodes import Place, miles_between

MILES_PER_DEGREE_LAT = 69.05
DEFAULT_LIMIT = 50


class SortBy(StrEnum):
    NAME = "name"
    RATING = "rating"
    DISTANCE = "distance"


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    council: str = ""
    service_type: str = ""
    rating: str = ""
    org_form: OrgForm | None = None
    near: Place | None = None
    within_miles: float | None = None
    sort: SortBy | None = None  # None: by distance when near is given, else by name
    limit: int = DEFAULT_LIMIT
    offset: int = 0


_WORD = re.compile(r"\w+", re.UNICODE)
GOOD_OR_BETTER = "good_or_better"  # the rating filter for Good and Outstanding

# Words that name a kind of service mean that service, not any record holding the words:
# "home care" is care in your own home (CQC's "Homecare agencies"), never a care home, which
# word-by-word matching found ("Nursing homes" ... "care"). English and Welsh.
HOME_CARE = ("Homecare agencies",)
CARE_HOMES = ("Residential homes", "Nursing homes")
SERVICE_PHRASES: dict[str, tuple[str, ...]] = {
    "home care": HOME_CARE, "homecare": HOME_CARE, "care at home": HOME_CARE,
    "domiciliary care": HOME_CARE, "care in my home": HOME_CARE,
    "gofal cartref": HOME_CARE, "gofal yn y cartref": HOME_CARE,
    "care home": CARE_HOMES, "care homes": CARE_HOMES, "residential home": CARE_HOMES[:1],
    "residential homes": CARE_HOMES[:1], "nursing home": CARE_HOMES[1:],
    "nursing homes": CARE_HOMES[1:], "cartref gofal": CARE_HOMES,
    "cartrefi gofal": CARE_HOMES, "cartref nyrsio": CARE_HOMES[1:],
    "supported living": ("Supported living",), "byw â chymorth": ("Supported living",),
    "extra care": ("Extra Care housing services",),
    "shared lives": ("Shared Lives",),
}


def service_words(text: str) -> tuple[str, tuple[str, ...]]:
    """The typed text less any phrase naming a service, and the services it named."""
    rest = " ".join(_WORD.findall(text.casefold()))
    named: tuple[str, ...] = ()
    for phrase in sorted(SERVICE_PHRASES, key=len, reverse=True):
        pattern = rf"(?:^| ){re.escape(phrase)}(?: |$)"
        if re.search(pattern, rest):
            named += tuple(t for t in SERVICE_PHRASES[phrase] if t not in named)
            rest = re.sub(pattern, " ", rest).strip()
    return rest, named


def fts_expression(text: str) -> str:
    """'st ann' -> '"st"* "ann"*': every typed word must start a word in the record (words
    naming a service are a service filter instead: see service_words)."""
    rest, _named = service_words(text)
    return " ".join(f'"{w}"*' for w in _WORD.findall(rest))


SUMMARY_COLUMNS = ("p.source, p.source_id, p.name, p.town, p.postcode, p.local_authority, "
                   "p.service_types, p.org_form, p.org_form_derived, p.rating, p.rating_date, "
                   "p.latitude, p.longitude")


# A filter matching fewer rows than this is "narrow" and should drive the query (SQLite then
# sorts the few rows); when every filter is broad, walking the index of the sort order (or
# the map box) and probing the filters is faster than sorting tens of thousands of rows.
BROAD = 1500


def build_query(query: SearchQuery, count_only: bool = False, driver: str | None = None
                ) -> tuple[str, dict[str, object]]:
    """The SQL and parameters for a search; `driver` names the one filter ("fts",
    "service", "rating", "council") allowed to use its index (see `choose_driver`)."""
    where, params = _filters(query, driver)
    distance = ""
    if query.near is not None:
        # Flat-earth distance squared in "latitude degrees": cheap in SQL, good enough to
        # sort and cut at UK scale; the miles shown are computed exactly afterwards.
        params.update(lat=query.near.latitude, lon=query.near.longitude,
                      k=math.cos(math.radians(query.near.latitude)))
        distance = ("((p.latitude - :lat) * (p.latitude - :lat) + "
                    "(p.longitude - :lon) * :k * (p.longitude - :lon) * :k)")
        where.append("p.latitude IS NOT NULL")
        if query.within_miles is not None:
            where.append(f"{distance} <= :d2")
            params["d2"] = (query.within_miles / MILES_PER_DEGREE_LAT) ** 2
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    if count_only:
        # Counting stops at :cap rows: "more than 1,000" is all a person needs to know,
        # and counting every match of "h" costs more than the search itself.
        params["cap"] = query.limit
        return f"SELECT count(*) FROM (SELECT 1 FROM provider p{clause} LIMIT :cap)", params
    params.update(limit=query.limit, offset=query.offset)
    order = _order(query, distance, "+" if driver else "")
    return (f"SELECT {SUMMARY_COLUMNS} FROM provider p{clause} ORDER BY {order} "
            f"LIMIT :limit OFFSET :offset"), params


def _filters(query: SearchQuery, driver: str | None) -> tuple[list[str], dict[str, object]]:
    # A unary + stops SQLite using an index for that term, so only the driver uses one.
    def plus(name: str) -> str:
        return "" if name == driver else "+"

    where: list[str] = []
    params: dict[str, object] = {}
    expression = fts_expression(query.text)
    if expression:
        where.append(f"{plus('fts')}p.id IN (SELECT rowid FROM provider_fts "
                     "WHERE provider_fts MATCH :fts)")
        params["fts"] = expression
    _rest, named = service_words(query.text)
    if named:
        marks = ", ".join(f":named{i}" for i in range(len(named)))
        where.append("EXISTS (SELECT 1 FROM provider_service WHERE service_type IN "
                     f"({marks}) AND provider_id = p.id)")
        params.update({f"named{i}": kind for i, kind in enumerate(named)})
    if query.service_type:
        if driver == "service":
            where.append("p.id IN (SELECT provider_id FROM provider_service "
                         "WHERE service_type = :service)")
        else:  # a probe of the (service_type, provider_id) key per row beats a 40,000-id list
            where.append("EXISTS (SELECT 1 FROM provider_service WHERE "
                         "service_type = :service AND provider_id = p.id)")
        params["service"] = query.service_type
    if query.council:
        where.append(f"{plus('council')}p.local_authority = :council COLLATE NOCASE")
        params["council"] = query.council
    if query.rating == GOOD_OR_BETTER:
        where.append("+p.rating_rank >= 3")
    elif query.rating:
        where.append(f"{plus('rating')}p.rating = :rating")
        params["rating"] = canonical_rating(query.rating)
    if query.org_form is not None:
        where.append("+p.org_form = :org_form")
        params["org_form"] = query.org_form.value
    if query.near is not None and query.within_miles is not None:
        # A bounding box, so the latitude index can narrow the rows when nothing else does.
        half = query.within_miles / MILES_PER_DEGREE_LAT
        wide = half / max(math.cos(math.radians(query.near.latitude)), 0.1)
        box = "" if driver is None else "+"
        where.append(f"{box}p.latitude BETWEEN :lat_lo AND :lat_hi "
                     "AND p.longitude BETWEEN :lon_lo AND :lon_hi")
        params.update(lat_lo=query.near.latitude - half, lat_hi=query.near.latitude + half,
                      lon_lo=query.near.longitude - wide, lon_hi=query.near.longitude + wide)
    return where, params


def _order(query: SearchQuery, distance: str, plus: str) -> str:
    """ORDER BY; `plus` "+" makes SQLite sort the (few) rows instead of walking an index."""
    sort = query.sort or (SortBy.DISTANCE if distance else SortBy.NAME)
    if sort is SortBy.DISTANCE and distance:
        return f"{distance}, p.name_key, p.id"
    if sort is SortBy.RATING:
        return f"{plus}p.rating_rank DESC, {plus}p.name_key, p.id"
    return f"{plus}p.name_key, p.id"


FilterCounts = dict[tuple[str, str], int]


def choose_driver(conn: sqlite3.Connection, query: SearchQuery,
                  known: FilterCounts | None = None) -> str | None:
    """The narrowest filter if one is narrow (counted only up to BROAD, so cheap), else None.

    `known` keeps the counts of the service, rating and council filters between searches
    (they repeat as someone types; the caller empties it when the register changes).
    """
    known = {} if known is None else known
    probes = []
    expression = fts_expression(query.text)
    if expression:
        probes.append(("fts", "SELECT rowid FROM provider_fts WHERE provider_fts MATCH ?",
                       expression))
    if query.service_type:
        probes.append(("service", "SELECT provider_id FROM provider_service "
                       "WHERE service_type = ?", query.service_type))
    if query.rating and query.rating != GOOD_OR_BETTER:
        probes.append(("rating", "SELECT id FROM provider WHERE rating = ?",
                       canonical_rating(query.rating)))
    if query.council:
        probes.append(("council", "SELECT id FROM provider WHERE local_authority = ? "
                       "COLLATE NOCASE", query.council))
    counts = []
    for name, sql, value in probes:
        key = (name, value.casefold())
        found = known.get(key)
        if found is None:
            found = _count_upto(conn, sql, value)
            if name != "fts":  # typed text changes at every key press: not worth keeping
                known[key] = found
        counts.append((found, name))
    narrow = [(n, name) for n, name in counts if n < BROAD]
    return min(narrow)[1] if narrow else None


def _count_upto(conn: sqlite3.Connection, sql: str, value: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {BROAD})",
                            (value,)).fetchone()[0])


def search(conn: sqlite3.Connection, query: SearchQuery,
           known: FilterCounts | None = None) -> list[ProviderSummary]:
    sql, params = build_query(query, driver=choose_driver(conn, query, known))
    return [summary_from_row(row, query.near) for row in conn.execute(sql, params)]


def count(conn: sqlite3.Connection, query: SearchQuery, known: FilterCounts | None = None,
          cap: int = 1001) -> int:
    """How many providers match, counted up to `cap` (so `cap` means "at least that")."""
    sql, params = build_query(replace(query, limit=cap), count_only=True,
                              driver=choose_driver(conn, query, known))
    return int(conn.execute(sql, params).fetchone()[0])


def summary_from_row(row: tuple[object, ...], near: Place | None) -> ProviderSummary:
    (source, source_id, name, town, postcode, council, services, form, derived, rating,
     rating_date, lat, lon) = row
    distance = None
    if near is not None and lat is not None and lon is not None:
        distance = round(miles_between(near.latitude, near.longitude, float(str(lat)),
                                       float(str(lon))), 1)
    return ProviderSummary(
        source=Source(str(source)), source_id=str(source_id), name=str(name), town=str(town),
        postcode=str(postcode), local_authority=str(council),
        service_types=tuple(s for s in str(services).split("|") if s),
        org_form=OrgForm(str(form)), org_form_derived=bool(derived), rating=str(rating),
        rating_date=date.fromisoformat(str(rating_date)) if rating_date else None,
        distance_miles=distance)
