"""Receipts and documents kept in the profile, and what they belong to: entries, or the
profile, an account, a PA or a provider."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, or_, select

from app.domain.documents import Dates, DocumentKind, FiledDocument, Subject
from app.domain.funding import Period
from app.store.models import entry_table
from app.store.models_bank import evidence_link_table, evidence_subject_table, evidence_table

E = evidence_table
L = evidence_link_table
S = evidence_subject_table
N = entry_table
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

    def in_use(self, evidence_id: int) -> bool:
        """Linked to any entry, or filed against the profile, an account, a PA or a provider."""
        return self.is_linked(evidence_id) or self.conn.execute(
            select(S.c.id).where(S.c.evidence_id == evidence_id).limit(1)).first() is not None

    def link_kind(self, evidence_id: int, entry_id: int) -> str | None:
        value: str | None = self.conn.execute(
            select(L.c.kind).where(L.c.evidence_id == evidence_id,
                                   L.c.entry_id == entry_id)).scalar()
        return value

    def subject_link(self, link_id: int) -> FiledDocument | None:
        found = self._subject_docs(S.c.id == link_id)
        return found[0] if found else None

    def entry_documents(self, start: date | None = None, end: date | None = None
                        ) -> list[FiledDocument]:
        """Every document linked to an entry dated from start to end, by entry date."""
        query = (select(*_META, L.c.kind, N.c.id, N.c.on, N.c.amount, N.c.payee)
                 .join(L, L.c.evidence_id == E.c.id).join(N, N.c.id == L.c.entry_id))
        if start is not None:
            query = query.where(N.c.on >= start)
        if end is not None:
            query = query.where(N.c.on <= end)
        rows = self.conn.execute(query.order_by(N.c.on, N.c.id, E.c.id))
        return [FiledDocument(r[0], r[1], r[2], r[3], r[4],
                              DocumentKind(r[6]) if r[6] else DocumentKind.RECEIPT,
                              Subject.ENTRY, r[10], None, r[7], Dates(), r[8], _pence(r[9]))
                for r in rows]

    def subject_documents(self, start: date | None = None, end: date | None = None,
                          subject: Subject | None = None, subject_id: int | None = None
                          ) -> list[FiledDocument]:
        """Documents filed against the profile, an account, a PA or a provider whose days
        overlap start to end (or that have no days), oldest first."""
        clauses: list[Any] = []
        if start is not None:
            clauses.append(or_(S.c.valid_to.is_(None), S.c.valid_to >= start))
        if end is not None:
            clauses.append(or_(S.c.valid_from.is_(None), S.c.valid_from <= end))
        if subject is not None:
            clauses.append(S.c.subject == subject.value)
        if subject_id is not None:
            clauses.append(S.c.subject_id == subject_id)
        return self._subject_docs(*clauses)

    def _subject_docs(self, *clauses: Any) -> list[FiledDocument]:
        query = (select(*_META, S.c.kind, S.c.subject, S.c.subject_name, S.c.id,
                        S.c.subject_id, S.c.valid_from, S.c.valid_to)
                 .join(S, S.c.evidence_id == E.c.id).where(*clauses)
                 .order_by(S.c.valid_from.is_(None), S.c.valid_from, S.c.id))
        return [FiledDocument(r[0], r[1], r[2], r[3], r[4], DocumentKind(r[6]), Subject(r[7]),
                              r[8], r[9], r[10], Dates(r[11], r[12]))
                for r in self.conn.execute(query)]

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


def _pence(value: Any) -> int:
    """An amount column read back: Money (the type decorator) or raw pence."""
    return int(getattr(value, "pence", value))
