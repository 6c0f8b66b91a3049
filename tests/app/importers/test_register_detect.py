"""The CQC and ORUK readers on real extracts, and format detection on wrong files."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.providers import OrgForm, ProviderRecord, Rejection, Source
from app.importers.register_common import RegisterFileError, clean_phone, clean_postcode
from app.importers.register_detect import open_register_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"


def records(path: Path) -> list[ProviderRecord]:
    return [r for r in open_register_file(path).rows() if isinstance(r, ProviderRecord)]


def rejections(path: Path) -> list[Rejection]:
    return [r for r in open_register_file(path).rows() if isinstance(r, Rejection)]


def test_hsca_rows_become_care_homes_with_bands_and_beds() -> None:
    rows = records(FIXTURES / "cqc_hsca_extract.csv")
    assert len(rows) == 40
    first = rows[0]
    assert (first.source, first.source_id) == (Source.CQC, "1-112951275")
    assert first.name == "The Abbeyfield East London Extra Care Society Limited"
    assert first.town == "Dagenham" and first.postcode == "RM9 6LH"
    assert first.service_types == ("Residential homes",)
    assert "Dementia" in first.specialisms and first.beds == 45
    assert first.registered_on == date(2010, 10, 1)
    assert first.latitude == pytest.approx(51.537993)
    # VirtUK's derived district column is not CQC's council field, so it is not used as one.
    assert first.local_authority == ""
    assert first.line == 2


def test_directory_rows_split_pipes_and_restore_phone_zero() -> None:
    first = records(FIXTURES / "cqc_directory_extract.csv")[0]
    assert first.name == "Kingswood House Nursing Home"
    assert first.phone == "01424716303"
    assert first.service_types == ("Nursing homes",)
    assert "Mental health conditions" in first.specialisms
    assert first.town == "St Leonards On Sea" and first.local_authority == "East Sussex"
    assert first.address == "21-23 Chapel Park Road"  # the town is kept apart
    assert first.provider_name == "Innowood Limited"
    assert first.checked_on == date(2015, 11, 16)
    assert first.org_form is OrgForm.PRIVATE_COMPANY and first.org_form_derived


def test_api_csv_reads_python_repr_columns() -> None:
    first = records(FIXTURES / "cqc_api_extract.csv")[0]
    assert first.source_id == "1-1000587219"
    assert first.rating == "Good" and first.rating_date == date(2020, 5, 6)
    assert first.registered_manager == "Mrs Fiona Geraldine Martin"
    assert first.service_types == ("Residential homes",)
    assert first.registered_on == date(2013, 11, 4)


def test_api_json_leaves_out_deregistered_locations() -> None:
    rows = list(open_register_file(FIXTURES / "cqc_api_locations_extract.json").rows())
    kept = [r for r in rows if isinstance(r, ProviderRecord)]
    left = [r for r in rows if isinstance(r, Rejection)]
    assert (len(kept), len(left)) == (25, 5)
    assert all(r.left_out and "deregistered" in r.reason for r in left)
    assert kept[0].name == "Ebenezer Care Services"
    assert kept[0].service_types == ("Homecare agencies",)


def test_oruk_v3_json_and_csv_package_give_the_same_service() -> None:
    from_json = records(FIXTURES / "service_full.json")[0]
    from_csv = records(FIXTURES / "oruk_v3_csv")[0]
    for record in (from_json, from_csv):
        assert record.source is Source.ORUK
        assert record.source_id == "ac148810-d857-441c-9679-408f346de14b"
        assert record.name == "Community Counselling"
        assert record.provider_name == "Example Organization Inc."
        assert record.town == "MyCity"
        assert record.latitude is None  # the example's 100 is not a place on Earth
    assert from_csv.phone == "+441234234567"


def test_oruk_v1_page_is_read(tmp_path: Path) -> None:
    # Built from the v1 schema's field names (no real v1 feed is stored anywhere we can reach).
    page = {"totalElements": 1, "content": [{
        "id": "svc-1", "name": "Sitting service", "status": "active", "url": "example.org",
        "organization": {"id": "org-1", "name": "Carers Support CIC", "description": ""},
        "service_at_locations": [{"location": {
            "id": "loc-1", "name": "Hall", "latitude": 53.54, "longitude": -2.11,
            "physical_addresses": [{"address_1": "1 Union St", "city": "Oldham",
                                    "postal_code": "ol1 1aa"}]}}],
        "service_taxonomys": [{"taxonomy": {"name": "Respite care"}}]}]}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(page))
    reader = open_register_file(path)
    assert reader.dataset == "oruk_v1"
    (record,) = list(reader.rows())
    assert isinstance(record, ProviderRecord)
    assert record.postcode == "OL1 1AA" and record.town == "Oldham"
    assert record.service_types == ("Respite care",)
    assert record.org_form is OrgForm.SOCIAL_ENTERPRISE and record.org_form_derived
    assert record.website == "http://example.org"


def test_malformed_rows_are_rejected_with_line_numbers(tmp_path: Path) -> None:
    lines = (FIXTURES / "cqc_hsca_extract.csv").read_text().splitlines()
    lines[2] = "," + lines[2].split(",", 1)[1]  # line 3: the location id blanked
    lines[4] = lines[4][:40]  # line 5: cut short
    cells = lines[6].split(",")
    cells[1] = "20x0-01-01"  # line 7: a start date that is not one
    lines[6] = ",".join(cells)
    path = tmp_path / "hsca.csv"
    path.write_text("\n".join(lines) + "\n")
    rejected = {r.line: r.reason for r in rejections(path)}
    assert set(rejected) == {3, 5, 7}
    assert "location ID is missing" in rejected[3]
    assert "columns" in rejected[5]
    assert "20x0" in rejected[7]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.csv", "", "is empty"),
    ("blank.csv", "\n  \n", "is empty"),
    ("notes.txt", "Dear council,\nhere are my receipts\n", "not a register file"),
    ("broken.json", '[{"locationId": "1-1"', "not valid JSON"),
    ("header.csv", "Location ID,Location HSCA start date,Location Name\n", "no rows"),
])
def test_wrong_files_get_a_plain_reason(tmp_path: Path, name: str, content: str,
                                        message: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(RegisterFileError, match=message):
        open_register_file(path)


def test_provider_records_are_not_location_records() -> None:
    with pytest.raises(RegisterFileError, match="provider records"):
        open_register_file(FIXTURES / "cqc_api_providers_extract.json")


def test_a_single_package_table_asks_for_the_whole_package(tmp_path: Path) -> None:
    path = tmp_path / "organizations.csv"
    path.write_text((FIXTURES / "oruk_v3_csv" / "organizations.csv").read_text())
    with pytest.raises(RegisterFileError, match="data package"):
        open_register_file(path)


def test_missing_file() -> None:
    with pytest.raises(RegisterFileError, match="no file"):
        open_register_file(FIXTURES / "nope.csv")


@pytest.mark.parametrize(("raw", "clean"), [
    ("ex12qe", "EX1 2QE"), ("SW1A  1AA", "SW1A 1AA"), ("ABC 1234", "ABC 1234")])
def test_postcodes_are_tidied(raw: str, clean: str) -> None:
    assert clean_postcode(raw) == clean


def test_phone_numbers_are_tidied() -> None:
    assert clean_phone("1424716303") == "01424716303"
    assert clean_phone("0161 669 1029") == "01616691029"


def test_national_hsca_columns_state_the_form(tmp_path: Path) -> None:
    # The full national file also has these provider columns; add them to two real rows.
    header, first, second = (FIXTURES / "cqc_hsca_extract.csv").read_text().splitlines()[:3]
    path = tmp_path / "hsca_national.csv"
    path.write_text(f"{header},Provider Ownership Type,Provider Charity Number\n"
                    f"{first},Organisation,1123456\n{second},Individual,\n")
    charity, person = records(path)
    assert (charity.org_form, charity.org_form_derived) == (OrgForm.CHARITY, False)
    assert charity.charity_number == "1123456"
    assert (person.org_form, person.org_form_derived) == (OrgForm.SOLE_TRADER, False)


def test_oruk_items_that_are_not_services_are_rejected(tmp_path: Path) -> None:
    service = json.loads((FIXTURES / "service_full.json").read_text())
    page = {"contents": [service, "not a service", {**service, "id": "2", "name": ""}]}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page))
    rows = list(open_register_file(path).rows())
    assert isinstance(rows[0], ProviderRecord)
    assert rows[1] == Rejection(2, "Item 2 is not a service.")
    assert rows[2] == Rejection(3, "The service has no name.")


@pytest.mark.parametrize("name", ["organization_full.json", "service_at_location_list.json"])
def test_oruk_services_inside_other_v3_shapes(name: str) -> None:
    (record,) = records(FIXTURES / name)
    assert record.name == "Community Counselling"
    assert record.provider_name == "Example Organization Inc."


def test_an_oruk_taxonomy_page_is_not_a_directory_of_services() -> None:
    with pytest.raises(RegisterFileError, match="not a register file"):
        open_register_file(FIXTURES / "taxonomy_list.json")


def test_directory_preamble_is_skipped_and_lines_still_count(tmp_path: Path) -> None:
    # The real download starts with four lines before the header (SOURCES.md), and newer
    # files write "Local authority" with a small a.
    text = (FIXTURES / "cqc_directory_extract.csv").read_text()
    text = text.replace("Local Authority,", "Local authority,", 1)
    path = tmp_path / "directory.csv"
    path.write_text("CQC Locations data\n\nThis data was produced on 01/02/2016\n\n" + text)
    rows = records(path)
    assert len(rows) == 40
    assert rows[0].line == 6 and rows[0].local_authority == "East Sussex"


def test_a_field_too_big_to_be_csv_is_a_plain_error(tmp_path: Path) -> None:
    header, first = (FIXTURES / "cqc_hsca_extract.csv").read_text().splitlines()[:2]
    path = tmp_path / "hsca.csv"
    path.write_text(f'{header}\n{first}\n1-2,"{"x" * 200_000}"\n')
    with pytest.raises(RegisterFileError, match="from line 3"):
        list(open_register_file(path).rows())


# --- whatever is in a file: records, rejections or a plain error -----------------------------

HSCA_HEADER = (FIXTURES / "cqc_hsca_extract.csv").read_text().splitlines()[0]
HSCA_WIDTH = len(next(csv.reader([HSCA_HEADER])))
SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
cells = st.text(alphabet=st.characters(blacklist_categories=SURROGATES), max_size=12)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells, min_size=HSCA_WIDTH - 2, max_size=HSCA_WIDTH + 1), max_size=6))
def test_any_hsca_rows_give_records_or_rejections(tmp_path: Path,
                                                  rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path = tmp_path / "hsca.csv"
    path.write_text(HSCA_HEADER + "\n" + out.getvalue(), encoding="utf-8")
    try:
        reader = open_register_file(path)
    except RegisterFileError:
        return  # e.g. a header with no rows: said plainly
    for row in reader.rows():
        assert isinstance(row, ProviderRecord | Rejection)
        if isinstance(row, Rejection):
            assert row.reason and row.line >= 2


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=200))
def test_any_bytes_are_a_register_file_error_or_rows(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "anything.json"
    path.write_bytes(content)
    try:
        rows = list(open_register_file(path).rows())
    except RegisterFileError as error:
        assert str(error)
        return
    assert all(isinstance(r, ProviderRecord | Rejection) for r in rows)
