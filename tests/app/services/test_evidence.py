"""Evidence stored inside the profile, linked to entries, listed when missing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from app.domain.entries import EntryDraft
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.services.context import ProfileContext

TODAY = date(2026, 11, 29)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def two_entries(ctx: ProfileContext) -> list[int]:
    return [ctx.ledger.add_entry(EntryDraft(date(2026, 9, d), Money(-1000 * d), f"Shop {d}",
                                            "activities"), today=TODAY).id for d in (1, 2)]


def test_attach_view_and_list_missing(ctx: ProfileContext, two_entries: list[int]) -> None:
    service = ctx.evidence
    assert [e.entry_id for e in service.entries_without_evidence()] == two_entries
    stored = service.attach(two_entries[0], "invoice.pdf", PDF)
    assert (stored.media_type, stored.size) == ("application/pdf", len(PDF))
    assert stored.sha256 == hashlib.sha256(PDF).hexdigest()
    info, data = service.content(stored.id)
    assert data == PDF and info == stored
    assert [e.entry_id for e in service.entries_without_evidence()] == [two_entries[1]]
    assert service.for_entry(two_entries[0]) == [stored]


def test_same_bytes_are_stored_once(ctx: ProfileContext, two_entries: list[int]) -> None:
    service = ctx.evidence
    first = service.attach(two_entries[0], "receipt.png", PNG)
    second = service.attach(two_entries[1], "copy.png", PNG)
    assert first.id == second.id
    with ctx.store.read() as repos:
        assert repos.conn.exec_driver_sql("SELECT count(*) FROM evidence").scalar() == 1
    service.detach(first.id, two_entries[0])
    assert service.content(first.id)[1] == PNG  # still used by the second entry
    service.detach(first.id, two_entries[1])
    with pytest.raises(DomainError):
        service.content(first.id)


@pytest.mark.parametrize(("name", "data"), [
    ("notes.pdf", b"just text pretending"), ("empty.pdf", b""), ("", PDF),
])
def test_refuses_what_is_not_a_document(ctx: ProfileContext, two_entries: list[int],
                                        name: str, data: bytes) -> None:
    with pytest.raises(ValidationError):
        ctx.evidence.attach(two_entries[0], name, data)


def test_damaged_bytes_are_never_shown(ctx: ProfileContext, two_entries: list[int],
                                       behind_the_app: Callable[[ProfileContext], Any]) -> None:
    stored = ctx.evidence.attach(two_entries[0], "invoice.pdf", PDF)
    raw = behind_the_app(ctx)
    raw.execute("UPDATE evidence SET data = ? WHERE id = ?", (PDF + b"tampered", stored.id))
    raw.close()
    with pytest.raises(DomainError, match="damaged"):
        ctx.evidence.content(stored.id)
