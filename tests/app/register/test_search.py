"""The search SQL: typed text to FTS5, and the planner hint never changing the answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.register.postcodes import locate
from app.register.search import (
    GOOD_OR_BETTER,
    SearchQuery,
    SortBy,
    build_query,
    choose_driver,
    fts_expression,
    service_words,
)
from app.services.register import RegisterService

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"


def test_typed_words_become_prefix_terms() -> None:
    assert fts_expression("St Ann's") == '"st"* "ann"* "s"*'
    assert fts_expression('  "quote" OR ') == '"quote"* "or"*'
    assert fts_expression("  ") == ""


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> RegisterService:
    service = RegisterService(tmp_path_factory.mktemp("register"))
    for name in ("cqc_directory_extract.csv", "cqc_api_extract.csv",
                 "cqc_api_locations_extract.json"):
        service.import_file(FIXTURES / name)
    return service


QUERIES = [
    SearchQuery("c"), SearchQuery("care", sort=SortBy.RATING),
    SearchQuery("h", service_type="Residential homes"),
    SearchQuery("", rating="Good", service_type="Homecare agencies"),
    SearchQuery("o", council="Oldham", sort=SortBy.RATING),
    SearchQuery("care", near=locate("OL1"), within_miles=10),
    SearchQuery("", near=locate("EX4"), within_miles=30, rating="good"),
]


@pytest.mark.parametrize("query", QUERIES)
def test_every_driver_gives_the_same_rows(register: RegisterService,
                                          query: SearchQuery) -> None:
    answers = []
    for driver in (None, "fts", "service", "rating", "council"):
        sql, params = build_query(query, driver=driver)
        answers.append(register.conn.execute(sql, params).fetchall())
    assert answers[0]
    assert all(a == answers[0] for a in answers)


def test_a_narrow_filter_drives(register: RegisterService) -> None:
    # One "highlands" against dozens of Oldham rows: the narrower filter drives.
    assert choose_driver(register.conn, SearchQuery("highlands", council="Oldham")) == "fts"
    assert choose_driver(register.conn, SearchQuery("care", council="Oldham")) == "council"


def test_count_matches_search(register: RegisterService) -> None:
    query = SearchQuery("care", limit=10_000)
    assert register.count(query) == len(register.search(query)) > 0


def test_count_stops_at_its_cap(register: RegisterService) -> None:
    everything = register.count(SearchQuery(), cap=10_000)
    assert everything > 20
    assert register.count(SearchQuery(), cap=20) == 20


@given(text=st.text(max_size=30))
def test_any_typed_text_makes_a_safe_fts_query(text: str) -> None:
    expression = fts_expression(text)
    # Only quoted prefix terms: nothing a person types can become FTS5 syntax.
    for term in expression.split():
        assert term.startswith('"') and term.endswith('"*')
        assert '"' not in term[1:-2]


def test_home_care_means_care_at_home_not_care_homes(register: RegisterService) -> None:
    found = register.search(SearchQuery("home care", limit=500))
    assert found and all("Homecare agencies" in r.service_types for r in found)
    homes = register.search(SearchQuery("care home", limit=500))
    assert homes and all({"Residential homes", "Nursing homes"} & set(r.service_types)
                         for r in homes)
    assert not {r.source_id for r in found} & {r.source_id for r in homes
                                               if "Homecare agencies" not in r.service_types}


def test_service_words_in_welsh_and_with_a_town(register: RegisterService) -> None:
    assert service_words("Gofal cartref Oldham") == ("oldham", ("Homecare agencies",))
    welsh = register.search(SearchQuery("gofal cartref", limit=500))
    assert {r.source_id for r in welsh} == \
        {r.source_id for r in register.search(SearchQuery("home care", limit=500))}


def test_good_or_better(register: RegisterService) -> None:
    found = register.search(SearchQuery("", rating=GOOD_OR_BETTER, limit=500))
    assert found and {r.rating for r in found} <= {"Good", "Outstanding"}
    assert register.count(SearchQuery("", rating=GOOD_OR_BETTER)) == \
        register.count(SearchQuery("", rating="Good")) + \
        register.count(SearchQuery("", rating="Outstanding"))
