"""The open profile's database as units of work: read through repositories, write through
the one writer, one transaction each.

    with store.read() as repos: ...              # a consistent snapshot
    with store.write(Cause("add")) as (repos, writer): ...   # one transaction, one event

Reads run on the database's plain read connections; a write on SQLAlchemy's engine, made at
the first write (app/store/ledger_db.py), with the repositories on the same connection, so a
unit of work reads what it has written. Listeners hear of every change set committed (the undo
stack records them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from app.domain.audit import Cause, ChangeSet, RecordChange
from app.domain.errors import DomainError
from app.i18n import _
from app.store.ledger_db import LedgerDatabase
from app.store.repos import Repos

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.store.writer import Writer


class ReadOnlyProfile(DomainError):
    pass


def read_only_message() -> str:
    return _("This profile is open in another window, so here it can only be read. "
             "Close the other window to make changes.")


class ProfileStore:
    def __init__(self, db: LedgerDatabase, actor: Callable[[], str], read_only: bool = False
                 ) -> None:
        self.db = db
        self._actor = actor
        self.read_only = read_only
        self.listeners: list[Callable[[ChangeSet], None]] = []
        self.wrote = False  # anything committed since the profile was opened

    @property
    def actor(self) -> str:
        return self._actor()

    @property
    def engine(self) -> Engine:
        return self.db.engine

    @contextmanager
    def read(self) -> Iterator[Repos]:
        with self.db.reading() as conn:
            yield Repos(conn)

    @contextmanager
    def write(self, cause: Cause) -> Iterator[tuple[Repos, Writer]]:
        """One transaction: everything the body writes is one change set and one event."""
        if self.read_only:
            raise ReadOnlyProfile(read_only_message())
        from app.store.writer import Writer  # SQLAlchemy: loaded at the first write

        change_set = None
        with self.engine.begin() as conn:
            writer = Writer(conn, self.actor)
            try:
                yield Repos(conn.connection.driver_connection), writer
                change_set = writer.finish(cause)
            finally:
                writer.abandon()
        if change_set is not None:
            self.wrote = True
            for listener in list(self.listeners):
                listener(change_set)

    def apply(self, changes: tuple[RecordChange, ...], cause: Cause) -> ChangeSet | None:
        """Put records back as `changes` say (undo, redo), checking each is as expected."""
        with self.write(cause) as (_repos, writer):
            writer.apply(changes)
        return None
