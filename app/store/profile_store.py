"""The open profile's database as units of work: read through repositories, write through
the one writer, one transaction each.

    with store.read() as repos: ...              # a consistent snapshot
    with store.write(Cause("add")) as (repos, writer): ...   # one transaction, one event

Listeners hear of every change set committed (the undo stack records them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine

from app.domain.audit import Cause, RecordChange
from app.domain.errors import DomainError
from app.i18n import _
from app.store.repos import Repos
from app.store.writer import ChangeSet, Writer


class ReadOnlyProfile(DomainError):
    pass


def read_only_message() -> str:
    return _("This profile is open in another window, so here it can only be read. "
             "Close the other window to make changes.")


class ProfileStore:
    def __init__(self, engine: Engine, actor: Callable[[], str], read_only: bool = False
                 ) -> None:
        self.engine = engine
        self._actor = actor
        self.read_only = read_only
        self.listeners: list[Callable[[ChangeSet], None]] = []
        self.wrote = False  # anything committed since the profile was opened

    @property
    def actor(self) -> str:
        return self._actor()

    @contextmanager
    def read(self) -> Iterator[Repos]:
        with self.engine.connect() as conn:
            yield Repos(conn)

    @contextmanager
    def write(self, cause: Cause) -> Iterator[tuple[Repos, Writer]]:
        """One transaction: everything the body writes is one change set and one event."""
        if self.read_only:
            raise ReadOnlyProfile(read_only_message())
        change_set = None
        with self.engine.begin() as conn:
            writer = Writer(conn, self.actor)
            try:
                yield Repos(conn), writer
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
