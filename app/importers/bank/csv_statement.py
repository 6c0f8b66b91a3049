"""Reading a CSV statement: find its layout (preset, chosen or remembered mapping, or recognised
from its header and values), then its rows, its pending lines and its closing balance."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.i18n import _
from app.importers.bank.balance import trusted_closing
from app.importers.bank.guess import guess, looks_like_data
from app.importers.bank.mapper import MappingStore
from app.importers.bank.mapping import (
    ColumnMapping,
    Markers,
    amount_markers,
    apply,
    field_text,
)
from app.importers.bank.model import (
    ParsedStatement,
    PendingRow,
    RejectedRow,
    Signs,
    StatedBalance,
    StatementRow,
    UnreadableStatement,
)
from app.importers.bank.presets import Preset, find_by_header, find_headerless
from app.importers.bank.text import Record, header_key, records
from app.importers.bank.values import BadValue, parse_amount

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
    header: tuple[str, ...]  # the header key; empty for a headerless layout
    data: list[Record]
    preset: Preset | None = None
    guessed: bool = False


def read_csv(text: str, store: MappingStore | None = None,
             mapping: ColumnMapping | None = None) -> ParsedStatement:
    """Rows of a CSV statement. `mapping` (chosen by the person) wins over any other layout."""
    layout = find_layout(records(text), store, mapping)
    data = [r for r in layout.data
            if layout.preset is None or not layout.preset.is_skipped(r)]
    chosen = layout.mapping
    markers = amount_markers([field_text(r, chosen.amount) for r in data]) \
        if chosen.amount is not None else Markers.SIGNS
    rows: list[StatementRow] = []
    rejected: list[RejectedRow] = []
    pending: list[PendingRow] = []
    for record in data:
        result = apply(chosen, record, markers)
        if isinstance(result, StatementRow):
            rows.append(result)
        elif isinstance(result, PendingRow):
            pending.append(result)
        else:
            rejected.append(result)
    signed = chosen.signed_column and markers is Markers.SIGNS \
        and not _explicit_plus(data, chosen)
    return ParsedStatement(layout.name, tuple(rows), tuple(rejected),
                           closing_balance(chosen, data, rows), tuple(pending),
                           Signs.AMOUNT_COLUMN if signed else Signs.FILE,
                           layout.header, chosen.roles(), layout.guessed)


def _explicit_plus(data: list[Record], mapping: ColumnMapping) -> bool:
    """A file that writes "+£5.00" for money in says plainly which way each amount went."""
    return any(field_text(r, mapping.amount).startswith("+") for r in data)


def find_layout(found: list[Record], store: MappingStore | None,
                mapping: ColumnMapping | None) -> Layout:
    if not found:
        raise UnreadableStatement(_("This file is empty: there are no lines to import."))
    head = found[:PREAMBLE_LINES]
    for index, record in enumerate(head):
        key = header_key(record.fields)
        preset = find_by_header(key)
        if preset is not None and mapping is None:
            corrected = store.get(key) if store else None  # the person's own word wins
            if corrected is not None:
                return Layout("mapped", corrected, key, found[index + 1:], preset)
            return Layout(preset.name, preset.mapping, key, found[index + 1:], preset)
    if mapping is None:
        preset = find_headerless(found[0])
        if preset is not None:
            return Layout(preset.name, preset.mapping, (), found, preset)
        if looks_like_data(found[0]):  # no header at all: the values must say it all
            return _guessed((), found)
    index = _header_index(head)
    key = header_key(found[index].fields)
    chosen = mapping or (store.get(key) if store else None)
    if chosen is not None:
        return Layout("mapped", chosen, key, found[index + 1:])
    return _guessed(key, found[index + 1:])


def _guessed(key: tuple[str, ...], data: list[Record]) -> Layout:
    chosen = guess(key, data)
    if chosen is None:
        raise NeedsMapping(key)
    return Layout("mapped", chosen, key, data, guessed=True)


def header_of(found: list[Record]) -> tuple[str, ...]:
    """The header key a mapping for this file is remembered under."""
    if not found:
        raise UnreadableStatement(_("This file is empty: there are no lines to import."))
    if looks_like_data(found[0]):
        return ()
    return header_key(found[_header_index(found[:PREAMBLE_LINES])].fields)


def _header_index(head: list[Record]) -> int:
    """The first line with three or more filled columns: lines above it are a preamble."""
    for index, record in enumerate(head):
        if sum(1 for f in record.fields if f.strip()) >= 3:
            return index
    return 0


def closing_balance(mapping: ColumnMapping, data: list[Record],
                    rows: list[StatementRow]) -> StatedBalance | None:
    """The balance after the latest line, from the balance column, when it adds up."""
    if mapping.balance is None:
        return None
    column = mapping.balance
    by_line = {r.line: r for r in rows}

    def balances() -> Iterator[tuple[StatementRow, int | None]]:
        for record in data:
            row = by_line.get(record.line)
            if row is None:
                continue  # a rejected or pending line: it is not in the running balance
            try:
                yield row, parse_amount(field_text(record, column))
            except BadValue:
                yield row, None

    return trusted_closing(balances())
