"""Profile tables for statements: each return produced, with the history head it quoted."""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, String, Table

from app.store.models import metadata

# A return that left the app: `careledger history --verify` checks its head is still in
# the history, so a council can rely on the history it was shown.
issued_statement_table = Table(
    "issued_statement", metadata,
    Column("id", Integer, primary_key=True),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("produced_on", Date, nullable=False),
    Column("file_kind", String(10), nullable=False),  # pdf or csv
    Column("head_event_id", Integer, nullable=False),
    Column("head_hash", String(64), nullable=False),
)
