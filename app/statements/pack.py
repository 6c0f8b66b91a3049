"""The evidence pack: the return with its evidence, as one PDF (the return first, then the
appendix) or as a ZIP of files with an index.csv for councils that want the files.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from app.csv_cells import neutralise
from app.domain.documents import FiledDocument
from app.i18n import _, pence_to_plain
from app.statements import explain_text
from app.statements.appendix import Appendix, Loader, render_appendix
from app.statements.csv import render_csv_text
from app.statements.model import ListedDocument, Statement
from app.statements.pdf import render_pdf

INDEX_COLUMNS = ["ref", "file", "original_name", "kind", "belongs_to", "entry_id", "date",
                 "payee_or_owner", "amount", "valid_from", "valid_to", "media_type", "size",
                 "sha256", "appendix_page", "description"]
EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg",
              "image/gif": ".gif", "image/webp": ".webp", "image/heic": ".heic"}
UNSAFE = re.compile(r"[^\w\-. ()]+", re.UNICODE)


def render_with_evidence(s: Statement, load: Loader, path: Path,
                         on_page: Callable[[int], None] | None = None) -> Appendix:
    """The return, its documents list giving each document's appendix page, then the
    appendix, in one PDF at `path`."""
    appendix = render_appendix(s, load, on_page)
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "return.pdf"
        render_pdf(s, plain, on_page, appendix.first_page)
        writer = PdfWriter()
        writer.append(PdfReader(str(plain)))
        writer.append(PdfReader(io.BytesIO(appendix.pdf)))
        writer.add_metadata({"/Title": _("Monitoring return with evidence"),
                             "/Author": s.holder.name, "/Creator": "CareLedger"})
        with path.open("wb") as out:
            writer.write(out)
    return appendix


def file_name(listed: ListedDocument) -> str:
    """evidence/A3 2026-06-07 Jo Evans (PA) receipt.png: sorted as the appendix is."""
    doc = listed.doc
    when = doc.on or doc.dates.start
    parts = [listed.ref, when.isoformat() if when else "", doc.subject_name, doc.kind.value]
    stem = UNSAFE.sub("_", " ".join(p for p in parts if p)).strip()[:120]
    return f"evidence/{stem}{EXTENSIONS.get(doc.media_type, '')}"


def render_pack(s: Statement, load: Loader, path: Path, return_pdf: Path,
                appendix: Appendix | None = None) -> None:
    """A ZIP at `path`: the return as PDF and CSV, every document for the period under
    evidence/, and index.csv naming each (one row for each thing it belongs to)."""
    ev = s.evidence
    documents = ev.documents if ev is not None else ()
    stamp = _stamp(s.generated_on)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as pack:
        _put(pack, "return.pdf", return_pdf.read_bytes(), stamp)
        _put(pack, "return.csv", render_csv_text(s).encode("utf-8-sig"), stamp)
        rows: list[list[str]] = []
        for listed in documents:
            name = file_name(listed)
            data = load(listed.doc.evidence_id)
            if data is not None:
                _put(pack, name, data, stamp)
            page = appendix.first_page.get(listed.ref) if appendix else None
            rows += [_index_row(listed, link, name if data is not None else "", page)
                     for link in listed.links]
        _put(pack, "index.csv", _index_csv(rows).encode("utf-8-sig"), stamp)


def _index_row(listed: ListedDocument, link: FiledDocument, name: str, page: int | None
               ) -> list[str]:
    amount = "" if link.amount_pence is None else pence_to_plain(link.amount_pence)
    day = link.on.isoformat() if link.on else ""
    return [listed.ref, name, link.name, link.kind.value, link.subject.value,
            str(link.entry_id or ""), day, link.subject_name, amount,
            link.dates.start.isoformat() if link.dates.start else "",
            link.dates.end.isoformat() if link.dates.end else "", link.media_type,
            str(link.size), link.sha256, str(page or ""), explain_text.document_text(link)]


def _index_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(INDEX_COLUMNS)
    numbers = {INDEX_COLUMNS.index(c) for c in ("entry_id", "amount", "size", "appendix_page")}
    writer.writerows([cell if i in numbers else neutralise(cell) for i, cell in enumerate(r)]
                     for r in rows)
    return buffer.getvalue()


def _stamp(day: date | None) -> tuple[int, int, int, int, int, int]:
    """Every file in the pack dated the day the return was produced (the same pack made
    again is the same to the byte)."""
    day = day or date(1980, 1, 1)
    return (max(day.year, 1980), day.month, day.day, 12, 0, 0)


def _put(pack: zipfile.ZipFile, name: str, data: bytes,
         stamp: tuple[int, int, int, int, int, int]) -> None:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16  # readable by the person only, as every file we write
    pack.writestr(info, data)
