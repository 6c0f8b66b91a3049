"""Bank statement importers: CSV presets for UK banks, a column mapper, OFX, QIF.

No Qt and no store: a file in, rows out.
"""

from app.importers.bank.csv_statement import NeedsMapping
from app.importers.bank.mapper import MappingStore
from app.importers.bank.mapping import ColumnMapping
from app.importers.bank.model import ParsedStatement, RejectedRow, StatementRow, UnreadableStatement
from app.importers.bank.reader import read_statement, read_statement_file

__all__ = [
    "ColumnMapping", "MappingStore", "NeedsMapping", "ParsedStatement", "RejectedRow",
    "StatementRow", "UnreadableStatement", "read_statement", "read_statement_file",
]
