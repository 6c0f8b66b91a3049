"""The appendix: photos placed and turned upright, PDFs merged page by page under a heading
saying what each belongs to, and files that cannot be shown said so."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from app.domain.documents import Dates, DocumentKind, FiledDocument, Subject
from app.domain.money import Money
from app.statements import Statement
from app.statements.appendix import render_appendix
from app.statements.model import EvidenceInputs, StatementEntry

MakeStatement = Callable[..., Statement]


def png(width: int = 60, height: int = 40) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def rotated_jpeg() -> bytes:
    """A phone photo taken on its side: 400 wide as stored, EXIF says turn it (6: 90°)."""
    image = Image.new("RGB", (400, 100), "white")
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def pdf(pages: int, words: str, size: tuple[float, float] = (595, 842), rotate: int = 0
        ) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size)
    for n in range(1, pages + 1):
        canvas.drawString(72, 300, f"{words} {n}")
        canvas.showPage()
    canvas.save()
    if not rotate:
        return out.getvalue()
    from pypdf import PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    for page in writer.pages:
        page.rotate(rotate)
    rotated = io.BytesIO()
    writer.write(rotated)
    return rotated.getvalue()


def doc_for(e: StatementEntry, evidence_id: int, media: str, name: str) -> FiledDocument:
    return FiledDocument(evidence_id, name, media, f"{evidence_id:064d}", 1, DocumentKind.RECEIPT,
                         Subject.ENTRY, e.payee, None, e.id, Dates(), e.on, e.amount.pence)


def test_each_document_is_headed_by_what_it_belongs_to(make_statement: MakeStatement) -> None:
    pay = StatementEntry(3, date(2025, 4, 7), Money(-24662), "Jo Evans (PA)", "pa_wages")
    agency = StatementEntry(4, date(2025, 4, 25), Money(-30172), "Sunrise", "agency_care")
    bank = FiledDocument(3, "june.pdf", "application/pdf", "3" * 64, 1,
                         DocumentKind.BANK_STATEMENT, Subject.ACCOUNT, "DP account", 9, 1,
                         Dates(date(2025, 4, 1), date(2025, 4, 30)))
    files = {1: png(), 2: pdf(2, "Invoice 1043 page", rotate=90), 3: pdf(1, "Statement",
                                                                       (842, 595))}
    s = make_statement([pay, agency], evidence=EvidenceInputs((
        doc_for(pay, 1, "image/png", "receipt.png"),
        doc_for(agency, 2, "application/pdf", "invoice.pdf"), bank)))
    appendix = render_appendix(s, files.get)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(appendix.pdf)).pages]
    assert appendix.pages == len(pages) == 4  # a photo, a two-page PDF, a one-page PDF
    assert appendix.first_page == {"A1": 1, "A2": 2, "A3": 4}
    assert "Appendix A1: Receipt" in pages[0] and "£246.62 to Jo Evans (PA)" in pages[0]
    assert "page 2 of 2" in pages[2] and "Invoice 1043 page 2" in pages[2]
    assert "Bank statement for DP account, 1 Apr 2025 to 30 Apr 2025" in pages[3]
    assert "Statement 1" in pages[3]
    assert all("Appendix page" in p and "History reference" in p for p in pages)
    assert appendix.left_out == ()


def test_photos_are_turned_upright(make_statement: MakeStatement) -> None:
    pay = StatementEntry(1, date(2025, 4, 7), Money(-100), "X", "pa_wages")
    s = make_statement([pay], evidence=EvidenceInputs((doc_for(pay, 1, "image/jpeg",
                                                               "photo.jpg"),)))
    appendix = render_appendix(s, {1: rotated_jpeg()}.get)
    page = PdfReader(io.BytesIO(appendix.pdf)).pages[0]
    (image,) = page.images
    assert image.image is not None and image.image.size == (100, 400)  # upright: tall


def test_what_cannot_be_shown_is_said_not_dropped(make_statement: MakeStatement) -> None:
    entries = [StatementEntry(n, date(2025, 4, n), Money(-100 * n), f"P{n}", "pa_wages")
               for n in (1, 2, 3)]
    documents = (doc_for(entries[0], 1, "image/heic", "iphone.heic"),
                 doc_for(entries[1], 2, "application/pdf", "broken.pdf"),
                 doc_for(entries[2], 3, "image/png", "gone.png"))
    s = make_statement(entries, evidence=EvidenceInputs(documents))
    files = {1: b"\x00\x00\x00\x18ftypheic....", 2: b"%PDF-1.4 this is not a pdf"}
    appendix = render_appendix(s, files.get)  # 3 has no bytes: damaged
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(appendix.pdf)).pages]
    assert appendix.left_out == ("A1", "A2", "A3") and len(pages) == 3
    assert "cannot be shown" in pages[0] and "cannot be read" in pages[1]
    assert "damaged" in pages[2]


def test_a_period_without_documents_says_so(make_statement: MakeStatement) -> None:
    appendix = render_appendix(make_statement([]), lambda _id: None)
    (page,) = PdfReader(io.BytesIO(appendix.pdf)).pages
    assert "No documents are kept for this period" in page.extract_text()
