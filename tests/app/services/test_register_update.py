"""Register updates against a real HTTP server on 127.0.0.1 (tests/app/conftest.py).

The files served are the real extracts in tests/fixtures/register. Where a test needs a
shorter file it keeps the header and the first rows of a real one, and says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.importers.register_common import RegisterFileError
from app.register.download import DownloadCancelled, DownloadError
from app.services.register import RegisterService
from app.services.register_update import RegisterUpdater, never_updated
from tests.conftest import LocalServer

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"
HSCA = (FIXTURES / "cqc_hsca_extract.csv").read_bytes()  # header + 40 real rows
ETAG_1, ETAG_2 = '"hsca-1"', '"hsca-2"'
MODIFIED = "Mon, 01 Mar 2021 09:00:00 GMT"


def first_rows(data: bytes, rows: int) -> bytes:
    """The header and the first `rows` rows of a real CSV extract."""
    return b"".join(data.splitlines(keepends=True)[: rows + 1])


@pytest.fixture
def register(tmp_path: Path) -> Iterator[RegisterService]:
    service = RegisterService(tmp_path / "data")
    yield service
    service.close()


def snapshot(register: RegisterService) -> tuple[object, ...]:
    """Everything an update may change: providers, import runs, remembered validators."""
    conn = register.conn
    return tuple(conn.execute(sql).fetchall() for sql in (
        "SELECT source_id, name, run_id FROM provider ORDER BY source_id",
        "SELECT id, file_name FROM import_run ORDER BY id",
        "SELECT url, etag, last_modified, sha256 FROM download_state ORDER BY url"))


def leftovers(register: RegisterService) -> list[str]:
    return [p.name for p in register.path.parent.iterdir() if p.name.startswith(".download")]


def test_first_download_imports_and_remembers_the_validators(server: LocalServer,
                                                             register: RegisterService) -> None:
    url = server.put("/hsca.csv", HSCA, etag=ETAG_1, last_modified=MODIFIED)
    assert never_updated(register)
    outcome = RegisterUpdater(register).update(url)
    assert outcome.report is not None and outcome.report.added == 40
    assert register.size() == 40
    assert not never_updated(register)
    assert RegisterUpdater(register).known(url).etag == ETAG_1  # type: ignore[union-attr]
    assert leftovers(register) == []


def test_unchanged_register_is_not_downloaded_again(server: LocalServer,
                                                    register: RegisterService) -> None:
    url = server.put("/hsca.csv", HSCA, etag=ETAG_1, last_modified=MODIFIED)
    updater = RegisterUpdater(register)
    updater.update(url)
    before = snapshot(register)[:2]
    outcome = updater.update(url)
    assert outcome.unchanged
    _path, headers = server.requests[-1]
    assert headers["If-None-Match"] == ETAG_1
    assert headers["If-Modified-Since"] == MODIFIED
    assert snapshot(register)[:2] == before  # no new import run


def test_changed_register_is_imported(server: LocalServer, register: RegisterService) -> None:
    url = server.put("/hsca.csv", first_rows(HSCA, 30), etag=ETAG_1)
    updater = RegisterUpdater(register)
    assert updater.update(url).report.added == 30  # type: ignore[union-attr]
    server.put("/hsca.csv", HSCA, etag=ETAG_2)  # the next month's file: ten more homes
    report = updater.update(url).report
    assert report is not None and (report.added, report.unchanged) == (10, 30)
    assert server.requests[-1][1]["If-None-Match"] == ETAG_1
    assert updater.known(url).etag == ETAG_2  # type: ignore[union-attr]


@pytest.mark.parametrize("failure, said", [("cut", "stopped before the end"),
                                           ("fail", "500")],
                         ids=["cut off half way", "server error"])
def test_failed_download_changes_nothing(server: LocalServer, register: RegisterService,
                                         failure: str, said: str) -> None:
    url = server.put("/hsca.csv", first_rows(HSCA, 30), etag=ETAG_1)
    updater = RegisterUpdater(register)
    updater.update(url)
    before = snapshot(register)
    server.put("/hsca.csv", HSCA, etag=ETAG_2)  # a new file, which then fails to arrive
    getattr(server, failure)("/hsca.csv")
    with pytest.raises(DownloadError, match=said):
        updater.update(url)
    assert snapshot(register) == before
    assert leftovers(register) == []


def test_a_file_that_is_not_a_register_changes_nothing(server: LocalServer,
                                                       register: RegisterService) -> None:
    url = server.put("/hsca.csv", HSCA, etag=ETAG_1)
    updater = RegisterUpdater(register)
    updater.update(url)
    before = snapshot(register)
    # CQC provider records are real CQC data but not a register of locations.
    server.put("/hsca.csv", (FIXTURES / "cqc_api_providers_extract.json").read_bytes(),
               etag=ETAG_2)
    with pytest.raises(RegisterFileError, match="provider records"):
        updater.update(url)
    assert snapshot(register) == before  # the new ETag is not remembered either
    assert leftovers(register) == []


def test_cancel_during_the_download_changes_nothing(server: LocalServer,
                                                    register: RegisterService) -> None:
    url = server.put("/hsca.csv", HSCA * 20, etag=ETAG_1)  # several chunks long
    with pytest.raises(DownloadCancelled):
        RegisterUpdater(register).update(url, cancelled=lambda: True)
    assert register.size() == 0 and leftovers(register) == []


def test_progress_counts_the_bytes(server: LocalServer, register: RegisterService) -> None:
    url = server.put("/hsca.csv", HSCA, etag=ETAG_1)
    seen: list[tuple[str, int, int]] = []
    RegisterUpdater(register).update(url, progress=lambda *step: seen.append(step))
    downloads = [s for s in seen if s[0] == "downloading"]
    assert downloads[-1] == ("downloading", len(HSCA), len(HSCA))


def test_server_without_validators_is_compared_by_content(server: LocalServer,
                                                          register: RegisterService) -> None:
    url = server.put("/hsca.csv", HSCA)  # no ETag, no Last-Modified
    updater = RegisterUpdater(register)
    updater.update(url)
    assert "If-None-Match" not in server.requests[-1][1]
    assert updater.update(url).unchanged
    assert register.conn.execute("SELECT count(*) FROM import_run").fetchone()[0] == 1


def test_page_link_leads_to_the_current_directory(server: LocalServer,
                                                  register: RegisterService) -> None:
    directory = (FIXTURES / "cqc_directory_extract.csv").read_bytes()
    server.put("/sites/default/files/2016-02/01_February_2016_CQC_directory.csv", directory,
               etag='"dir"')
    # A page made here, not CQC's own: only its link matters.
    page = server.put("/using-cqc-data", b"<!DOCTYPE html><html><body><p>Care directory: "
                      b'<a href="/sites/default/files/2016-02/01_February_2016_CQC_directory'
                      b'.csv">CSV</a></p></body></html>', content_type="text/html")
    updater = RegisterUpdater(register)
    outcome = updater.update(page)
    assert outcome.url.endswith("_CQC_directory.csv")
    assert outcome.report is not None and outcome.report.added > 0
    assert updater.update(page).unchanged  # the file's ETag was remembered for its address
    assert server.requests[-1][1]["If-None-Match"] == '"dir"'


def test_page_without_a_register_link_is_refused(server: LocalServer,
                                                 register: RegisterService) -> None:
    page = server.put("/page", b"<!DOCTYPE html><html><body>No files today</body></html>")
    with pytest.raises(DownloadError, match="no link to a register file"):
        RegisterUpdater(register).update(page)
    assert register.size() == 0


def test_paged_oruk_feed_is_read_to_the_last_page(server: LocalServer,
                                                  register: RegisterService) -> None:
    # The official ORUK v3 example page: one service, "page 1 of 10". The server answers
    # every page with it, so pages 2 to 10 repeat the service (rejected as repeats).
    url = server.put("/services", (FIXTURES / "service_list.json").read_bytes(),
                     content_type="application/json")
    report = RegisterUpdater(register).update(url).report
    pages = sorted(int(p.split("page=")[1]) for p, _h in server.requests if "page=" in p)
    assert pages == list(range(2, 11))
    assert report is not None and report.added == 1 and len(report.rejected) == 9


def test_single_page_feed_is_imported_as_it_came(server: LocalServer,
                                                 register: RegisterService) -> None:
    page = json.loads((FIXTURES / "service_list.json").read_text())
    page.update(total_pages=1, last_page=True)  # changed here: the feed has one page
    url = server.put("/services", json.dumps(page).encode(), content_type="application/json")
    report = RegisterUpdater(register).update(url).report
    assert report is not None and report.added == 1
    assert [p for p, _h in server.requests] == ["/services"]


def test_an_address_that_is_not_a_web_address_is_refused(register: RegisterService) -> None:
    with pytest.raises(DownloadError, match="not a web address"):
        RegisterUpdater(register).update("file:///etc/passwd")


def test_a_killed_download_left_behind_is_cleared_next_time(server: LocalServer,
                                                            register: RegisterService) -> None:
    import os
    import time

    folder = register.path.parent
    old, recent = folder / ".download-old.csv", folder / ".download-recent.csv"
    for path in (old, recent):
        path.write_bytes(first_rows(HSCA, 5))  # what a killed download leaves
    os.utime(old, (time.time() - 7 * 3600,) * 2)
    RegisterUpdater(register).update(server.put("/hsca.csv", HSCA))
    assert not old.exists() and recent.exists()  # a recent one may be another update's
