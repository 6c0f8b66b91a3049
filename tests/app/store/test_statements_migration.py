"""Migration statements_1 creates exactly what models_statements declares, and downgrades."""

from datetime import date
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.profiles import NewProfile, create_profile, open_profile
from app.store import database, keys
from app.store.models import Base
from tests.app.services.conftest import NAME, PASSPHRASE, demo_dir  # noqa: F401


def test_upgrade_matches_the_models(demo_dir: Path) -> None:  # noqa: F811
    profile = open_profile(demo_dir, NAME, PASSPHRASE)
    try:
        with profile.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert not [d for d in diffs if "council_rule_detail" in repr(d)]
        assert "council_rule_detail" in inspect(profile.engine).get_table_names()
    finally:
        profile.close()


def test_downgrade_removes_the_table(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(keys, "DEFAULT_COST", keys.KdfCost(1, 8, 1))
    request = NewProfile("Mig Test", Money(10000), Frequency.WEEKLY, date(2025, 4, 1))
    create_profile(tmp_path, request, "a long passphrase")
    profile = open_profile(tmp_path, "Mig Test", "a long passphrase")
    try:
        with profile.engine.begin() as conn:
            command.downgrade(database.alembic_config(conn), "register_1")
        assert "council_rule_detail" not in inspect(profile.engine).get_table_names()
        database.upgrade(profile.engine)
        assert "council_rule_detail" in inspect(profile.engine).get_table_names()
    finally:
        profile.close()
