"""Use cases on the public register: import a CQC or ORUK file, search, show one provider.

The register is a plain SQLite file `<data dir>/register.db`, separate from every profile.
"""

from __future__ import annotations

import gc
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

from app.domain.errors import DomainError
from app.domain.providers import ProviderDetail, ProviderRecord, ProviderSummary, Rejection
from app.i18n import _
from app.importers.register_common import RegisterFileError
from app.importers.register_detect import open_register_file
from app.register import details, schema
from app.register.importing import (
    Changes,
    ImportCancelled,
    Progress,
    RunInfo,
    apply_import,
)
from app.register.search import FilterCounts, SearchQuery, count, search

REGISTER_FILE = "register.db"
COUNT_CAP = 1000  # searches say "more than 1,000 found" rather than count every match
_CANCEL_EVERY = 500  # rows read between looks at the cancel callback while parsing

log = logging.getLogger(__name__)


class ProviderNotFound(DomainError):
    pass


@dataclass(frozen=True)
class ImportReport:
    file_label: str
    dataset: str
    added: int
    changed: int
    removed: int
    unchanged: int
    rejected: tuple[Rejection, ...]
    left_out: tuple[Rejection, ...]  # e.g. deregistered locations: not errors
    data_date: date | None
    kept_newer: int = 0  # rows left as they were: the register holds newer data for them


def _never() -> bool:
    return False


def _quiet(stage: str, done: int, total: int) -> None:
    pass


class RegisterService:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / REGISTER_FILE
        self.notice = ""  # said once to the person: e.g. a damaged register was set aside
        try:
            self.conn = schema.connect(self.path)
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise
            # Public data that any import rebuilds: set the damaged file aside, start empty.
            self.notice = set_aside(self.path)
            self.conn = schema.connect(self.path)
        self._filter_counts: FilterCounts = {}  # planner hints; emptied by every import
        self._inode = os.stat(self.path).st_ino

    def close(self) -> None:
        self.conn.close()

    def forget_counts(self) -> None:
        """Another connection changed the register: drop hints about the old one."""
        self._filter_counts.clear()

    def reconnect_if_replaced(self) -> None:
        """Another connection set a damaged register aside and started a new file: use it."""
        try:
            now = os.stat(self.path).st_ino
        except OSError:
            return
        if now != self._inode:
            self.conn.close()
            self.conn = schema.connect(self.path)
            self._inode = now

    # --- importing -----------------------------------------------------------------------

    def import_file(self, path: Path, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None,
                    allow_removals: bool = False) -> ImportReport:
        """Import a register file all-or-nothing; re-importing updates rows in place.

        Raises TooManyRemovals, changing nothing, when it would remove more than a set
        share of an area's providers, unless `allow_removals`."""
        progress, cancelled = progress or _quiet, cancelled or _never
        reader = open_register_file(path)
        with _bulk_allocation():
            records, rejected, left_out = _collect(reader.rows(), reader.total, progress,
                                                   cancelled)
        if not records:
            raise RegisterFileError(_("No rows in {file} could be used, so nothing was "
                                      "imported.").format(file=path.name)
                                    + _first_reasons(rejected + left_out))
        # The data is as new as the newest date in it (no file states its own date).
        data_date = max((d for r in records for d in (r.rating_date, r.registered_on,
                                                      r.checked_on) if d), default=None)
        run = RunInfo(reader.dataset, reader.label, path.name, data_date)
        self._filter_counts.clear()
        def write() -> Changes:
            return _unless_damaged(lambda: apply_import(
                self.conn, run, records, len(rejected), cancelled, progress, len(records),
                allow_removals, (r.source_id for r in rejected)))
        try:
            changes = write()
        except RegisterDamaged:  # the import itself rebuilds it: start from empty
            self.conn.close()
            self.notice = set_aside(self.path)
            self.conn = schema.connect(self.path)
            self._inode = os.stat(self.path).st_ino
            changes = write()
        return ImportReport(reader.label, reader.dataset, changes.added, changes.changed,
                            changes.removed, changes.unchanged, tuple(rejected),
                            tuple(left_out), data_date, changes.kept_newer)

    # --- reading -------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> list[ProviderSummary]:
        return _unless_damaged(lambda: search(self.conn, query, self._filter_counts))

    def count(self, query: SearchQuery, cap: int = COUNT_CAP + 1) -> int:
        """Matches, counted up to `cap`: a result of `cap` means "at least that many"."""
        return _unless_damaged(lambda: count(self.conn, query, self._filter_counts, cap))

    def provider(self, source: str, source_id: str) -> ProviderDetail:
        found = details.provider_detail(self.conn, source, source_id)
        if found is None:
            raise ProviderNotFound(_("That provider is not in the register any more."))
        return found

    def service_types(self) -> list[tuple[str, int]]:
        return details.service_types(self.conn)

    def councils(self) -> list[str]:
        return details.councils(self.conn)

    def size(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM provider").fetchone()[0])


T = TypeVar("T")


class RegisterDamaged(DomainError):
    pass


def _unless_damaged(work: Callable[[], T]) -> T:
    try:
        return work()
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise  # a full disk, a read-only folder: said by the top-level handler
        raise RegisterDamaged(_(
            "The register of providers on this computer is damaged. Import a register file "
            "again (Find providers, Import) and it is rebuilt; your own records are not "
            "affected.")) from exc


def is_damage(error: sqlite3.DatabaseError) -> bool:
    text = str(error).lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt"))


def set_aside(path: Path) -> str:
    """Rename a damaged register (and its -wal, -shm) out of the way; what to tell people."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    for suffix in ("", "-wal", "-shm"):
        old = path.with_name(path.name + suffix)
        if old.exists():
            os.replace(old, path.with_name(f"register.damaged-{stamp}.db{suffix}"))
    log.warning("damaged register set aside")
    return _("The register of providers was damaged, so it was set aside and an empty one "
             "started. Import a register file to fill it again; your own records are not "
             "affected.")


@contextmanager
def _bulk_allocation() -> Iterator[None]:
    """Pause the cycle collector while 50,000+ records are built: they hold no cycles, and
    repeated full collections over them cost about a sixth of the import."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _collect(rows: Iterator[ProviderRecord | Rejection], total: int, progress: Progress,
             cancelled: Callable[[], bool]
             ) -> tuple[list[ProviderRecord], list[Rejection], list[Rejection]]:
    """Read every row first (nothing is written yet), rejecting repeated ids."""
    records: list[ProviderRecord] = []
    rejected: list[Rejection] = []
    left_out: list[Rejection] = []
    seen: dict[tuple[str, str], int] = {}
    for index, row in enumerate(rows, start=1):
        if index % _CANCEL_EVERY == 0:
            if cancelled():
                raise ImportCancelled()
            progress("reading", index, total)
        if isinstance(row, Rejection):
            (left_out if row.left_out else rejected).append(row)
            continue
        key = (row.source.value, row.source_id)
        if key in seen:
            rejected.append(Rejection(row.line, _("The id {id} was already on line "
                                                  "{line}.").format(id=row.source_id,
                                                                    line=seen[key])))
            continue
        seen[key] = row.line
        records.append(row)
    return records, rejected, left_out


def _first_reasons(rejections: list[Rejection], shown: int = 3) -> str:
    lines = [_("Line {line}: {reason}").format(line=r.line, reason=r.reason)
             for r in rejections[:shown]]
    return ("\n" + "\n".join(lines)) if lines else ""
