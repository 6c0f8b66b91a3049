"""One undo/redo stack for every change a person makes in a window (Ctrl+Z / Ctrl+Shift+Z).

Every change goes through the one writer, which hands back the full before and after image
of each record it touched. So undo needs no per-feature code: a step is the change sets
committed while it ran, undone by writing them back in reverse (checked, so a record that
changed since is never overwritten), and redone by writing them forwards again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from app.domain.audit import Cause, ChangeSet
from app.store.profile_store import ProfileStore

T = TypeVar("T")


@dataclass(frozen=True)
class Step:
    label: str
    change_sets: tuple[ChangeSet, ...]


class UndoStack:
    """Run changes, keep them for undo; a new change clears what could be redone."""

    def __init__(self, store: ProfileStore, limit: int = 500) -> None:
        self.store = store
        self.limit = limit
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._recording: list[ChangeSet] | None = None
        self.listeners: list[Callable[[], None]] = []  # e.g. to enable menu items
        store.listeners.append(self._heard)

    def _heard(self, change_set: ChangeSet) -> None:
        if self._recording is not None:
            self._recording.append(change_set)

    def run(self, label: str, action: Callable[[], T]) -> T:
        """Do `action` (service calls); whatever it commits becomes one undoable step.
        When it raises, nothing was committed by the failing call and nothing is kept."""
        recorded: list[ChangeSet] = []
        self._recording = recorded
        try:
            result = action()
        finally:
            self._recording = None
            if recorded:
                self._done.append(Step(label, tuple(recorded)))
                del self._done[:-self.limit]
                self._undone.clear()
                self._changed()
        return result

    def undo(self) -> str | None:
        if not self._done:
            return None
        step = self._done[-1]
        changes = tuple(c for cs in reversed(step.change_sets) for c in cs.reversed())
        self.store.apply(changes, Cause("undo", step.label))
        self._undone.append(self._done.pop())
        self._changed()
        return step.label

    def redo(self) -> str | None:
        if not self._undone:
            return None
        step = self._undone[-1]
        changes = tuple(c for cs in step.change_sets for c in cs.changes)
        self.store.apply(changes, Cause("redo", step.label))
        self._done.append(self._undone.pop())
        self._changed()
        return step.label

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def _changed(self) -> None:
        for listener in self.listeners:
            listener()
