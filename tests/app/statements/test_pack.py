"""The evidence pack: the PDF with the return first and its appendix after, and the ZIP with
every document and an index; every entry with evidence is in both."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from app.domain.documents import Dates, DocumentKind, FiledDocument, Subject
from app.domain.money import Money
from app.i18n import format_money
from app.statements import Statement
from app.statements.model import EvidenceInputs, StatementEntry, StatementInputs
from app.statements.pack import INDEX_COLUMNS, file_name, render_pack, render_with_evidence
from app.statements.pdf import render_pdf

MakeStatement = Callable[..., Statement]
START = date(2025, 4, 1)


def png(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (30, 20), (shade, 30, 30)).save(out, "PNG")
    return out.getvalue()


@st.composite
def receipts(draw: st.DrawFn) -> tuple[list[StatementEntry], list[FiledDocument]]:
    entries, documents = [], []
    for i in range(1, draw(st.integers(1, 12)) + 1):
        e = StatementEntry(i, START + timedelta(days=draw(st.integers(-10, 100))),
                           Money(-draw(st.integers(1, 90_000))), f"Payee {i}", "pa_wages")
        entries.append(e)
        if draw(st.booleans()):
            evidence_id = draw(st.integers(1, 6))
            documents.append(FiledDocument(
                evidence_id, f"r{evidence_id}.png", "image/png", f"{evidence_id:064d}", 10,
                DocumentKind.RECEIPT, Subject.ENTRY, e.payee, None, e.id, Dates(), e.on,
                e.amount.pence))
    return entries, documents


@given(ledger=receipts())
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_entry_with_evidence_is_in_the_appendix_and_the_index(
        ledger: tuple[list[StatementEntry], list[FiledDocument]], tmp_path: Path,
        make_statement: MakeStatement) -> None:
    entries, documents = ledger
    s = make_statement(entries, evidence=EvidenceInputs(tuple(documents)),
                       inputs=StatementInputs(generated_on=date(2025, 7, 2)))
    files = {d.evidence_id: png(d.evidence_id * 40) for d in documents}
    wanted = {e.id for e in entries if START <= e.on <= date(2025, 6, 30)
              and any(d.entry_id == e.id for d in documents)}
    full = tmp_path / "full.pdf"
    appendix = render_with_evidence(s, files.get, full)
    pages = [p.extract_text() for p in PdfReader(str(full)).pages]
    start = len(pages) - appendix.pages  # the return first, then the appendix
    assert all("Appendix page" not in p for p in pages[:start])
    headed = " ".join(pages[start:])
    for e in entries:
        if e.id in wanted:
            assert format_money(-e.amount.pence) + " to " + e.payee in re.sub(r"\s+", " ",
                                                                             headed)
    plain = tmp_path / "plain.pdf"
    render_pdf(s, plain)
    pack = tmp_path / "pack.zip"
    render_pack(s, files.get, pack, plain, appendix)
    with zipfile.ZipFile(pack) as z:
        index = list(csv.DictReader(io.StringIO(z.read("index.csv").decode("utf-8-sig"))))
        names = set(z.namelist())
    assert {int(r["entry_id"]) for r in index} == wanted
    assert all(r["file"] in names for r in index)
    assert {"return.pdf", "return.csv", "index.csv"} <= names


def test_the_pack_holds_the_files_as_they_were_kept(tmp_path: Path,
                                                    make_statement: MakeStatement) -> None:
    pay = StatementEntry(5, date(2025, 4, 7), Money(-24662), "Jo Evans (PA)", "pa_wages")
    photo = png(90)
    receipt = FiledDocument(1, "till roll.png", "image/png", "a" * 64, len(photo),
                            DocumentKind.RECEIPT, Subject.ENTRY, pay.payee, None, pay.id,
                            Dates(), pay.on, pay.amount.pence)
    s = make_statement([pay], evidence=EvidenceInputs((receipt,)),
                       inputs=StatementInputs(generated_on=date(2025, 7, 2)))
    plain = tmp_path / "r.pdf"
    render_pdf(s, plain)
    pack = tmp_path / "p.zip"
    render_pack(s, {1: photo}.get, pack, plain)
    assert s.evidence is not None
    name = file_name(s.evidence.documents[0])
    assert name == "evidence/A1 2025-04-07 Jo Evans (PA) receipt.png"
    with zipfile.ZipFile(pack) as z:
        assert z.read(name) == photo
        (row,) = csv.DictReader(io.StringIO(z.read("index.csv").decode("utf-8-sig")))
        assert list(row) == INDEX_COLUMNS
        assert (row["ref"], row["entry_id"], row["amount"], row["original_name"]) == (
            "A1", "5", "-246.62", "till roll.png")
        assert z.getinfo(name).date_time[:3] == (2025, 7, 2)
    again = tmp_path / "again.zip"
    render_pack(s, {1: photo}.get, again, plain)
    assert again.read_bytes() == pack.read_bytes()  # the same pack made again, byte for byte
