"""app/statements/pdf_long_table.py: long tables in chunks lay out page for page as one table
would, look the same, and give the same bytes every time they are made."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.money import Money
from app.statements.model import StatementEntry, StatementInputs
from app.statements.pdf import render_pdf
from tests.app.statements.conftest import MakeStatement

ONE_TABLE = 10**9  # a chunk larger than any table: reportlab's single table, as before


def entries(count: int) -> list[StatementEntry]:
    payees = ["Jo Evans (PA)", "Seaview Respite and Short Breaks Community Interest Company",
              "HMRC PAYE"]
    return [StatementEntry(i, date(2025, 4, 1 + i % 30), Money(-1000 - i if i % 9 else 40000),
                           payees[i % 3], "pa_wages", cleared=i % 17 != 0,
                           evidence_ref=f"R-{i}" if i % 4 == 0 else "")
            for i in range(1, count + 1)]


def render(chunk: int, path: Path, make_statement: MakeStatement,
           monkeypatch: pytest.MonkeyPatch, count: int = 700) -> Path:
    monkeypatch.setattr("app.statements.pdf_long_table.CHUNK", chunk)
    statement = make_statement(entries(count), inputs=StatementInputs(
        audit_hash="a" * 64, generated_on=date(2026, 4, 2)))
    render_pdf(statement, path)
    return path


@pytest.mark.parametrize("chunk", [7, 40, 300])
def test_chunks_lay_out_page_for_page_as_one_table(
        chunk: int, tmp_path: Path, make_statement: MakeStatement,
        monkeypatch: pytest.MonkeyPatch) -> None:
    one = render(ONE_TABLE, tmp_path / "one.pdf", make_statement, monkeypatch)
    chunked = render(chunk, tmp_path / "chunked.pdf", make_statement, monkeypatch)
    pages_one = [p.extract_text() for p in PdfReader(str(one)).pages]
    pages_chunked = [p.extract_text() for p in PdfReader(str(chunked)).pages]
    assert len(pages_one) > 10
    assert pages_chunked == pages_one  # the same rows on the same pages, headers repeated


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_chunks_look_the_same(tmp_path: Path, make_statement: MakeStatement,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Page images alike to the pixel but for antialiasing where a grid line is drawn in
    two strokes instead of one."""
    from PIL import Image, ImageChops

    for name, chunk in (("one", ONE_TABLE), ("chunked", 40)):
        pdf = render(chunk, tmp_path / f"{name}.pdf", make_statement, monkeypatch, count=300)
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / name)],
                       check=True)
    images = sorted(tmp_path.glob("one-*.png"))
    assert len(images) > 3
    for image in images:
        other = image.with_name(image.name.replace("one-", "chunked-"))
        difference = ImageChops.difference(Image.open(image).convert("L"),
                                           Image.open(other).convert("L"))
        assert max(difference.getdata()) <= 64, image.name


def test_the_same_statement_gives_the_same_bytes(tmp_path: Path, make_statement: MakeStatement,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    first = render(300, tmp_path / "first.pdf", make_statement, monkeypatch, count=900)
    again = render(300, tmp_path / "again.pdf", make_statement, monkeypatch, count=900)
    assert first.read_bytes() == again.read_bytes()
