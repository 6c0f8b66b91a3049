"""Readers for Open Referral UK directories: v1 and v3 JSON (a page, a list or one service),
and the v3 CSV data package (a folder or .zip of services.csv, organizations.csv, ...).

Each ORUK *service* becomes one register entry, placed at its first location.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from app.domain.org_form import org_form_of
from app.domain.providers import OrgForm, ProviderRecord, Rejection, Source
from app.files import InputRefused, check_ordinary, read_limited
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
    unique,
    unreadable,
)

# Identifier schemes (org-id.guide) that say outright what an organisation is.
CHARITY_SCHEMES = {"GB-CHC", "GB-SC", "GB-NIC"}


# Keys only a service has (an organization or taxonomy term has a name and id too).
_SERVICE_KEYS = {"organization", "organization_id", "status", "service_at_locations",
                 "service_taxonomys", "service_taxonomies", "attributes"}


def services_in(document: Any) -> list[Any] | None:
    """The services in an ORUK JSON document, or None if it holds something else.

    Takes a page (v3 `contents`, v1 `content`), a bare list or one object, whose items are
    services, service-at-location records, or organizations carrying their services.
    """
    if isinstance(document, dict):
        items = next((document[k] for k in ("contents", "content")
                      if isinstance(document.get(k), list)), [document])
    elif isinstance(document, list):
        items = document
    else:
        return None
    services: list[Any] = []
    for item in items:
        found = _as_services(item)
        if found is None:
            return None
        services.extend(found)
    return services


def _as_services(item: Any) -> list[Any] | None:
    if not isinstance(item, dict):
        return [item]  # kept, so the reader rejects it with its number
    if isinstance(item.get("service"), dict) and isinstance(item.get("location"), dict):
        return [{**item["service"], "service_at_locations": [{"location": item["location"]}]}]
    if isinstance(item.get("services"), list):
        organization = {k: v for k, v in item.items() if k != "services"}
        return [{**s, "organization": s.get("organization") or organization}
                if isinstance(s, dict) else s for s in item["services"]]
    if "name" in item and "id" in item and _SERVICE_KEYS & item.keys():
        return [item]
    return None


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value not in (None, "") else ""


def _first_location(service: dict[str, Any]) -> dict[str, Any]:
    for link in service.get("service_at_locations") or []:
        if isinstance(link, dict) and isinstance(link.get("location"), dict):
            return dict(link["location"])
    return {}


def _address(location: dict[str, Any]) -> dict[str, Any]:
    # v3 says addresses (postal and physical); v1 says physical_addresses.
    candidates = list(location.get("addresses") or []) + list(
        location.get("physical_addresses") or [])
    physical = [a for a in candidates if a.get("address_type", "physical") == "physical"]
    chosen = physical or candidates
    return dict(chosen[0]) if chosen else {}


def _phones(service: dict[str, Any], location: dict[str, Any]) -> list[str]:
    numbers = [p.get("number") for p in service.get("phones") or []]
    for contact in service.get("contacts") or []:
        numbers += [p.get("number") for p in contact.get("phones") or []]
    numbers += [p.get("number") for p in location.get("phones") or []]
    return [clean_phone(_text(n).strip('"')) for n in numbers if n]


def _terms(service: dict[str, Any]) -> list[str]:
    # v3: attributes[].taxonomy_term; v1: service_taxonomys[].taxonomy.
    names = [_text((a.get("taxonomy_term") or {}).get("name"))
             for a in service.get("attributes") or []]
    for key in ("service_taxonomys", "service_taxonomies"):
        names += [_text((t.get("taxonomy") or {}).get("name")) for t in service.get(key) or []]
    return names


def _org_form(organization: dict[str, Any]) -> tuple[OrgForm, bool, str]:
    """(form, derived?, charity number) from what the organisation record states."""
    charity = next((_text(i.get("identifier"))
                    for i in organization.get("organization_identifiers") or []
                    if _text(i.get("identifier_scheme")).upper() in CHARITY_SCHEMES), "")
    form, derived = org_form_of(
        [_text(organization.get(k)) for k in ("legal_status", "tax_status")],
        [_text(organization.get("name"))], charity)
    return form, derived, charity


def service_record(line: int, service: dict[str, Any]) -> Row:
    service_id, name = _text(service.get("id")), _text(service.get("name"))
    if not service_id:
        return Rejection(line, _("The service has no id."))
    if not name:
        return Rejection(line, _("The service has no name."))
    status = _text(service.get("status")).lower()
    if status and status != "active":
        return Rejection(line, _("Left out: the service is {status}.").format(status=status),
                         left_out=True)
    organization = service.get("organization") or {}
    location = _first_location(service)
    address = _address(location)
    form, derived, charity = _org_form(organization)
    return ProviderRecord(
        source=Source.ORUK, source_id=service_id, name=name, line=line,
        provider_name=_text(organization.get("name")), org_form=form, org_form_derived=derived,
        charity_number=charity,
        address=join_address(*(str(address.get(k) or "") for k in
                               ("address_1", "address_2", "address_3", "address_4"))),
        town=_text(address.get("city")),
        postcode=clean_postcode(_text(address.get("postal_code"))),
        local_authority=_text(address.get("state_province")),
        region=_text(address.get("region")),
        latitude=latitude(location.get("latitude")),
        longitude=longitude(location.get("longitude")),
        phone=next(iter(_phones(service, location)), ""),
        website=clean_website(_text(service.get("url")
                                    or organization.get("website") or organization.get("url"))),
        email=_text(service.get("email")),
        service_types=unique(_terms(service)),
        description=_text(service.get("description"))[:2000],
        registered_on=parse_any_date(_text(service.get("assured_date"))),
    )


class OrukJsonReader:
    label = "Open Referral UK services (JSON)"

    def __init__(self, services: list[Any], version: str) -> None:
        self.services = services
        self.dataset = f"oruk_{version}"
        self.total = max(len(services), 1)

    def rows(self) -> Iterator[Row]:
        return json_rows(self.services, service_record, _("Item {number} is not a service."))


def json_version(document: Any) -> str:
    """v3 pages say `contents` and addresses; v1 pages `content` and physical_addresses."""
    if isinstance(document, dict) and "content" in document:
        return "v1"
    return "v1" if '"physical_addresses"' in str(document).replace("'", '"') else "v3"


# --- the v3 CSV data package -------------------------------------------------------------

Table = list[dict[str, str]]


# A real ORUK package is a few MB; these bounds stop a zip bomb (1.5 MB unpacking to GBs).
MAX_PACKAGE_BYTES = 200 * 1024 * 1024  # all tables together, unpacked
MAX_MEMBERS = 200
MAX_RATIO = 200  # unpacked size / packed size of a member: text compresses ~10x, not 1000x


def _open_package(path: Path) -> Callable[[str], str | None]:
    """A function giving the text of a named CSV in the package folder or zip (None if absent)."""
    budget = [MAX_PACKAGE_BYTES]
    if path.is_dir():
        def from_folder(name: str) -> str | None:
            file = path / name
            if not file.exists():
                return None
            return _decode(_take(budget, read_limited(file, budget[0]), name), name)
        return from_folder
    archive = _zip(path)
    names = {Path(n).name: n for n in archive.namelist()}

    def from_zip(name: str) -> str | None:
        if name not in names:
            return None
        info = archive.getinfo(names[name])
        if info.file_size > budget[0] or info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _too_big(path)
        try:
            with archive.open(info) as member:
                data = member.read(budget[0] + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
                NotImplementedError) as exc:
            raise RegisterFileError(_("{file} is damaged: {member} cannot be unpacked.").format(
                file=path.name, member=name)) from exc
        return _decode(_take(budget, data, name, path), name)
    return from_zip


def _zip(path: Path) -> zipfile.ZipFile:
    try:
        check_ordinary(path)
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, InputRefused) as exc:
        raise RegisterFileError(_("{file} is not a readable zip file.").format(
            file=path.name)) from exc
    if len(archive.infolist()) > MAX_MEMBERS:
        raise RegisterFileError(_("{file} holds too many files to be an ORUK data package.")
                                .format(file=path.name))
    return archive


def _take(budget: list[int], data: bytes, name: str, package: Path | None = None) -> bytes:
    budget[0] -= len(data)
    if budget[0] < 0:
        raise _too_big(package or Path(name))
    return data


def _too_big(path: Path) -> RegisterFileError:
    return RegisterFileError(_("{file} unpacks to far more than an ORUK data package does, so "
                               "it was not read.").format(file=path.name))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _table(read: Callable[[str], str | None], *names: str) -> Table:
    for name in names:
        text = read(name)
        if text is not None:
            try:
                return list(csv.DictReader(io.StringIO(text)))
            except csv.Error as exc:
                raise RegisterFileError(_("{table} in the ORUK package cannot be read as CSV: "
                                          "{reason}").format(table=name, reason=exc)) from exc
    return []


def _by(table: Table, key: str) -> dict[str, Table]:
    groups: dict[str, Table] = defaultdict(list)
    for row in table:
        groups[row.get(key) or ""].append(row)
    return groups


def is_package(path: Path) -> bool:
    if path.is_dir():
        return (path / "services.csv").exists()
    if path.suffix.lower() == ".zip":
        try:
            return zipfile.is_zipfile(path) and any(
                Path(n).name == "services.csv" for n in _zip(path).namelist())
        except (OSError, InputRefused):
            return False
    return False


class OrukCsvPackageReader:
    """Joins the package's tables back into nested services, then reads them as JSON ones."""

    dataset = "oruk_v3"
    label = "Open Referral UK v3 data package (CSV)"

    def __init__(self, path: Path) -> None:
        read = _open_package(path)
        self.services = _table(read, "services.csv")
        if not self.services:
            raise RegisterFileError(_("services.csv in {file} has no services.").format(
                file=path.name))
        self.organizations = {o.get("id", ""): o for o in _table(read, "organizations.csv")}
        self.identifiers = _by(_table(read, "organization_identifiers.csv"), "organization_id")
        self.links = _by(_table(read, "service_at_location.csv", "service_at_locations.csv"),
                         "service_id")
        self.locations = {x.get("id", ""): x for x in _table(read, "locations.csv")}
        self.addresses = _by(_table(read, "addresses.csv", "address.csv"), "location_id")
        self.phones = _by(_table(read, "phones.csv"), "service_id")
        self.contacts = _by(_table(read, "contacts.csv"), "service_id")
        self.contact_phones = _by(_table(read, "phones.csv"), "contact_id")
        self.attributes = _by(_table(read, "attributes.csv", "attribute.csv"), "link_id")
        self.terms = {t.get("id", ""): t for t in _table(read, "taxonomy_terms.csv")}
        self.total = len(self.services)

    def rows(self) -> Iterator[Row]:
        for line, service in enumerate(self.services, start=2):  # line 1 is the header
            try:
                yield service_record(line, self._nested(service))
            except (ValueError, TypeError, AttributeError, KeyError) as exc:
                yield unreadable(line, exc, service.get("id") or "")

    def _nested(self, service: dict[str, str]) -> dict[str, Any]:
        nested: dict[str, Any] = dict(service)
        org: dict[str, Any] = dict(self.organizations.get(service.get("organization_id", ""), {}))
        org["organization_identifiers"] = self.identifiers.get(org.get("id", ""), [])
        nested["organization"] = org
        nested["service_at_locations"] = [
            {"location": {**self.locations[link["location_id"]],
                          "addresses": self.addresses.get(link["location_id"], [])}}
            for link in self.links.get(service.get("id", ""), [])
            if link.get("location_id") in self.locations]
        contacts = self.contacts.get(service.get("id", ""), [])
        nested["contacts"] = [{**c, "phones": self.contact_phones.get(c.get("id", ""), [])}
                              for c in contacts]
        nested["phones"] = self.phones.get(service.get("id", ""), [])
        nested["attributes"] = [{"taxonomy_term": self.terms.get(a.get("taxonomy_term_id", ""))}
                                for a in self.attributes.get(service.get("id", ""), [])
                                if a.get("taxonomy_term_id") in self.terms]
        return nested
