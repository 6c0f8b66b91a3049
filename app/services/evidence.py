"""Receipts, invoices, payslips, bank statements and certificates kept inside the encrypted
profile, linked to entries or filed against the profile, an account, a PA or a provider.

The file type is read from the bytes themselves (not the name), so a renamed file cannot
pass for a PDF. The same bytes attached twice are stored once and linked again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.domain.audit import Cause
from app.domain.chosen_providers import ProviderKind, payee_key
from app.domain.documents import Dates, DocumentKind, FiledDocument, Subject
from app.domain.errors import DomainError, ValidationError
from app.i18n import N_, _, format_date
from app.services.ledger import now_utc
from app.store.profile_store import ProfileStore
from app.store.repos import Repos

if TYPE_CHECKING:
    from app.store.writer import Writer  # SQLAlchemy: loaded at the first write

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
class SubjectChoice:
    """Something a document can be filed against: the profile, an account, a PA or a
    provider (id None for the profile)."""

    subject: Subject
    id: int | None
    name: str


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

    def attach(self, entry_id: int, name: str, data: bytes,
               kind: DocumentKind | None = None) -> Evidence:
        """Keep `data` (an image or PDF) with the entry, as a receipt or invoice unless `kind`
        says otherwise; returns what was stored."""
        media_type = _check(name, data)
        with self.store.write(Cause("attach")) as (repos, writer):
            if repos.entries.get(entry_id) is None:
                raise DomainError(_("That entry no longer exists. It may have been deleted."))
            evidence_id = self._stored(repos, writer, name, data, media_type)
            if not repos.evidence.is_linked(evidence_id, entry_id):
                writer.insert("evidence_link", {"evidence_id": evidence_id,
                                                "entry_id": entry_id,
                                                "kind": kind.value if kind else None})
            return _evidence(repos.evidence.meta(evidence_id))

    def _stored(self, repos: Repos, writer: Writer, name: str, data: bytes,
                media_type: str) -> int:
        """The evidence row holding these bytes, added when they are new."""
        digest = hashlib.sha256(data).hexdigest()
        evidence_id = repos.evidence.by_sha256(digest)
        if evidence_id is None:
            evidence_id = writer.insert("evidence", {
                "name": name.strip()[:MAX_NAME], "media_type": media_type,
                "sha256": digest, "size": len(data), "data": data,
                "added_by": self.store.actor, "added_at": now_utc()})
        return evidence_id

    def file(self, choice: SubjectChoice, kind: DocumentKind, name: str, data: bytes,
             dates: Dates | None = None) -> FiledDocument:
        """Keep a document that belongs to the profile, an account, a PA or a provider (a bank
        statement for its dates, a certificate while it is valid, a contract)."""
        media_type = _check(name, data)
        dates = dates or Dates()
        if choice.subject is Subject.ENTRY:
            raise ValidationError("subject", _("Attach a receipt to a payment on the Money tab."))
        if dates.start and dates.end and dates.end < dates.start:
            raise ValidationError("dates", _("The last day is before the first: {start} to "
                                             "{end}.").format(start=format_date(dates.start),
                                                              end=format_date(dates.end)))
        with self.store.write(Cause("file", about={"subject": choice.subject.value,
                                                   "kind": kind.value})) as (repos, writer):
            _check_subject(repos, choice)
            evidence_id = self._stored(repos, writer, name, data, media_type)
            link_id = writer.insert("evidence_subject", {
                "evidence_id": evidence_id, "kind": kind.value,
                "subject": choice.subject.value, "subject_id": choice.id,
                "subject_name": choice.name[:200], "valid_from": dates.start,
                "valid_to": dates.end, "added_by": self.store.actor, "added_at": now_utc()})
            found = repos.evidence.subject_link(link_id)
            assert found is not None
            return found

    def remove_filed(self, link_id: int) -> None:
        """Take a filed document off what it belongs to; the bytes go once nothing uses them."""
        with self.store.write(Cause("unfile")) as (repos, writer):
            found = repos.evidence.subject_link(link_id)
            if found is None:
                raise DomainError(_("That document no longer exists."))
            writer.delete("evidence_subject", (link_id,))
            if not repos.evidence.in_use(found.evidence_id):
                writer.delete("evidence", (found.evidence_id,))

    def detach(self, evidence_id: int, entry_id: int) -> None:
        """Unlink; the bytes go too once nothing uses them."""
        with self.store.write(Cause("detach")) as (repos, writer):
            if not repos.evidence.is_linked(evidence_id, entry_id):
                raise DomainError(_("That document is not attached to this entry."))
            writer.delete("evidence_link", (evidence_id, entry_id))
            if not repos.evidence.in_use(evidence_id):
                writer.delete("evidence", (evidence_id,))

    def documents(self, start: date | None = None, end: date | None = None,
                  entries: bool = True) -> list[FiledDocument]:
        """Documents for start to end: those of entries dated in it (when `entries`), then
        those filed against the profile, accounts, PAs and providers whose days overlap it."""
        with self.store.read() as repos:
            found = repos.evidence.entry_documents(start, end) if entries else []
            return found + repos.evidence.subject_documents(start, end)

    def choices(self) -> list[SubjectChoice]:
        """What a document can be filed against: the profile, then each account, PA and other
        provider by name."""
        with self.store.read() as repos:
            holder = repos.people.holder()
            found = [SubjectChoice(Subject.PROFILE, None, holder.name if holder else "")]
            found += [SubjectChoice(Subject.ACCOUNT, a.id, a.name) for a in repos.accounts.all()]
            for provider in repos.providers.all():
                subject = Subject.PA if provider.kind is ProviderKind.PA else Subject.PROVIDER
                found.append(SubjectChoice(subject, provider.id, provider.name))
            return found

    def find_choice(self, subject: Subject, name: str = "") -> SubjectChoice:
        """The profile, or the account, PA or provider called `name` (as typed on the command
        line: case and spacing do not matter)."""
        options = [c for c in self.choices() if c.subject is subject]
        if subject is Subject.PROFILE:
            return options[0]
        key = payee_key(name)
        matched = [c for c in options if payee_key(c.name) == key]
        if len(matched) == 1:
            return matched[0]
        names = ", ".join(c.name for c in options) or _("none")
        raise ValidationError(subject.value, _(
            "There is no {what} called “{name}”. Those recorded: {names}.").format(
            what=_(SUBJECT_NAMES[subject]), name=name, names=names))

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


SUBJECT_NAMES = {Subject.ENTRY: N_("entry"), Subject.PROFILE: N_("profile"),
                 Subject.ACCOUNT: N_("account"), Subject.PA: N_("personal assistant"),
                 Subject.PROVIDER: N_("provider")}


def _check_subject(repos: Repos, choice: SubjectChoice) -> None:
    if choice.subject is Subject.PROFILE:
        return
    if choice.id is None:
        raise ValidationError("subject", _("Choose what the document belongs to."))
    if choice.subject is Subject.ACCOUNT:
        exists = repos.accounts.get(choice.id) is not None
    else:
        exists = repos.providers.get(choice.id) is not None
    if not exists:
        raise DomainError(_("That record no longer exists. It may have been deleted."))


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
