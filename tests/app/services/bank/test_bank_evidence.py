"""Evidence stored inside the profile, linked to entries, listed when missing."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import func, select

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.services.evidence import EvidenceService
from app.services.ledger import LedgerService
from app.services.profiles import OpenProfile
from app.store.models_bank import EvidenceRow

TODAY = date(2026, 11, 29)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def two_entries(profile: OpenProfile) -> list[int]:
    ledger = LedgerService(profile)
    return [ledger.add_entry(EntryDraft(date(2026, 9, d), Money(-1000 * d), f"Shop {d}",
                                        "equipment"), today=TODAY).id for d in (1, 2)]


def test_attach_view_and_list_missing(profile: OpenProfile, two_entries: list[int]) -> None:
    service = EvidenceService(profile)
    assert [e.entry_id for e in service.entries_without_evidence()] == two_entries
    stored = service.attach(two_entries[0], "invoice.pdf", PDF)
    assert (stored.media_type, stored.size) == ("application/pdf", len(PDF))
    assert stored.sha256 == hashlib.sha256(PDF).hexdigest()
    info, data = service.content(stored.id)
    assert data == PDF and info == stored
    assert [e.entry_id for e in service.entries_without_evidence()] == [two_entries[1]]
    assert service.for_entry(two_entries[0]) == [stored]


def test_same_bytes_are_stored_once(profile: OpenProfile, two_entries: list[int]) -> None:
    service = EvidenceService(profile)
    first = service.attach(two_entries[0], "receipt.png", PNG)
    second = service.attach(two_entries[1], "copy.png", PNG)
    assert first.id == second.id
    with profile.session() as s:
        assert s.scalar(select(func.count(EvidenceRow.id))) == 1
    service.detach(first.id, two_entries[0])
    assert service.content(first.id)[1] == PNG  # still used by the second entry
    service.detach(first.id, two_entries[1])
    with pytest.raises(DomainError):
        service.content(first.id)


@pytest.mark.parametrize(("name", "data"), [
    ("notes.pdf", b"just text pretending"), ("empty.pdf", b""), ("", PDF),
])
def test_refuses_what_is_not_a_document(profile: OpenProfile, two_entries: list[int],
                                        name: str, data: bytes) -> None:
    with pytest.raises(ValidationError):
        EvidenceService(profile).attach(two_entries[0], name, data)


def test_damaged_bytes_are_never_shown(profile: OpenProfile, two_entries: list[int]) -> None:
    service = EvidenceService(profile)
    stored = service.attach(two_entries[0], "invoice.pdf", PDF)
    with profile.session() as s, s.begin():
        s.get(EvidenceRow, stored.id).data = PDF + b"tampered"  # type: ignore[union-attr]
    with pytest.raises(DomainError, match="damaged"):
        service.content(stored.id)
