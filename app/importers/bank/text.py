"""Turning a statement file's bytes into text and CSV records, keeping each record's line number."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from app.i18n import _
from app.importers.bank.model import UnreadableStatement

MAX_BYTES = 50 * 1024 * 1024  # far above any real statement; stops a wrong file filling memory


@dataclass(frozen=True)
class Record:
    line: int  # the line the record starts on, counting from 1 as a text editor does
    fields: tuple[str, ...]


def decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252 as UK banks often use."""
    if len(data) > MAX_BYTES:
        raise UnreadableStatement(_("This file is too big to be a bank statement."))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # Five bytes have no Windows-1252 meaning; Latin-1 reads every byte, so nothing is lost.
        return data.decode("latin-1")


def looks_binary(text: str) -> bool:
    return "\x00" in text[:4096]


def _delimiter(text: str) -> str:
    """Comma unless the first lines clearly use tabs or semicolons instead."""
    head = "\n".join(text.splitlines()[:12])
    counts = {d: head.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def records(text: str) -> list[Record]:
    """Every non-blank CSV record. Quoted fields may span lines; `line` is where each starts."""
    if looks_binary(text):
        raise UnreadableStatement(_("This file is not text, so it cannot be a bank statement."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    found: list[Record] = []
    start = 1
    try:
        for fields in reader:
            if any(f.strip() for f in fields):
                found.append(Record(start, tuple(fields)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise UnreadableStatement(
            _("Line {line} of this file is broken, so it cannot be read.").format(line=start)
        ) from exc
    return found


def clean(field: str) -> str:
    """A field without the spaces, and the leading apostrophe some banks add to stop Excel."""
    return field.strip().lstrip("'").strip()


def header_key(fields: tuple[str, ...]) -> tuple[str, ...]:
    """A header row in a form that ignores case, spacing and trailing empty columns."""
    names = [" ".join(clean(f).casefold().split()) for f in fields]
    while names and not names[-1]:
        names.pop()
    return tuple(names)
