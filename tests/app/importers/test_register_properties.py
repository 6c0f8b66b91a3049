"""Whatever is in a file, the readers answer with records, rejections or a plain error."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.providers import ProviderRecord, Rejection
from app.importers.register_common import RegisterFileError
from app.importers.register_detect import open_register_file
from app.register.search import fts_expression

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"
HEADER = (FIXTURES / "cqc_hsca_extract.csv").read_text().splitlines()[0]
WIDTH = len(next(csv.reader([HEADER])))

cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells, min_size=WIDTH - 2, max_size=WIDTH + 1), max_size=6))
def test_any_hsca_rows_give_records_or_rejections(tmp_path: Path,
                                                  rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path = tmp_path / "hsca.csv"
    path.write_text(HEADER + "\n" + out.getvalue(), encoding="utf-8")
    try:
        reader = open_register_file(path)
    except RegisterFileError:
        return  # e.g. a header with no rows: said plainly
    for row in reader.rows():
        assert isinstance(row, ProviderRecord | Rejection)
        if isinstance(row, Rejection):
            assert row.reason and row.line >= 2


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=200))
def test_any_bytes_are_a_register_file_error_or_rows(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "anything.json"
    path.write_bytes(content)
    try:
        rows = list(open_register_file(path).rows())
    except RegisterFileError as error:
        assert str(error)
        return
    assert all(isinstance(r, ProviderRecord | Rejection) for r in rows)


@given(text=st.text(max_size=30))
def test_any_typed_text_makes_a_safe_fts_query(text: str) -> None:
    expression = fts_expression(text)
    # Only quoted prefix terms: nothing a person types can become FTS5 syntax.
    for term in expression.split():
        assert term.startswith('"') and term.endswith('"*')
        assert '"' not in term[1:-2]
