"""Migration 0004_bank leaves the schema exactly as the models say, and goes back down cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.store import database, keys
from app.store.models import Base

BANK_TABLES = {"reconciliation", "reconciled_entry", "evidence", "evidence_link", "service_log",
               "service_payment"}


def test_upgrade_matches_models_and_downgrade_removes_tables(tmp_path: Path) -> None:
    engine = database.open_engine(tmp_path / "t.db", keys.new_data_key())
    database.upgrade(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert BANK_TABLES <= set(inspect(conn).get_table_names())
    with engine.begin() as conn:
        from alembic import command
        command.downgrade(database.alembic_config(conn), "security_1")
    with engine.connect() as conn:
        assert not BANK_TABLES & set(inspect(conn).get_table_names())
    engine.dispose()
