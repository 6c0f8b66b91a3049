"""Receipts, invoices and payslips kept inside the encrypted profile and linked to entries.

The file type is read from the bytes themselves (not the name), so a renamed file cannot
pass for a PDF. The same bytes attached twice are stored once and linked again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError, ValidationError
from app.i18n import _
from app.services.profiles import OpenProfile
from app.store.audit_log import append_event
from app.store.models import EntryRow
from app.store.models_bank import EvidenceLinkRow, EvidenceRow

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


def _evidence(row: EvidenceRow) -> Evidence:
    return Evidence(row.id, row.name, row.media_type, row.sha256, row.size, row.added_at)


class EvidenceService:
    def __init__(self, profile: OpenProfile) -> None:
        self.profile = profile

    def attach(self, entry_id: int, name: str, data: bytes) -> Evidence:
        """Keep `data` (an image or PDF) with the entry; returns what was stored."""
        media_type = _check(name, data)
        digest = hashlib.sha256(data).hexdigest()
        with self.profile.session() as s, s.begin():
            _entry(s, entry_id)
            row = s.scalars(select(EvidenceRow).where(EvidenceRow.sha256 == digest)).first()
            if row is None:
                row = EvidenceRow(name=name.strip()[:MAX_NAME], media_type=media_type,
                                  sha256=digest, size=len(data), data=data,
                                  added_by=self.profile.actor,
                                  added_at=datetime.now(UTC).replace(tzinfo=None))
                s.add(row)
                s.flush()
            if s.get(EvidenceLinkRow, (row.id, entry_id)) is None:
                s.add(EvidenceLinkRow(evidence_id=row.id, entry_id=entry_id))
                append_event(s, self.profile.actor, "attach", "evidence", row.id,
                             {"entry_id": entry_id, "name": row.name, "sha256": digest})
            return _evidence(row)

    def detach(self, evidence_id: int, entry_id: int) -> None:
        """Unlink; the bytes go too once no entry uses them."""
        with self.profile.session() as s, s.begin():
            link = s.get(EvidenceLinkRow, (evidence_id, entry_id))
            if link is None:
                raise DomainError(_("That document is not attached to this entry."))
            s.delete(link)
            s.flush()
            append_event(s, self.profile.actor, "detach", "evidence", evidence_id,
                         {"entry_id": entry_id})
            still_used = s.scalar(select(exists().where(
                EvidenceLinkRow.evidence_id == evidence_id)))
            if not still_used:
                s.execute(delete(EvidenceRow).where(EvidenceRow.id == evidence_id))

    def for_entry(self, entry_id: int) -> list[Evidence]:
        with self.profile.session() as s:
            rows = s.scalars(select(EvidenceRow).join(EvidenceLinkRow).where(
                EvidenceLinkRow.entry_id == entry_id).order_by(EvidenceRow.id))
            return [_evidence(r) for r in rows]

    def content(self, evidence_id: int) -> tuple[Evidence, bytes]:
        """The stored bytes, checked against their sha256 so damage is never shown as a receipt."""
        with self.profile.session() as s:
            row = s.get(EvidenceRow, evidence_id)
            if row is None:
                raise DomainError(_("That document no longer exists."))
            if hashlib.sha256(row.data).hexdigest() != row.sha256:
                raise DomainError(_("This document is damaged. Attach it again from the original."))
            return _evidence(row), row.data

    def entries_without_evidence(self, start: date | None = None, end: date | None = None,
                                 money_out_only: bool = True) -> list[EntryWithoutEvidence]:
        """Entries a council may ask a receipt for and that have none, oldest first."""
        query = select(EntryRow.id, EntryRow.on, EntryRow.payee, EntryRow.amount).where(
            ~exists().where(EvidenceLinkRow.entry_id == EntryRow.id))
        if money_out_only:
            query = query.where(EntryRow.amount < 0)
        if start is not None:
            query = query.where(EntryRow.on >= start)
        if end is not None:
            query = query.where(EntryRow.on <= end)
        with self.profile.session() as s:
            rows = s.execute(query.order_by(EntryRow.on, EntryRow.id))
            return [EntryWithoutEvidence(i, on, payee, amount.pence)
                    for i, on, payee, amount in rows]


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


def _entry(s: Session, entry_id: int) -> EntryRow:
    row = s.get(EntryRow, entry_id)
    if row is None:
        raise DomainError(_("That entry no longer exists. It may have been deleted."))
    return row
