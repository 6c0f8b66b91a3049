"""Search the register as someone types: FTS5 prefix queries plus filters, sorted three ways.

`build_query` makes the SQL and parameters (the bench runs the very same SQL raw);
`search` runs it and turns rows into ProviderSummary records with distances.
"""

from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.providers import OrgForm, ProviderSummary, Source
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


def fts_expression(text: str) -> str:
    """'st ann' -> '"st"* "ann"*': every typed word must start a word in the record."""
    return " ".join(f'"{w}"*' for w in _WORD.findall(text.lower()))


SUMMARY_COLUMNS = ("p.source, p.source_id, p.name, p.town, p.postcode, p.local_authority, "
                   "p.service_types, p.org_form, p.org_form_derived, p.rating, p.rating_date, "
                   "p.latitude, p.longitude")


def build_query(query: SearchQuery, count_only: bool = False) -> tuple[str, dict[str, object]]:
    where, params = _filters(query)
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
        return f"SELECT count(*) FROM provider p{clause}", params
    params.update(limit=query.limit, offset=query.offset)
    order = _order(query, distance)
    return (f"SELECT {SUMMARY_COLUMNS} FROM provider p{clause} ORDER BY {order} "
            f"LIMIT :limit OFFSET :offset"), params


def _filters(query: SearchQuery) -> tuple[list[str], dict[str, object]]:
    where: list[str] = []
    params: dict[str, object] = {}
    expression = fts_expression(query.text)
    if expression:
        where.append("p.id IN (SELECT rowid FROM provider_fts WHERE provider_fts MATCH :fts)")
        params["fts"] = expression
    if query.service_type:
        where.append("p.id IN (SELECT provider_id FROM provider_service "
                     "WHERE service_type = :service COLLATE NOCASE)")
        params["service"] = query.service_type
    if query.council:
        where.append("p.local_authority = :council COLLATE NOCASE")
        params["council"] = query.council
    if query.rating:
        where.append("p.rating = :rating COLLATE NOCASE")
        params["rating"] = query.rating
    if query.org_form is not None:
        where.append("p.org_form = :org_form")
        params["org_form"] = query.org_form.value
    if query.near is not None and query.within_miles is not None:
        # A bounding box first, so the latitude index narrows the rows to check.
        half = query.within_miles / MILES_PER_DEGREE_LAT
        wide = half / max(math.cos(math.radians(query.near.latitude)), 0.1)
        where.append("p.latitude BETWEEN :lat_lo AND :lat_hi "
                     "AND p.longitude BETWEEN :lon_lo AND :lon_hi")
        params.update(lat_lo=query.near.latitude - half, lat_hi=query.near.latitude + half,
                      lon_lo=query.near.longitude - wide, lon_hi=query.near.longitude + wide)
    return where, params


def _order(query: SearchQuery, distance: str) -> str:
    sort = query.sort or (SortBy.DISTANCE if distance else SortBy.NAME)
    if sort is SortBy.DISTANCE and distance:
        return f"{distance}, p.name_key, p.id"
    if sort is SortBy.RATING:
        return "p.rating_rank DESC, p.name_key, p.id"
    return "p.name_key, p.id"


def search(conn: sqlite3.Connection, query: SearchQuery) -> list[ProviderSummary]:
    sql, params = build_query(query)
    return [summary_from_row(row, query.near) for row in conn.execute(sql, params)]


def count(conn: sqlite3.Connection, query: SearchQuery) -> int:
    sql, params = build_query(query, count_only=True)
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
