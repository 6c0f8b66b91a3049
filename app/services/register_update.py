"""Bring the register up to date from the internet: download, check, import, remember.

The file goes to a temporary file first (app.register.download). Only a whole file that reads
as a register is imported, all or nothing; then the server's validators (ETag,
Last-Modified, and the file's SHA-256) are kept for that address, so the next update asks
"has it changed?" and an unchanged register is neither downloaded nor imported again.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from app.register.download import (
    Cancelled,
    Download,
    Progress,
    Validators,
    download,
    new_client,
)
from app.services.register import ImportReport, RegisterService

# CQC's open-data page: it links the current care directory (a CSV, updated every month).
CQC_DATA_PAGE = "https://www.cqc.org.uk/about-us/transparency/using-cqc-data"
DEFAULT_SOURCES = (CQC_DATA_PAGE,)
STALE_SECONDS = 6 * 3600  # a temporary download older than this was left by a crash

_STATE_DDL = """CREATE TABLE IF NOT EXISTS download_state (
    url TEXT PRIMARY KEY,
    etag TEXT NOT NULL, last_modified TEXT NOT NULL, sha256 TEXT NOT NULL,
    checked_at TEXT NOT NULL
)"""


@dataclass(frozen=True)
class UpdateOutcome:
    url: str  # the file's own address
    report: ImportReport | None  # None: the file had not changed

    @property
    def unchanged(self) -> bool:
        return self.report is None


class RegisterUpdater:
    """Updates one register; `client` is made on first use (tests pass their own)."""

    def __init__(self, register: RegisterService, client: httpx.Client | None = None) -> None:
        self.register = register
        self._client = client
        self._state: dict[str, Validators] = {}
        register.conn.execute(_STATE_DDL)

    @property
    def folder(self) -> Path:
        return self.register.path.parent

    def known(self, url: str) -> Validators | None:
        row = self.register.conn.execute(
            "SELECT etag, last_modified, sha256 FROM download_state WHERE url = ?",
            (url,)).fetchone()
        return Validators(*row) if row else None

    def download(self, url: str, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> Download:
        """Fetch into a temporary file; touches no database (safe on a worker thread once
        `read_state` was called on the register's thread)."""
        client = self._client or new_client()
        try:
            return download(client, url, self.folder, self._state.get(url), progress,
                            cancelled, known_for=self._state.get)
        finally:
            if self._client is None:
                client.close()

    def read_state(self) -> None:
        """Read every stored validator now, so `download` needs no database; clear away
        what a download that was killed (power cut, crash) left behind."""
        _remove_stale_downloads(self.folder)
        rows = self.register.conn.execute(
            "SELECT url, etag, last_modified, sha256 FROM download_state").fetchall()
        self._state = {url: Validators(e, m, s) for url, e, m, s in rows}

    def install(self, got: Download, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> UpdateOutcome:
        """Import a finished download (all or nothing), then remember its validators."""
        try:
            if got.path is None or self._same_as_before(got):
                self._remember(got.url, got.validators)
                return UpdateOutcome(got.url, None)
            report = self.register.import_file(got.path, progress, cancelled)
            self._remember(got.url, got.validators)
            return UpdateOutcome(got.url, report)
        finally:
            got.discard()

    def update(self, url: str, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> UpdateOutcome:
        self.read_state()
        return self.install(self.download(url, progress, cancelled), progress, cancelled)

    def _same_as_before(self, got: Download) -> bool:
        """A server that sends no validators: the same bytes as last time."""
        before = self.known(got.url)
        return bool(before and before.sha256 and before.sha256 == got.validators.sha256)

    def _remember(self, url: str, v: Validators) -> None:
        with _transaction(self.register.conn):
            self.register.conn.execute(
                "INSERT OR REPLACE INTO download_state VALUES (?, ?, ?, ?, ?)",
                (url, v.etag, v.last_modified, v.sha256,
                 datetime.now(UTC).isoformat(timespec="seconds")))

    def last_checked(self) -> datetime | None:
        row = self.register.conn.execute("SELECT max(checked_at) FROM download_state"
                                         ).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None


def _remove_stale_downloads(folder: Path, older_than: float = STALE_SECONDS) -> None:
    now = time.time()
    for path in folder.glob(".download-*"):
        try:
            if now - path.stat().st_mtime > older_than:
                path.unlink()
        except OSError:
            pass  # another update is using it, or it is already gone


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def never_updated(register: RegisterService) -> bool:
    """True until the first update or import: Find providers then offers an update."""
    return register.size() == 0 and RegisterUpdater(register).last_checked() is None
