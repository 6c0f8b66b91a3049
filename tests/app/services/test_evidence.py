"""Evidence stored inside the profile, linked to entries, listed when missing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from app.domain.documents import Dates, DocumentKind, Subject
from app.domain.entries import EntryDraft
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.services.context import ProfileContext
from app.services.evidence import SubjectChoice

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
        assert repos.conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 1
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


# --- documents for the profile, an account, a PA or a provider --------------------------------


def test_a_bank_statement_is_filed_against_the_account_with_its_days(
        ctx: ProfileContext, two_entries: list[int]) -> None:
    service = ctx.evidence
    account = service.find_choice(Subject.ACCOUNT, ctx.accounts.accounts()[0].name.upper())
    filed = service.file(account, DocumentKind.BANK_STATEMENT, "september.pdf", PDF,
                         Dates(date(2026, 9, 1), date(2026, 9, 30)))
    assert (filed.subject, filed.subject_id, filed.kind) == (
        Subject.ACCOUNT, account.id, DocumentKind.BANK_STATEMENT)
    assert filed.link_id is not None and filed.dates.end == date(2026, 9, 30)
    september = service.documents(date(2026, 9, 1), date(2026, 9, 30))
    assert [d.name for d in september] == ["september.pdf"]
    assert service.documents(date(2026, 10, 1), date(2026, 10, 31)) == []
    # The same bytes as a receipt too: stored once, listed for both.
    service.attach(two_entries[0], "copy.pdf", PDF)
    both = service.documents(date(2026, 9, 1), date(2026, 9, 30))
    assert {d.subject for d in both} == {Subject.ENTRY, Subject.ACCOUNT}
    assert len({d.evidence_id for d in both}) == 1
    # Removing the filed copy keeps the bytes the receipt still uses; then both go.
    service.remove_filed(filed.link_id)
    assert service.content(both[0].evidence_id)[1] == PDF
    service.detach(both[0].evidence_id, two_entries[0])
    with pytest.raises(DomainError):
        service.content(both[0].evidence_id)


def test_filing_is_undone_and_redone_like_any_change(ctx: ProfileContext) -> None:
    profile = ctx.evidence.find_choice(Subject.PROFILE)
    ctx.undo.run("Attach", lambda: ctx.evidence.file(
        profile, DocumentKind.INSURANCE_CERTIFICATE, "cert.png", PNG,
        Dates(date(2026, 1, 1), date(2026, 12, 31))))
    assert len(ctx.evidence.documents()) == 1
    ctx.undo.undo()
    assert ctx.evidence.documents() == []
    ctx.undo.redo()
    assert [d.kind for d in ctx.evidence.documents()] == [DocumentKind.INSURANCE_CERTIFICATE]


def test_what_a_document_can_belong_to_and_plain_refusals(ctx: ProfileContext) -> None:
    service = ctx.evidence
    choices = service.choices()
    assert choices[0].subject is Subject.PROFILE and choices[0].name == "Ann Example"
    assert any(c.subject is Subject.ACCOUNT for c in choices)
    with pytest.raises(ValidationError, match="There is no personal assistant called"):
        service.find_choice(Subject.PA, "Nobody")
    profile = choices[0]
    with pytest.raises(ValidationError, match="The last day is before the first"):
        service.file(profile, DocumentKind.CONTRACT, "c.pdf", PDF,
                     Dates(date(2026, 5, 2), date(2026, 5, 1)))
    with pytest.raises(ValidationError, match="Only photos"):
        service.file(profile, DocumentKind.CONTRACT, "c.txt", b"hello")
    gone = SubjectChoice(Subject.ACCOUNT, 999, "Closed account")
    with pytest.raises(DomainError, match="no longer exists"):
        service.file(gone, DocumentKind.BANK_STATEMENT, "s.pdf", PDF)
    assert service.documents() == []
