"""What every register importer shares: the reader shape, errors, and field clean-up."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

from app.domain.errors import DomainError
from app.domain.providers import ProviderRecord, Rejection
from app.files import InputRefused, read_limited
from app.i18n import _

Row = ProviderRecord | Rejection


class RegisterFileError(DomainError):
    """The file as a whole cannot be used: unreadable, empty, or not a register format."""


class RegisterReader(Protocol):
    """One file of one known format. `rows()` yields records and rejections in file order."""

    dataset: str  # e.g. "cqc_hsca": removals on re-import only touch rows from the same dataset
    label: str  # a plain name of the format, shown to people
    total: int  # rows expected, for the progress bar

    def rows(self) -> Iterator[Row]: ...


# The whole CQC register is about 50,000 locations (HSCA CSV ~40 MB; API JSON far less per
# council): a file many times that is not a register, and must not fill the memory.
MAX_FILE_BYTES = 300 * 1024 * 1024


def read_text(path: Path) -> str:
    """The whole file as text. Real CQC downloads are UTF-8 with a BOM or Windows-1252."""
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except InputRefused as exc:
        raise RegisterFileError(str(exc)) from exc
    if not raw.strip():
        raise RegisterFileError(_("{file} is empty.").format(file=path.name))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


# CQC's description of a service type -> the short name CQC shows on its site and in the
# public directory, so that one filter word matches every format.
SERVICE_TYPE_NAMES = {
    "care home service with nursing": "Nursing homes",
    "care home service without nursing": "Residential homes",
    "domiciliary care service": "Homecare agencies",
    "supported living service": "Supported living",
    "extra care housing services": "Supported housing",
    "shared lives": "Shared lives",
    "community based services for people with a learning disability":
        "Community services - Learning disabilities",
    "community based services for people with mental health needs":
        "Community services - Mental Health",
    "community based services for people who misuse substances":
        "Community services - Substance abuse",
    "hospice services": "Hospice",
    "hospice services at home": "Home hospice care",
    "dental service": "Dentist",
    "doctors consultation service": "Doctors/GPs",
    "doctors treatment service": "Doctors/GPs",
    "doctors/gps": "Doctors/GPs",
    "community healthcare service": "Community services - Healthcare",
    "rehabilitation services": "Rehabilitation (illness/injury)",
}


def service_type_name(text: str) -> str:
    cleaned = " ".join(text.split())
    return SERVICE_TYPE_NAMES.get(cleaned.lower(), cleaned)


def unique(items: list[str]) -> tuple[str, ...]:
    """Non-empty items (spaces tidied) in first-seen order, each once."""
    return tuple(dict.fromkeys([" ".join(x.split()) for x in items if x and not x.isspace()]))


_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
_TIDY_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")


def clean_postcode(text: str) -> str:
    """'ex12qe' -> 'EX1 2QE'; anything that is not a UK postcode is returned trimmed, upper."""
    if _TIDY_POSTCODE.match(text):
        return text  # most files already write them this way
    squeezed = "".join(text.split()).upper()
    match = _POSTCODE.match(squeezed)
    return f"{match.group(1)} {match.group(2)}" if match else " ".join(text.split()).upper()


_NOT_DIAL = re.compile(r"[^\d+]")


def clean_phone(text: str) -> str:
    """Digits as dialled. The 2016 directory dropped the leading zero (e.g. 1424716303)."""
    if not text:
        return ""
    digits = _NOT_DIAL.sub("", text)
    if len(digits) == 10 and digits[0] in "123789":
        digits = "0" + digits
    return digits


def clean_website(text: str) -> str:
    url = text.strip()
    if url and not re.match(r"^https?://", url, re.I):
        url = "http://" + url
    return url


def parse_any_date(text: str) -> date | None:
    """CQC writes dates as YYYY-MM-DD, DD/MM/YYYY or 'DD/MM/YYYY - 00:00'. None if blank.

    Raises ValueError for text that is not a date, so the row can be rejected plainly.
    """
    value = text.strip().split(" - ")[0].split("T")[0].strip()
    if not value:
        return None
    if len(value) == 10 and value[4] == "-":
        return possible(date.fromisoformat(value), value)  # fromisoformat raises itself
    parts = value.replace("-", "/").split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
        return possible(date(int(parts[2]), int(parts[1]), int(parts[0])), value)
    raise ValueError(value)


EARLIEST = date(1900, 1, 1)
AHEAD_DAYS = 7  # a file made today somewhere ahead of this computer's clock


def latest_possible() -> date:
    return date.today() + timedelta(days=AHEAD_DAYS)


def possible(value: date, text: str) -> date:
    """A register date before 1900 or in the future is a typing slip or damage: one such row
    (say 9999-12-31) would otherwise make every later download look older than it."""
    if not EARLIEST <= value <= latest_possible():
        raise ValueError(_("the date {value} cannot be right").format(value=text))
    return value


def _coordinate(value: object, low: float, high: float) -> float | None:
    """Within bounds, or None (blank, or out of range like the ORUK examples' 100)."""
    if value is None or value == "":
        return None
    number = float(str(value))
    return number if low <= number <= high else None


def latitude(value: object) -> float | None:
    return _coordinate(value, 49.0, 61.5)


def longitude(value: object) -> float | None:
    return _coordinate(value, -8.7, 2.0)


def join_address(*parts: str) -> str:
    return ", ".join([" ".join(p.split()) for p in parts if p and not p.isspace()])


def unreadable(line: int, exc: Exception, source_id: object = "") -> Rejection:
    return Rejection(line, _("A value could not be read: {value}").format(value=str(exc)[:80]),
                     source_id=str(source_id or "").strip()[:200])


def json_rows(items: list[Any], convert: Callable[[int, dict[str, Any]], Row],
              not_one: str, id_key: str = "id") -> Iterator[Row]:
    """Each JSON object through `convert`, numbered from 1; `not_one` (with {number}) is the
    rejection for an item that is not an object at all."""
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            yield Rejection(index, not_one.format(number=index))
            continue
        try:
            yield convert(index, item)
        except (ValueError, TypeError, AttributeError, RecursionError, OverflowError) as exc:
            yield unreadable(index, exc, item.get(id_key) if isinstance(
                item.get(id_key), str) else "")
