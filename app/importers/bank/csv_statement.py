"""Reading a CSV statement: find its layout (preset, remembered mapping, guess), then its rows."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _
from app.importers.bank.mapper import MappingStore, guess
from app.importers.bank.mapping import ColumnMapping, apply
from app.importers.bank.model import ParsedStatement, RejectedRow, StatementRow, UnreadableStatement
from app.importers.bank.presets import Preset, find_by_header, find_headerless
from app.importers.bank.text import Record, header_key, records

PREAMBLE_LINES = 10  # Nationwide puts four lines before its header; allow more


class NeedsMapping(UnreadableStatement):
    """The columns were not recognised: the person must say which column is which."""

    def __init__(self, header: tuple[str, ...]) -> None:
        super().__init__(_("The columns of this file were not recognised. Say which column holds "
                           "the date, the amount and the description."))
        self.header = header


@dataclass(frozen=True)
class Layout:
    name: str
    mapping: ColumnMapping
    header: tuple[str, ...]  # the header key; empty for a headerless preset
    data: list[Record]
    preset: Preset | None = None


def read_csv(text: str, store: MappingStore | None = None,
             mapping: ColumnMapping | None = None) -> ParsedStatement:
    """Rows of a CSV statement. `mapping` (chosen by the person) wins over any other layout."""
    layout = find_layout(records(text), store, mapping)
    rows: list[StatementRow] = []
    rejected: list[RejectedRow] = []
    for record in layout.data:
        if layout.preset is not None and layout.preset.is_skipped(record):
            continue
        result = apply(layout.mapping, record)
        (rows if isinstance(result, StatementRow) else rejected).append(result)  # type: ignore[arg-type]
    return ParsedStatement(layout.name, tuple(rows), tuple(rejected))


def find_layout(found: list[Record], store: MappingStore | None,
                mapping: ColumnMapping | None) -> Layout:
    if not found:
        raise UnreadableStatement(_("This file is empty: there are no lines to import."))
    head = found[:PREAMBLE_LINES]
    for index, record in enumerate(head):
        key = header_key(record.fields)
        preset = find_by_header(key)
        if preset is not None and mapping is None:
            return Layout(preset.name, preset.mapping, key, found[index + 1:], preset)
    if mapping is None:
        preset = find_headerless(found[0])
        if preset is not None:
            return Layout(preset.name, preset.mapping, (), found, preset)
    index = _header_index(head)
    key = header_key(found[index].fields)
    chosen = mapping or (store.get(key) if store else None) or guess(key)
    if chosen is None:
        raise NeedsMapping(key)
    return Layout("mapped", chosen, key, found[index + 1:])


def header_of(found: list[Record]) -> tuple[str, ...]:
    """The header key a mapping for this file is remembered under."""
    if not found:
        raise UnreadableStatement(_("This file is empty: there are no lines to import."))
    return header_key(found[_header_index(found[:PREAMBLE_LINES])].fields)


def _header_index(head: list[Record]) -> int:
    """The first line with three or more filled columns: lines above it are a preamble."""
    for index, record in enumerate(head):
        if sum(1 for f in record.fields if f.strip()) >= 3:
            return index
    return 0
