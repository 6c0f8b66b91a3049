"""Importing into the register all-or-nothing, re-imports, cancel, and searching."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.providers import OrgForm
from app.importers.register_common import RegisterFileError
from app.register.importing import ImportCancelled
from app.register.postcodes import UnknownPostcode, locate
from app.register.search import SearchQuery, SortBy
from app.services.register import ProviderNotFound, RegisterService

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"
HSCA = FIXTURES / "cqc_hsca_extract.csv"
API_CSV = FIXTURES / "cqc_api_extract.csv"


@pytest.fixture
def register(tmp_path: Path) -> Iterator[RegisterService]:
    service = RegisterService(tmp_path)
    yield service
    service.close()


def snapshot(service: RegisterService) -> list[tuple[object, ...]]:
    return service.conn.execute("SELECT * FROM provider ORDER BY id").fetchall()


def test_the_register_is_a_plain_sqlite_file(register: RegisterService, tmp_path: Path
                                            ) -> None:
    register.import_file(HSCA)
    with sqlite3.connect(tmp_path / "register.db") as plain:  # no key: public data
        assert plain.execute("SELECT count(*) FROM provider").fetchone()[0] == 40


def test_first_import_adds_every_row(register: RegisterService) -> None:
    report = register.import_file(API_CSV)
    assert (report.added, report.changed, report.removed, report.rejected) == (30, 0, 0, ())
    assert report.data_date is not None
    assert register.size() == 30


def test_reimport_reports_added_changed_removed(register: RegisterService,
                                                tmp_path: Path) -> None:
    register.import_file(HSCA)
    lines = HSCA.read_text().splitlines()
    gone_id = lines[1].split(",")[0]
    changed = lines[5].split(",")
    changed[-1] = str(int(changed[-1]) + 1)  # one more bed
    newer = [lines[0], *lines[2:5], ",".join(changed), *lines[6:],
             lines[1].replace(gone_id, "1-999999999")]
    path = tmp_path / "HSCA_newer.csv"
    path.write_text("\n".join(newer) + "\n")
    report = register.import_file(path)
    assert (report.added, report.changed, report.removed, report.unchanged) == (1, 1, 1, 38)
    assert register.provider("cqc", changed[0]).beds == int(changed[-1])
    assert register.provider("cqc", "1-999999999").summary.name == lines[1].split(",")[3]
    with pytest.raises(ProviderNotFound):
        register.provider("cqc", gone_id)


def test_reimport_of_the_same_file_changes_nothing(register: RegisterService) -> None:
    register.import_file(HSCA)
    before = snapshot(register)
    report = register.import_file(HSCA)
    assert (report.added, report.changed, report.removed, report.unchanged) == (0, 0, 0, 40)
    # Only run_id (column 4) moves on: the rows are the same rows, updated in place.
    assert [r[:4] + r[5:] for r in snapshot(register)] == [r[:4] + r[5:] for r in before]


def test_a_location_gone_from_its_area_is_removed(register: RegisterService,
                                                  tmp_path: Path) -> None:
    register.import_file(API_CSV)
    lines = API_CSV.read_text().splitlines()
    path = tmp_path / "api_newer.csv"
    path.write_text("\n".join(lines[:-1]) + "\n")  # the last location deregistered
    report = register.import_file(path)
    assert (report.added, report.changed, report.removed) == (0, 0, 1)
    with pytest.raises(ProviderNotFound):
        register.provider("cqc", lines[-1].split(",")[0])


def test_cancel_leaves_the_previous_register(register: RegisterService) -> None:
    register.import_file(HSCA)
    before = snapshot(register)
    calls = iter(range(100))
    with pytest.raises(ImportCancelled):
        # Cancel after the rows are staged: the point where the most would be lost.
        register.import_file(API_CSV, cancelled=lambda: next(calls) >= 1)
    assert snapshot(register) == before
    assert register.search(SearchQuery("abbeyfield"))


def test_cancel_of_a_first_import_leaves_an_empty_working_register(
        register: RegisterService) -> None:
    indexes = register.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()
    with pytest.raises(ImportCancelled):
        register.import_file(HSCA, cancelled=lambda: True)
    assert register.size() == 0
    # The first import drops and rebuilds indexes inside its transaction: all are back.
    assert register.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall() \
        == indexes
    assert register.import_file(HSCA).added == 40


def test_a_failure_midway_leaves_the_previous_register(register: RegisterService,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    register.import_file(HSCA)
    before = snapshot(register)

    def broken(conn: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr("app.register.importing._rebuild_services", broken)
    with pytest.raises(sqlite3.OperationalError):
        register.import_file(API_CSV)
    assert snapshot(register) == before


def test_a_file_with_no_usable_rows_imports_nothing(register: RegisterService,
                                                    tmp_path: Path) -> None:
    register.import_file(HSCA)
    header, first = HSCA.read_text().splitlines()[:2]
    path = tmp_path / "bad.csv"
    path.write_text(header + "\n" + "," + first.split(",", 1)[1] + "\n")
    with pytest.raises(RegisterFileError, match="Line 2: The CQC location ID is missing"):
        register.import_file(path)
    assert register.size() == 40


def test_repeated_ids_are_rejected(register: RegisterService, tmp_path: Path) -> None:
    lines = HSCA.read_text().splitlines()
    path = tmp_path / "twice.csv"
    path.write_text("\n".join(lines + [lines[1]]) + "\n")
    report = register.import_file(path)
    assert [r.line for r in report.rejected] == [42]
    assert "line 2" in report.rejected[0].reason


def test_progress_is_reported(register: RegisterService) -> None:
    stages: list[str] = []
    register.import_file(HSCA, progress=lambda stage, done, total: stages.append(stage))
    assert "saving" in stages


# --- search ------------------------------------------------------------------------------

@pytest.fixture
def filled(register: RegisterService) -> RegisterService:
    for name in ("cqc_hsca_extract.csv", "cqc_directory_extract.csv", "cqc_api_extract.csv",
                 "cqc_api_locations_extract.json", "service_list.json"):
        register.import_file(FIXTURES / name)
    return register


def names(results: list) -> list[str]:  # type: ignore[type-arg]
    return [r.name for r in results]


def test_prefixes_as_typed_find_names_and_towns(filled: RegisterService) -> None:
    assert "Highlands Borders Care Home" in names(filled.search(SearchQuery("highl bor")))
    found = filled.search(SearchQuery("dagen"))
    assert all("dagen" in (r.town + r.name).lower() for r in found)
    assert any(r.town == "Dagenham" for r in found)


def test_service_type_and_rating_filters(filled: RegisterService) -> None:
    homecare = filled.search(SearchQuery(service_type="Homecare agencies", limit=500))
    assert homecare and all("Homecare agencies" in r.service_types for r in homecare)
    good = filled.search(SearchQuery(rating="good", limit=500))
    assert good and all(r.rating == "Good" for r in good)


def test_council_filter(filled: RegisterService) -> None:
    oldham = filled.search(SearchQuery(council="oldham", limit=500))
    assert oldham and all(r.local_authority == "Oldham" for r in oldham)
    assert "Oldham" in filled.councils()


def test_distance_filter_and_sort(filled: RegisterService) -> None:
    results = filled.search(SearchQuery(near=locate("EX1 1AA"), within_miles=15, limit=500))
    distances = [r.distance_miles for r in results]
    assert distances and all(d is not None and d <= 15.1 for d in distances)
    assert distances == sorted(distances)  # type: ignore[type-var]
    assert all(r.postcode[:2] in ("EX", "TQ", "PL", "TA") for r in results)


def test_sort_by_rating_puts_outstanding_first(filled: RegisterService) -> None:
    results = filled.search(SearchQuery(sort=SortBy.RATING, limit=500))
    ranks = [("Outstanding", "Good", "Requires improvement", "Inadequate").index(r.rating)
             if r.rating in ("Outstanding", "Good", "Requires improvement", "Inadequate")
             else 9 for r in results]
    assert ranks == sorted(ranks)


def test_sort_by_name(filled: RegisterService) -> None:
    found = names(filled.search(SearchQuery(limit=500)))
    assert found == sorted(found, key=str.casefold)


def test_org_form_filter_and_derived_flag(filled: RegisterService) -> None:
    companies = filled.search(SearchQuery(org_form=OrgForm.PRIVATE_COMPANY, limit=500))
    assert companies and all(r.org_form_derived for r in companies)


def test_unknown_postcode_says_so() -> None:
    with pytest.raises(UnknownPostcode, match="ZZ9"):
        locate("ZZ9 9ZZ")
    with pytest.raises(UnknownPostcode, match="does not look like"):
        locate("hello")


def test_provider_detail_has_source_and_date(filled: RegisterService) -> None:
    detail = filled.provider("cqc", "1-1000587219")
    assert detail.registered_manager == "Mrs Fiona Geraldine Martin"
    assert detail.phone == "01392491261"
    assert detail.data_file == "cqc_api_extract.csv"
    assert detail.data_date is not None
    assert detail.summary.rating == "Good"


def test_an_older_file_does_not_undo_newer_data(register: RegisterService) -> None:
    register.import_file(API_CSV)  # February 2021, with ratings
    report = register.import_file(FIXTURES / "cqc_directory_extract.csv")  # February 2016
    detail = register.provider("cqc", "1-1000587219")
    assert report.kept_newer >= 1
    assert detail.summary.rating == "Good" and detail.data_file == "cqc_api_extract.csv"


def test_another_format_fills_in_but_does_not_blank(register: RegisterService,
                                                    tmp_path: Path) -> None:
    register.import_file(API_CSV)
    before = register.provider("cqc", "1-1000587219")
    # The same location in the HSCA layout (no rating, phone or manager columns), dated
    # later than the API file, with one more bed: a real row with its id and beds changed.
    header, row = HSCA.read_text().splitlines()[:2]
    cells = row.split(",")
    cells[0], cells[1], cells[-1] = "1-1000587219", "2021-03-31", "29"
    path = tmp_path / "hsca.csv"
    path.write_text(header + "\n" + ",".join(cells) + "\n")
    report = register.import_file(path)
    after = register.provider("cqc", "1-1000587219")
    assert (report.changed, report.kept_newer) == (1, 0)
    assert after.beds == 29 and after.data_file == "hsca.csv"
    assert after.summary.rating == before.summary.rating == "Good"
    assert after.phone == before.phone and after.registered_manager == before.registered_manager
