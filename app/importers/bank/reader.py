"""One entry point for every statement format: bytes in, parsed and rejected rows out."""

from __future__ import annotations

from pathlib import Path

from app.i18n import _
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
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UnreadableStatement(_("This file is too big to be a bank statement."))
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise UnreadableStatement(_("There is no file at {path}.").format(path=path)) from error
    except IsADirectoryError as error:
        raise UnreadableStatement(_("{path} is a folder, not a file.").format(path=path)) from error
    except OSError as error:
        raise UnreadableStatement(
            _("The file {path} cannot be opened: {reason}").format(path=path, reason=error.strerror)
        ) from error
    return read_statement(data, store, mapping)
