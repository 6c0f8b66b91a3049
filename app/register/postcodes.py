"""Offline postcode-district centroids (doogal.co.uk, OGL) and distances between them."""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.domain.errors import DomainError
from app.i18n import _
from app.paths import RESOURCES

DISTRICTS_FILE = RESOURCES / "postcodes" / "postcode_districts_doogal.csv"
EARTH_RADIUS_MILES = 3958.8
_OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")


class UnknownPostcode(DomainError):
    pass


@dataclass(frozen=True)
class Place:
    district: str
    latitude: float
    longitude: float


@cache
def load_districts(path: Path = DISTRICTS_FILE) -> dict[str, tuple[float, float]]:
    """District (e.g. 'EX1') -> (latitude, longitude); districts without a centroid left out."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["Postcode"].strip().upper(): (float(row["Latitude"]), float(row["Longitude"]))
                for row in csv.DictReader(handle) if row["Latitude"] and row["Longitude"]}


def district_of(postcode: str) -> str:
    """'ex1 2qe' -> 'EX1', 'EX1' -> 'EX1'. Empty when it does not look like a postcode."""
    squeezed = "".join(postcode.split()).upper()
    if _OUTWARD.match(squeezed):
        return squeezed
    if len(squeezed) >= 5 and _OUTWARD.match(squeezed[:-3]) and re.match(
            r"^[0-9][A-Z]{2}$", squeezed[-3:]):
        return squeezed[:-3]
    return ""


def centroid(postcode: str) -> tuple[float, float] | None:
    """The district centroid for a postcode, or None when unknown (for import, not people)."""
    return load_districts().get(district_of(postcode))


def locate(postcode: str) -> Place:
    """Where a person's postcode is, to the district; a plain error when it is unknown."""
    district = district_of(postcode)
    if not district:
        raise UnknownPostcode(_("“{postcode}” does not look like a UK postcode. Try the "
                                "first part, for example EX1.").format(postcode=postcode))
    point = load_districts().get(district)
    if point is None:
        raise UnknownPostcode(_("The postcode area {district} is not one CareLedger knows. "
                                "Check it, or try a nearby one.").format(district=district))
    return Place(district, point[0], point[1])


def miles_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in miles."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(a))
