"""`careledger register import|search|show` end to end through app.cli.run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import EXIT_BAD_INPUT, EXIT_OK, run
from tests.conftest import FIXTURES as ALL_FIXTURES
from tests.conftest import LocalServer

FIXTURES = ALL_FIXTURES / "register"


def careledger(tmp_path: Path, *argv: str) -> int:
    return run(["--data-dir", str(tmp_path), *argv])


def test_import_prints_counts_and_rejected_lines(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    lines = (FIXTURES / "cqc_hsca_extract.csv").read_text().splitlines()
    lines[3] = "," + lines[3].split(",", 1)[1]
    path = tmp_path / "hsca.csv"
    path.write_text("\n".join(lines) + "\n")
    assert careledger(tmp_path, "register", "import", str(path)) == EXIT_OK
    out = capsys.readouterr().out
    assert "Added 39, updated 0, removed 0, unchanged 0, rejected 1." in out
    assert "Line 4: The CQC location ID is missing." in out


def test_reimport_says_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIXTURES / "cqc_api_locations_extract.json")
    careledger(tmp_path, "register", "import", path)
    capsys.readouterr()
    assert careledger(tmp_path, "register", "import", path) == EXIT_OK
    out = capsys.readouterr().out
    assert "Added 0, updated 0, removed 0, unchanged 25, rejected 0." in out
    assert "5 rows were left out" in out


@pytest.mark.parametrize("name", ["cqc_api_providers_extract.json", "README.md", "missing.csv"])
def test_wrong_file_exits_2_with_the_reason(tmp_path: Path, name: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert careledger(tmp_path, "register", "import", str(FIXTURES / name)) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert name in err or "no file" in err


def test_empty_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("")
    assert careledger(tmp_path, "register", "import", str(path)) == EXIT_BAD_INPUT
    assert "empty.csv is empty." in capsys.readouterr().err


def test_search_json_near_a_postcode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    careledger(tmp_path, "register", "import", str(FIXTURES / "cqc_api_extract.csv"))
    capsys.readouterr()
    status = careledger(tmp_path, "register", "search", "care", "--near", "EX1 2QE",
                        "--within", "20", "--rating", "Good", "--limit", "5", "--json")
    assert status == EXIT_OK
    items = json.loads(capsys.readouterr().out)
    assert 0 < len(items) <= 5
    for item in items:
        assert {"source", "source_id", "name", "postcode", "organisation_form", "rating",
                "distance_miles"} <= set(item)
        assert item["rating"] == "Good" and item["distance_miles"] <= 20
    assert [i["distance_miles"] for i in items] == sorted(i["distance_miles"] for i in items)


def test_search_by_service_without_near_has_no_distance(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    careledger(tmp_path, "register", "import", str(FIXTURES / "cqc_directory_extract.csv"))
    capsys.readouterr()
    careledger(tmp_path, "register", "search", "--service", "Homecare agencies", "--json")
    items = json.loads(capsys.readouterr().out)
    assert items and all("distance_miles" not in i for i in items)
    assert all("Homecare agencies" in i["service_types"] for i in items)


def test_unknown_postcode_is_a_plain_error(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert careledger(tmp_path, "register", "search", "x", "--near", "ZZ9 9ZZ") == \
        EXIT_BAD_INPUT
    assert "ZZ9" in capsys.readouterr().err


def test_show_prints_the_provider_page(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    careledger(tmp_path, "register", "import", str(FIXTURES / "cqc_api_extract.csv"))
    capsys.readouterr()
    assert careledger(tmp_path, "register", "show", "1-1000587219") == EXIT_OK
    out = capsys.readouterr().out
    assert "Registered manager:  Mrs Fiona Geraldine Martin" in out
    assert "cqc_api_extract.csv" in out


def test_update_downloads_then_says_unchanged(tmp_path: Path, server: LocalServer,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    url = server.put("/hsca.csv", (FIXTURES / "cqc_hsca_extract.csv").read_bytes(),
                     etag='"1"')
    assert careledger(tmp_path, "register", "update", "--url", url) == EXIT_OK
    assert "Added 40, updated 0" in capsys.readouterr().out
    assert careledger(tmp_path, "register", "update", "--url", url) == EXIT_OK
    assert "has not changed since the last update" in capsys.readouterr().out


def test_update_failure_is_one_plain_line(tmp_path: Path, server: LocalServer,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert careledger(tmp_path, "register", "update", "--url", server.url("/gone.csv")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "404" in err and "Traceback" not in err


def test_search_of_an_empty_register_says_how_to_fill_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert careledger(tmp_path, "register", "search", "care") == EXIT_OK
    assert "careledger register update" in capsys.readouterr().err
