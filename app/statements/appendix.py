"""The appendix of a return: every document for the period, one after another, each page
headed by what it belongs to (the payment, the account, the PA). Photos are placed on the
page, PDFs merged in page by page (scaled into the space under the heading).

reportlab draws the headings and the photos; pypdf merges the PDF pages; Pillow reads the
photos (turned the right way up from their EXIF) and shrinks large ones.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import PdfReadError
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

from app.domain.documents import KIND_NAMES
from app.i18n import _, ngettext
from app.statements import explain_text, text
from app.statements.model import ListedDocument, Statement
from app.statements.pdf_page import GRID, HEAD_FILL, PAGE_MARGIN, fonts

PAGE_W, PAGE_H = A4
CONTENT_W = PAGE_W - 2 * PAGE_MARGIN
FOOTER_H = 12 * mm
LINE = 4.2 * mm
MAX_LINKS = 5  # belongs-to lines in a heading; more are counted
LARGEST_SIDE = 2000  # pixels: about 240 dots an inch across an A4 page
MAX_ZOOM = 4.0  # points a pixel at most: a tiny image is enlarged, not blown up

Loader = Callable[[int], bytes | None]  # evidence id -> its checked bytes (None: damaged)
__all__ = ["Appendix", "render_appendix"]


@dataclass(frozen=True)
class Appendix:
    pdf: bytes
    first_page: dict[str, int]  # document ref -> its first page in the appendix
    pages: int
    left_out: tuple[str, ...]  # refs of documents shown as a note only (damaged, HEIC, ...)


@dataclass
class _Placed:
    """An appendix page waiting for a PDF page to be merged under its heading."""

    appendix_page: int  # 0-based
    source: bytes
    source_page: int
    top: float  # the space's top (points from the bottom of the page)


def render_appendix(s: Statement, load: Loader,
                    on_page: Callable[[int], None] | None = None) -> Appendix:
    """The appendix as PDF bytes; `on_page(n)` hears of each page drawn (it may raise)."""
    ev = s.evidence
    documents = ev.documents if ev is not None else ()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle(_("Appendix: evidence"))
    state = _Drawing(canvas, s, on_page)
    if not documents:
        state.notice(None, _("No documents are kept for this period."))
    for listed in documents:
        state.document(listed, load(listed.doc.evidence_id))
    canvas.save()
    pdf = _merged(buffer.getvalue(), state.placed) if state.placed else buffer.getvalue()
    return Appendix(pdf, state.first_page, state.page, tuple(state.left_out))


class _Drawing:
    def __init__(self, canvas: Canvas, s: Statement,
                 on_page: Callable[[int], None] | None) -> None:
        self.canvas, self.s, self.on_page = canvas, s, on_page
        self.page = 0
        self.first_page: dict[str, int] = {}
        self.placed: list[_Placed] = []
        self.left_out: list[str] = []

    # --- one document ------------------------------------------------------------------------

    def document(self, listed: ListedDocument, data: bytes | None) -> None:
        self.first_page[listed.ref] = self.page + 1
        doc = listed.doc
        if data is None:
            self.left_out.append(listed.ref)
            self.notice(listed, _("This document is damaged in the records: attach it again "
                                  "from the original."))
        elif doc.media_type == "application/pdf":
            self._pdf(listed, data)
        elif doc.media_type.startswith("image/"):
            self._image(listed, data)
        else:
            self.left_out.append(listed.ref)
            self.notice(listed, _("This kind of file cannot be shown on a page."))

    def _image(self, listed: ListedDocument, data: bytes) -> None:
        try:
            picture = _picture(data)
        except (UnidentifiedImageError, OSError, ValueError):
            self.left_out.append(listed.ref)
            self.notice(listed, _("This photo cannot be shown on a page (it may be an iPhone "
                                  "HEIC photo): the file itself is in the ZIP pack."))
            return
        top = self._heading(listed, 1, 1)
        reader, (w, h) = picture
        scale = min(CONTENT_W / w, (top - PAGE_MARGIN - FOOTER_H) / h, MAX_ZOOM)
        width, height = w * scale, h * scale
        self.canvas.drawImage(reader, PAGE_MARGIN + (CONTENT_W - width) / 2, top - height,
                              width, height)
        self._finish_page()

    def _pdf(self, listed: ListedDocument, data: bytes) -> None:
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise PdfReadError("encrypted")
            count = len(reader.pages)
        except (PdfReadError, ValueError, KeyError, OSError):
            self.left_out.append(listed.ref)
            self.notice(listed, _("This PDF cannot be read (it may be damaged or need a "
                                  "password): the file itself is in the ZIP pack."))
            return
        for n in range(count):
            top = self._heading(listed, n + 1, count)
            self.placed.append(_Placed(self.page, data, n, top))
            self._finish_page()

    def notice(self, listed: ListedDocument | None, words: str) -> None:
        top = self._heading(listed, 1, 1) if listed is not None else PAGE_H - PAGE_MARGIN
        self.canvas.setFont(fonts().regular, 10)
        for n, line in enumerate(simpleSplit(words, fonts().regular, 10, CONTENT_W)):
            self.canvas.drawString(PAGE_MARGIN, top - 6 * mm - n * 13, line)
        self._finish_page()

    # --- page furniture ----------------------------------------------------------------------

    def _heading(self, listed: ListedDocument | None, part: int, parts: int) -> float:
        """Draw the document's heading; returns the top of the space left under it."""
        c, f = self.canvas, fonts()
        assert listed is not None
        doc = listed.doc
        title = _("Appendix {ref}: {kind}").format(ref=listed.ref, kind=_(KIND_NAMES[doc.kind]))
        if parts > 1:
            title += " · " + _("page {n} of {count}").format(n=part, count=parts)
        lines = [explain_text.document_text(link) for link in listed.links[:MAX_LINKS]]
        if len(listed.links) > MAX_LINKS:
            more = len(listed.links) - MAX_LINKS
            lines.append(ngettext("and {n} more", "and {n} more", more).format(n=more))
        lines.append(_("File: {name}").format(name=doc.name))
        wrapped = [w for line in lines for w in simpleSplit(line, f.regular, 8.5, CONTENT_W - 6)]
        height = float(9 * mm + LINE * len(wrapped))
        top = float(PAGE_H - PAGE_MARGIN)
        c.setFillColor(HEAD_FILL)
        c.setStrokeColor(GRID)
        c.rect(PAGE_MARGIN, top - height, CONTENT_W, height, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(f.bold, 11)
        c.drawString(PAGE_MARGIN + 3, top - 6 * mm, title)
        c.setFont(f.regular, 8.5)
        for n, line in enumerate(wrapped):
            c.drawString(PAGE_MARGIN + 3, top - 6 * mm - LINE * (n + 1), line)
        return float(top - height - 3 * mm)

    def _finish_page(self) -> None:
        c, f = self.canvas, fonts()
        self.page += 1
        y = PAGE_MARGIN - 7 * mm + FOOTER_H / 2
        c.setStrokeColor(GRID)
        c.setLineWidth(0.4)
        c.line(PAGE_MARGIN, y + 9, PAGE_W - PAGE_MARGIN, y + 9)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(f.regular, 7.5)
        c.drawString(PAGE_MARGIN, y, _("Appendix to the monitoring return of {name}, {period}")
                     .format(name=self.s.holder.name, period=text.period_text(self.s)))
        c.drawRightString(PAGE_W - PAGE_MARGIN, y, _("Appendix page {n}").format(n=self.page))
        c.setFont(f.regular, 6.5)
        c.drawString(PAGE_MARGIN, y - 9, text.history_footer(self.s))
        if self.on_page is not None:
            self.on_page(self.page)
        c.showPage()


def _picture(data: bytes) -> tuple[ImageReader, tuple[int, int]]:
    """The photo the right way up, no larger than it needs to be, ready to draw."""
    with Image.open(io.BytesIO(data)) as opened:
        was_jpeg = opened.format == "JPEG"
        picture = ImageOps.exif_transpose(opened)
        picture.load()
    if picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGBA")
        flat = Image.new("RGB", picture.size, (255, 255, 255))
        flat.paste(picture, mask=picture.getchannel("A"))
        picture = flat
    picture.thumbnail((LARGEST_SIDE, LARGEST_SIDE))
    out = io.BytesIO()
    if was_jpeg:
        picture.save(out, "JPEG", quality=85)
    else:
        picture.save(out, "PNG", optimize=True)
    out.seek(0)
    return ImageReader(out), picture.size


def _merged(appendix: bytes, placed: list[_Placed]) -> bytes:
    """Each PDF page scaled into the space under its heading."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(appendix)))
    sources: dict[int, PdfWriter] = {}
    for item in placed:
        source = sources.get(id(item.source))
        if source is None:
            reader = PdfReader(io.BytesIO(item.source))
            if reader.is_encrypted:
                reader.decrypt("")
            # A writable copy: turning a page upright rewrites its contents.
            source = sources[id(item.source)] = PdfWriter(clone_from=reader)
        page = source.pages[item.source_page]
        page.transfer_rotation_to_content()
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        room = item.top - PAGE_MARGIN - FOOTER_H
        scale = min(CONTENT_W / width, room / height)
        x = PAGE_MARGIN + (CONTENT_W - width * scale) / 2
        y = item.top - height * scale
        transform = (Transformation().translate(-float(box.left), -float(box.bottom))
                     .scale(scale, scale).translate(x, y))
        writer.pages[item.appendix_page].merge_transformed_page(page, transform)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
