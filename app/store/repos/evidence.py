"""Receipts and documents kept in the profile, and which entries they belong to."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection, select

from app.domain.funding import Period
from app.store.models import EntryRow
from app.store.models_bank import EvidenceLinkRow, EvidenceRow

E = EvidenceRow.__table__
L = EvidenceLinkRow.__table__
N = EntryRow.__table__
_META = (E.c.id, E.c.name, E.c.media_type, E.c.sha256, E.c.size, E.c.added_at)


class EvidenceRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def meta(self, evidence_id: int) -> tuple[int, str, str, str, int, datetime] | None:
        row = self.conn.execute(select(*_META).where(E.c.id == evidence_id)).first()
        return None if row is None else tuple(row)

    def by_sha256(self, digest: str) -> int | None:
        value: int | None = self.conn.execute(select(E.c.id).where(E.c.sha256 == digest)).scalar()
        return value

    def data(self, evidence_id: int) -> bytes | None:
        value: bytes | None = self.conn.execute(
            select(E.c.data).where(E.c.id == evidence_id)).scalar()
        return value

    def for_entry(self, entry_id: int) -> list[tuple[int, str, str, str, int, datetime]]:
        rows = self.conn.execute(select(*_META).join(L, L.c.evidence_id == E.c.id)
                                 .where(L.c.entry_id == entry_id).order_by(E.c.id))
        return [tuple(r) for r in rows]

    def is_linked(self, evidence_id: int, entry_id: int | None = None) -> bool:
        query = select(L.c.entry_id).where(L.c.evidence_id == evidence_id)
        if entry_id is not None:
            query = query.where(L.c.entry_id == entry_id)
        return self.conn.execute(query.limit(1)).first() is not None

    def names_by_entry(self, period: Period) -> dict[int, str]:
        """Entry id -> the names of its documents, in the order added."""
        rows = self.conn.execute(
            select(L.c.entry_id, E.c.name).join(E, E.c.id == L.c.evidence_id)
            .join(N, N.c.id == L.c.entry_id)
            .where(N.c.on >= period.start, N.c.on <= period.end)
            .order_by(L.c.entry_id, E.c.id))
        names: dict[int, list[str]] = defaultdict(list)
        for entry_id, name in rows:
            names[entry_id].append(name)
        return {entry_id: ", ".join(found) for entry_id, found in names.items()}
