"""Receipts and documents kept in the profile, and what they belong to: entries, or the
profile, an account, a PA or a provider."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from app.domain.documents import Dates, DocumentKind, FiledDocument, Subject
from app.domain.funding import Period
from app.store.sql import Connection, first, maybe_day, moment, rows, scalar

Meta = tuple[int, str, str, str, int, datetime]
_META = "e.id, e.name, e.media_type, e.sha256, e.size, e.added_at"


def _meta(row: tuple[Any, ...]) -> Meta:
    return row[0], row[1], row[2], row[3], row[4], moment(row[5])


class EvidenceRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def meta(self, evidence_id: int) -> Meta | None:
        row = first(self.conn, f"SELECT {_META} FROM evidence e WHERE e.id = ?", (evidence_id,))
        return None if row is None else _meta(row)

    def by_sha256(self, digest: str) -> int | None:
        value: int | None = scalar(self.conn, "SELECT id FROM evidence WHERE sha256 = ?",
                                   (digest,))
        return value

    def data(self, evidence_id: int) -> bytes | None:
        value: bytes | None = scalar(self.conn, "SELECT data FROM evidence WHERE id = ?",
                                     (evidence_id,))
        return value

    def for_entry(self, entry_id: int) -> list[Meta]:
        return [_meta(r) for r in rows(
            self.conn, f"SELECT {_META} FROM evidence e JOIN evidence_link l "
                       "ON l.evidence_id = e.id WHERE l.entry_id = ? ORDER BY e.id", (entry_id,))]

    def is_linked(self, evidence_id: int, entry_id: int | None = None) -> bool:
        if entry_id is None:
            row = first(self.conn, "SELECT 1 FROM evidence_link WHERE evidence_id = ? LIMIT 1",
                        (evidence_id,))
        else:
            row = first(self.conn, "SELECT 1 FROM evidence_link WHERE evidence_id = ? "
                                   "AND entry_id = ? LIMIT 1", (evidence_id, entry_id))
        return row is not None

    def in_use(self, evidence_id: int) -> bool:
        """Linked to any entry, or filed against the profile, an account, a PA or a provider."""
        return self.is_linked(evidence_id) or first(
            self.conn, "SELECT 1 FROM evidence_subject WHERE evidence_id = ? LIMIT 1",
            (evidence_id,)) is not None

    def link_kind(self, evidence_id: int, entry_id: int) -> str | None:
        value: str | None = scalar(self.conn, "SELECT kind FROM evidence_link "
                                              "WHERE evidence_id = ? AND entry_id = ?",
                                   (evidence_id, entry_id))
        return value

    def subject_link(self, link_id: int) -> FiledDocument | None:
        found = self._subject_docs(["s.id = ?"], [link_id])
        return found[0] if found else None

    def entry_documents(self, start: date | None = None, end: date | None = None
                        ) -> list[FiledDocument]:
        """Every document linked to an entry dated from start to end, by entry date."""
        sql = (f'SELECT {_META}, l.kind, n.id, n."on", n.amount, n.payee FROM evidence e '
               "JOIN evidence_link l ON l.evidence_id = e.id JOIN entry n ON n.id = l.entry_id "
               "WHERE 1")
        params: list[Any] = []
        if start is not None:
            sql += ' AND n."on" >= ?'
            params.append(start.isoformat())
        if end is not None:
            sql += ' AND n."on" <= ?'
            params.append(end.isoformat())
        return [FiledDocument(r[0], r[1], r[2], r[3], r[4],
                              DocumentKind(r[6]) if r[6] else DocumentKind.RECEIPT,
                              Subject.ENTRY, r[10], None, r[7], Dates(), maybe_day(r[8]),
                              int(r[9]))
                for r in rows(self.conn, sql + ' ORDER BY n."on", n.id, e.id', params)]

    def subject_documents(self, start: date | None = None, end: date | None = None,
                          subject: Subject | None = None, subject_id: int | None = None
                          ) -> list[FiledDocument]:
        """Documents filed against the profile, an account, a PA or a provider whose days
        overlap start to end (or that have no days), oldest first."""
        clauses: list[str] = []
        params: list[Any] = []
        if start is not None:
            clauses.append("(s.valid_to IS NULL OR s.valid_to >= ?)")
            params.append(start.isoformat())
        if end is not None:
            clauses.append("(s.valid_from IS NULL OR s.valid_from <= ?)")
            params.append(end.isoformat())
        if subject is not None:
            clauses.append("s.subject = ?")
            params.append(subject.value)
        if subject_id is not None:
            clauses.append("s.subject_id = ?")
            params.append(subject_id)
        return self._subject_docs(clauses, params)

    def _subject_docs(self, clauses: list[str], params: list[Any]) -> list[FiledDocument]:
        where = " AND ".join(clauses) or "1"
        sql = (f"SELECT {_META}, s.kind, s.subject, s.subject_name, s.id, s.subject_id, "
               "s.valid_from, s.valid_to FROM evidence e JOIN evidence_subject s "
               f"ON s.evidence_id = e.id WHERE {where} "
               "ORDER BY s.valid_from IS NULL, s.valid_from, s.id")
        return [FiledDocument(r[0], r[1], r[2], r[3], r[4], DocumentKind(r[6]), Subject(r[7]),
                              r[8], r[9], r[10], Dates(maybe_day(r[11]), maybe_day(r[12])))
                for r in rows(self.conn, sql, params)]

    def names_by_entry(self, period: Period) -> dict[int, str]:
        """Entry id -> the names of its documents, in the order added."""
        names: dict[int, list[str]] = defaultdict(list)
        for entry_id, name in rows(
                self.conn, "SELECT l.entry_id, e.name FROM evidence_link l "
                           "JOIN evidence e ON e.id = l.evidence_id "
                           'JOIN entry n ON n.id = l.entry_id WHERE n."on" >= ? AND n."on" <= ? '
                           "ORDER BY l.entry_id, e.id",
                (period.start.isoformat(), period.end.isoformat())):
            names[entry_id].append(name)
        return {entry_id: ", ".join(found) for entry_id, found in names.items()}
