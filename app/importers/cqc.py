"""Readers for the CQC register files: HSCA active locations CSV, the public care directory
CSV, and CQC API location records (as JSON, or flattened to CSV with Python-repr columns)."""

from __future__ import annotations

import ast
import csv
import io
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from typing import Any

from app.domain.org_form import derive_org_form, org_form_of
from app.domain.providers import ProviderRecord, Rejection, Source, canonical_rating
from app.i18n import _
from app.importers.register_common import (
    RegisterFileError,
    Row,
    clean_phone,
    clean_postcode,
    clean_website,
    join_address,
    json_rows,
    latitude,
    longitude,
    parse_any_date,
    service_type_name,
    unique,
    unreadable,
)

# Header cells that identify each CSV format (the first one found decides).
HSCA_MARK = "Location HSCA start date"
DIRECTORY_MARK = "CQC Location ID (for office use only)"
API_CSV_MARK = "locationId"


CsvItem = tuple[int, dict[str, str]] | Rejection


def csv_records(text: str, header_line: int) -> Iterator[CsvItem]:
    """(line number, row) from a CSV whose header is at `header_line` (0-based line index).

    A file that ends in the middle of a record (cut short by an interrupted download or a
    full disk) is refused whole: importing the rest would remove every provider after it.
    """
    body = "".join(text.splitlines(keepends=True)[header_line:])
    consumed = [0]  # characters of `body` the csv reader has taken so far

    def lines() -> Iterator[str]:
        for line in io.StringIO(body, newline=""):
            consumed[0] += len(line)
            yield line

    reader = csv.reader(lines())
    header = [h.strip() for h in _next(reader, header_line + 1) or []]
    last: tuple[int, list[str]] | None = None
    last_start = 0
    while True:
        line = header_line + reader.line_num + 1  # where this record starts, counting from 1
        start = consumed[0]
        cells = _next(reader, line)
        if cells is None:
            break
        if not any(c.strip() for c in cells):
            continue
        if last is not None:
            yield _record(header, *last)
        last, last_start = (line, cells), start
    if last is not None:
        _check_whole(body[last_start:], len(last[1]) == len(header), last[0])
        yield _record(header, *last)


def _next(reader: Any, line: int) -> list[str] | None:
    try:
        return next(reader, None)
    except csv.Error as exc:  # a quote never closed, a field over the size limit, ...
        raise RegisterFileError(_("The file cannot be read as CSV from line {line}: "
                                  "{reason}").format(line=line, reason=exc)) from exc


def _record(header: list[str], line: int, cells: list[str]) -> CsvItem:
    if len(cells) != len(header):
        return Rejection(line, _("This row has {found} columns where the header has "
                                 "{expected}.").format(found=len(cells), expected=len(header)))
    return line, dict(zip(header, cells, strict=True))


def _check_whole(tail: str, columns_match: bool, line: int) -> None:
    """Refuse a file whose last record was cut off: a quote still open when the file ends, or
    short of columns with no line end after it."""
    try:
        list(csv.reader(io.StringIO(tail, newline=""), strict=True))
        open_quote = False
    except csv.Error as exc:  # only the end of the file inside quotes counts here
        open_quote = "end of data" in str(exc)
    if open_quote or (not columns_match and not tail.endswith(("\n", "\r"))):
        raise RegisterFileError(_(
            "The file ends in the middle of the record on line {line}: it was cut short, "
            "perhaps by an interrupted download. Nothing was imported. Download the file "
            "again.").format(line=line))


class _CsvReader(ABC):
    """Reads rows of one CQC CSV layout; each layout says how a row becomes a record."""

    dataset = ""
    label = ""
    id_column = ""

    def __init__(self, text: str, header_line: int) -> None:
        self.text = text
        self.header_line = header_line
        self.total = max(text.count("\n") - header_line, 1)

    def rows(self) -> Iterator[Row]:
        for item in csv_records(self.text, self.header_line):
            if isinstance(item, Rejection):
                yield item
                continue
            line, row = item
            try:
                yield self.record(line, row)
            except (ValueError, TypeError, AttributeError, RecursionError, OverflowError) as exc:
                yield unreadable(line, exc, row.get(self.id_column, ""))

    @abstractmethod
    def record(self, line: int, row: dict[str, str]) -> Row:
        """One register record from one CSV row; ValueError for a row that cannot be read."""


def _required(line: int, location_id: str, name: str) -> Rejection | None:
    if not location_id.strip():
        return Rejection(line, _("The CQC location ID is missing."))
    if not name.strip():
        return Rejection(line, _("The name is missing."))
    return None


_YES = {"Y", "y", "Y ", " Y"}


def _flag_columns(text: str, header_line: int, prefix: str) -> list[tuple[str, str]]:
    """(column, what it means) for the HSCA yes/no grid columns starting with `prefix`."""
    header = _next(csv.reader(io.StringIO(text.splitlines()[header_line])), header_line + 1) or []
    return [(h.strip(), h.strip()[len(prefix):]) for h in header
            if h.strip().startswith(prefix)]


def _flags(row: dict[str, str], columns: list[tuple[str, str]]) -> list[str]:
    # .get: a damaged header (a stray control character, which str.splitlines ends a line
    # at and the CSV reader does not) can name a column here that the rows do not have.
    return [meaning for column, meaning in columns if row.get(column) in _YES]


class HscaReader(_CsvReader):
    """CQC's "HSCA Active Locations" CSV (one row per location, Y/blank flag columns)."""

    dataset = "cqc_hsca"
    label = "CQC HSCA active locations (CSV)"
    id_column = "Location ID"

    def __init__(self, text: str, header_line: int) -> None:
        super().__init__(text, header_line)
        self.service_columns = _flag_columns(text, header_line, "Service type - ")
        self.band_columns = _flag_columns(text, header_line, "Service user band - ")

    def record(self, line: int, row: dict[str, str]) -> Row:
        location_id, name = row.get("Location ID", ""), row.get("Location Name", "")
        missing = _required(line, location_id, name)
        if missing:
            return missing
        provider = row.get("Provider Name", "")
        beds = row.get("Care homes beds", "").strip()
        # The national file states some of the form: ownership, sector, charity number.
        charity = row.get("Provider Charity Number", "").strip()
        form, derived = org_form_of(
            [row.get("Provider Ownership Type", ""), row.get("Provider Type/Sector", "")],
            [provider, name], charity, row.get("Provider Companies House Number", "").strip())
        return ProviderRecord(
            source=Source.CQC, source_id=location_id.strip(), name=" ".join(name.split()),
            line=line, provider_name=provider.strip(), org_form=form,
            org_form_derived=derived, charity_number=charity,
            address=join_address(row.get("Location Street Address", ""),
                                 row.get("Location Address Line 2", "")),
            town=row.get("Location City", "").strip(),
            postcode=clean_postcode(row.get("Location Postal Code", "")),
            local_authority=row.get("Location Local Authority", "").strip(),
            region=row.get("Location Region", "").strip(),
            latitude=latitude(row.get("Location Latitude", "")),
            longitude=longitude(row.get("Location Longitude", "")),
            phone=clean_phone(row.get("Location Telephone Number", "")),
            website=clean_website(row.get("Location Web Address", "")),
            service_types=unique([service_type_name(s)
                                  for s in _flags(row, self.service_columns)]),
            specialisms=unique(_flags(row, self.band_columns)),
            rating=canonical_rating(row.get("Location Latest Overall Rating", "")),
            rating_date=parse_any_date(row.get("Publication Date", "")),
            registered_manager=row.get("Registered manager", "").strip(),
            beds=int(beds) if beds else None,
            registered_on=parse_any_date(row.get(HSCA_MARK, "")),
        )


class DirectoryReader(_CsvReader):
    """CQC's public "care directory" CSV (pipe-separated lists, one address string)."""

    dataset = "cqc_directory"
    label = "CQC care directory (CSV)"
    id_column = DIRECTORY_MARK

    def record(self, line: int, row: dict[str, str]) -> Row:
        location_id, name = row.get(DIRECTORY_MARK, ""), row.get("Name", "")
        missing = _required(line, location_id, name)
        if missing:
            return missing
        address = row.get("Address", "")
        provider = row.get("Provider name", "")
        council = row.get("Local Authority", row.get("Local authority", ""))
        return ProviderRecord(
            source=Source.CQC, source_id=location_id.strip(), name=" ".join(name.split()),
            line=line, provider_name=provider.strip(),
            org_form=derive_org_form(provider, name),
            address=_all_but_last_part(address), town=_last_part(address),
            postcode=clean_postcode(row.get("Postcode", "")),
            local_authority=council.strip(), region=row.get("Region", "").strip(),
            phone=clean_phone(row.get("Phone number", "")),
            website=clean_website(row.get("Service's website (if available)", "")),
            service_types=unique([service_type_name(s)
                                  for s in row.get("Service types", "").split("|")]),
            specialisms=unique(row.get("Specialisms/services", "").split("|")),
            checked_on=parse_any_date(row.get("Date of latest check", "")),
        )


def _all_but_last_part(address: str) -> str:
    return ", ".join(p.strip() for p in address.split(",")[:-1] if p.strip())


def _last_part(address: str) -> str:
    """The town is the last part of the directory's comma-joined address."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    return parts[-1] if parts else ""


def api_record(line: int, item: dict[str, Any]) -> Row:
    """One CQC API `/locations/{id}` object (already parsed) -> a record or a rejection."""
    location_id, name = str(item.get("locationId") or ""), str(item.get("name") or "")
    missing = _required(line, location_id, name)
    if missing:
        return missing
    status = str(item.get("registrationStatus") or "Registered")
    if status.lower() != "registered":
        return Rejection(line, _("Left out: the location is {status}.").format(
            status=status.lower()), left_out=True)
    overall = (item.get("currentRatings") or {}).get("overall") or {}
    beds = item.get("numberOfBeds")
    form, derived = org_form_of([str(item.get("type") or "")],
                                [str(item.get("brandName") or ""), name])
    return ProviderRecord(
        source=Source.CQC, source_id=location_id.strip(), name=" ".join(name.split()),
        line=line, provider_name=str(item.get("brandName") or ""),
        org_form=form, org_form_derived=derived,
        address=join_address(str(item.get("postalAddressLine1") or ""),
                             str(item.get("postalAddressLine2") or "")),
        town=str(item.get("postalAddressTownCity") or "").strip(),
        postcode=clean_postcode(str(item.get("postalCode") or "")),
        local_authority=str(item.get("localAuthority") or "").strip(),
        region=str(item.get("region") or "").strip(),
        latitude=latitude(item.get("onspdLatitude")),
        longitude=longitude(item.get("onspdLongitude")),
        phone=clean_phone(str(item.get("mainPhoneNumber") or "")),
        website=clean_website(str(item.get("website") or "")),
        service_types=unique([service_type_name(str(g.get("name") or ""))
                              for g in item.get("gacServiceTypes") or []]),
        specialisms=unique([str(s.get("name") or "") for s in item.get("specialisms") or []]),
        rating=canonical_rating(str(overall.get("rating") or "")),
        rating_date=parse_any_date(str(overall.get("reportDate") or "")),
        registered_manager=_registered_manager(item.get("regulatedActivities") or []),
        beds=int(beds) if beds not in (None, "", 0, "0") else None,
        registered_on=parse_any_date(str(item.get("registrationDate") or "")),
    )


def _registered_manager(activities: list[dict[str, Any]]) -> str:
    for activity in activities:
        for person in activity.get("contacts") or []:
            if "Registered Manager" in (person.get("personRoles") or []):
                return " ".join(str(person.get(k) or "") for k in
                                ("personTitle", "personGivenName", "personFamilyName")).strip()
    return ""


# API columns that a flattening script wrote with Python's repr() (single quotes).
_NESTED = ("currentRatings", "gacServiceTypes", "specialisms", "regulatedActivities")


class ApiCsvReader(_CsvReader):
    """CQC API location records flattened to CSV; nested values are Python reprs."""

    dataset = "cqc_api"
    label = "CQC API locations (CSV)"
    id_column = API_CSV_MARK

    def record(self, line: int, row: dict[str, str]) -> Row:
        item: dict[str, Any] = dict(row)
        for column in _NESTED:
            try:
                item[column] = _literal(row.get(column, ""))
            except (ValueError, SyntaxError, TypeError, RecursionError, MemoryError):
                return Rejection(line, _("The {column} column cannot be read.").format(
                    column=column))
        return api_record(line, item)


def _literal(text: str) -> Any:
    """Parse a Python-repr value safely (literal_eval runs no code); blank -> None."""
    return ast.literal_eval(text) if text.strip() else None


class ApiJsonReader:
    """A JSON array of CQC API location objects (or a single one)."""

    dataset = "cqc_api"
    label = "CQC API locations (JSON)"

    def __init__(self, items: list[Any]) -> None:
        self.items = items
        self.total = max(len(items), 1)

    def rows(self) -> Iterator[Row]:
        return json_rows(self.items, api_record, _("Item {number} is not a location record."),
                         "locationId")


CSV_READERS: dict[str, Callable[[str, int], _CsvReader]] = {
    HSCA_MARK: HscaReader,
    DIRECTORY_MARK: DirectoryReader,
    API_CSV_MARK: ApiCsvReader,
}
