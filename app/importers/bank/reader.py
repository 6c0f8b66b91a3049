"""One entry point for every statement format: bytes in, parsed and rejected rows out."""

from __future__ import annotations

from pathlib import Path

from app.files import InputRefused, read_limited
from app.importers.bank import ofx, qif, santander_text
from app.importers.bank.csv_statement import read_csv
from app.importers.bank.mapper import MappingStore
from app.importers.bank.mapping import ColumnMapping
from app.importers.bank.model import ParsedStatement, UnreadableStatement
from app.importers.bank.text import MAX_BYTES, decode


def read_statement(data: bytes, store: MappingStore | None = None,
                   mapping: ColumnMapping | None = None) -> ParsedStatement:
    """Read OFX, QIF, Santander text or CSV (a preset, a remembered mapping, or a guess).

    Raises UnreadableStatement (NeedsMapping for CSV columns it cannot place) when the file
    as a whole cannot be read; a bad line is a RejectedRow, never an exception.
    """
    text = decode(data)
    if ofx.looks_like(data):
        return ofx.read(data, text)
    if qif.looks_like(text):
        return qif.read(text)
    if santander_text.looks_like(text):
        return santander_text.read(text)
    return read_csv(text, store, mapping)


def read_statement_file(path: Path, store: MappingStore | None = None,
                        mapping: ColumnMapping | None = None) -> ParsedStatement:
    return read_statement(read_statement_bytes(path), store, mapping)


def read_statement_bytes(path: Path) -> bytes:
    """The file's bytes: never a device, a pipe or anything over MAX_BYTES (/dev/zero says it
    is empty and never ends)."""
    try:
        return read_limited(path, MAX_BYTES)
    except InputRefused as error:
        raise UnreadableStatement(str(error)) from error
