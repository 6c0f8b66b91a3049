"""Receipts, invoices and payslips kept inside the encrypted profile and linked to entries.

The file type is read from the bytes themselves (not the name), so a renamed file cannot
pass for a PDF. The same bytes attached twice are stored once and linked again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.audit import Cause
from app.domain.errors import DomainError, ValidationError
from app.i18n import _
from app.services.ledger import now_utc
from app.store.profile_store import ProfileStore

MAX_BYTES = 20 * 1024 * 1024  # a phone photo or a scanned invoice is far smaller
MAX_NAME = 255

# Leading bytes of each kind of file a receipt or invoice comes as.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


@dataclass(frozen=True)
class Evidence:
    id: int
    name: str
    media_type: str
    sha256: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class EntryWithoutEvidence:
    entry_id: int
    on: date
    payee: str
    amount_pence: int


def media_type_of(data: bytes) -> str | None:
    for signature, media_type in _SIGNATURES:
        if data.startswith(signature):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "image/heic"  # iPhone photos
    return None


class EvidenceService:
    def __init__(self, store: ProfileStore) -> None:
        self.store = store

    def attach(self, entry_id: int, name: str, data: bytes) -> Evidence:
        """Keep `data` (an image or PDF) with the entry; returns what was stored."""
        media_type = _check(name, data)
        digest = hashlib.sha256(data).hexdigest()
        with self.store.write(Cause("attach")) as (repos, writer):
            if repos.entries.get(entry_id) is None:
                raise DomainError(_("That entry no longer exists. It may have been deleted."))
            evidence_id = repos.evidence.by_sha256(digest)
            if evidence_id is None:
                evidence_id = writer.insert("evidence", {
                    "name": name.strip()[:MAX_NAME], "media_type": media_type,
                    "sha256": digest, "size": len(data), "data": data,
                    "added_by": self.store.actor, "added_at": now_utc()})
            if not repos.evidence.is_linked(evidence_id, entry_id):
                writer.insert("evidence_link", {"evidence_id": evidence_id,
                                                "entry_id": entry_id})
            return _evidence(repos.evidence.meta(evidence_id))

    def detach(self, evidence_id: int, entry_id: int) -> None:
        """Unlink; the bytes go too once no entry uses them."""
        with self.store.write(Cause("detach")) as (repos, writer):
            if not repos.evidence.is_linked(evidence_id, entry_id):
                raise DomainError(_("That document is not attached to this entry."))
            writer.delete("evidence_link", (evidence_id, entry_id))
            if not repos.evidence.is_linked(evidence_id):
                writer.delete("evidence", (evidence_id,))

    def for_entry(self, entry_id: int) -> list[Evidence]:
        with self.store.read() as repos:
            return [_evidence(row) for row in repos.evidence.for_entry(entry_id)]

    def content(self, evidence_id: int) -> tuple[Evidence, bytes]:
        """The stored bytes, checked against their sha256 so damage is never shown as a receipt."""
        with self.store.read() as repos:
            meta, data = repos.evidence.meta(evidence_id), repos.evidence.data(evidence_id)
        if meta is None or data is None:
            raise DomainError(_("That document no longer exists."))
        evidence = _evidence(meta)
        if hashlib.sha256(data).hexdigest() != evidence.sha256:
            raise DomainError(_("This document is damaged. Attach it again from the original."))
        return evidence, data

    def entries_without_evidence(self, start: date | None = None, end: date | None = None,
                                 money_out_only: bool = True) -> list[EntryWithoutEvidence]:
        """Entries a council may ask a receipt for and that have none, oldest first."""
        with self.store.read() as repos:
            return [EntryWithoutEvidence(e.id, e.on, e.payee, e.amount.pence)
                    for e in repos.entries.without_evidence(start, end, money_out_only)]


def _evidence(meta: tuple[int, str, str, str, int, datetime] | None) -> Evidence:
    if meta is None:
        raise DomainError(_("That document no longer exists."))
    return Evidence(*meta)


def _check(name: str, data: bytes) -> str:
    if not data:
        raise ValidationError("file", _("That file is empty."))
    if len(data) > MAX_BYTES:
        raise ValidationError("file", _("That file is bigger than 20 MB. Scan it at a lower "
                                        "resolution or save it as a smaller PDF."))
    if not name.strip():
        raise ValidationError("name", _("Give the document a name."))
    media_type = media_type_of(data)
    if media_type is None:
        raise ValidationError("file", _("Only photos (JPEG, PNG, HEIC, WebP, GIF) and PDF files "
                                        "can be attached."))
    return media_type
