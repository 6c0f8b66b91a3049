"""The encrypted store: migrations, wrong keys, damaged files, nothing readable without the key."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.domain.audit import decode
from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext, open_context
from app.services.profiles import WrongPassphrase, list_profiles
from app.store import database, keys
from app.store.ledger_db import DamagedProfile, head_revision
from app.store.models import metadata
from app.store.profiles import ProfileDirectory
from app.store.writer import MIGRATING_FLAG

PASS = "correct horse battery"
TURN_ONE = Path(__file__).resolve().parents[2] / "fixtures" / "profiles" / "turn-one"


def test_a_new_profile_matches_the_models(ctx: ProfileContext) -> None:
    with ctx.profile.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    assert database.current_revision(ctx.profile.engine) == head_revision()


def test_an_upgraded_profile_matches_the_models(tmp_path: Path) -> None:
    shutil.copytree(TURN_ONE, tmp_path / "profiles" / "turn-one")
    with open_context(tmp_path, "Turn One", "turn one passphrase") as ctx:
        with ctx.profile.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        with ctx.store.read() as repos:
            links = repos.conn.execute("SELECT count(*) FROM evidence_link").fetchone()[0]
        assert links == 1  # the receipt is still linked: no cascade on the column drops
    copies = list((tmp_path / "profiles" / "turn-one").glob("ledger.before-upgrade-from-*"))
    assert [c.name for c in copies] == ["ledger.before-upgrade-from-statements_1.db"]


def test_wrong_passphrase_opens_nothing(make_ctx: Callable[..., ProfileContext],
                                        data_dir: Path) -> None:
    make_ctx().close()
    with pytest.raises(WrongPassphrase, match="not right"):
        open_context(data_dir, "Ann Example", "wrong guess")


def test_file_holds_no_plaintext_names_or_amounts(ctx: ProfileContext) -> None:
    ctx.ledger.add_entry(EntryDraft(date(2025, 4, 2), Money(-123456), "Zebediah Quartermaine",
                                    "pa_wages", "memo-marker-xyz"), date(2025, 5, 1))
    ctx.close()
    for path in ctx.info.folder.glob("ledger.db*"):
        raw = path.read_bytes()
        for secret in (b"Zebediah", b"memo-marker", b"TC-123", b"pa_wages", b"SQLite format"):
            assert secret not in raw, (path.name, secret)
    with pytest.raises(sqlcipher.DatabaseError):
        sqlcipher.connect(str(ctx.info.database)).execute("SELECT * FROM entry").fetchall()


def test_damaged_file_says_restore_from_backup(make_ctx: Callable[..., ProfileContext],
                                              data_dir: Path) -> None:
    make_ctx().close()
    info = list_profiles(data_dir)[0]
    raw = bytearray(info.database.read_bytes())
    raw[0:4096] = bytes(4096)  # wipe the first page, as a bad disk might
    info.database.write_bytes(bytes(raw))
    with pytest.raises(DamagedProfile, match="damaged"):
        open_context(data_dir, "Ann Example", PASS)


def test_a_profile_at_the_oldest_schema_upgrades_itself(data_dir: Path) -> None:
    """A profile made by migration 0001 only, as the earliest CareLedger would have."""
    folder = data_dir / "profiles" / "old-timer"
    folder.mkdir(parents=True)
    key = keys.new_data_key()
    engine = database.open_engine(folder / "ledger.db", key)
    database.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.info[MIGRATING_FLAG] = True  # as the old code wrote, without today's writer
        conn.execute(text(
            "INSERT INTO account (name, kind, opening_balance, opening_date) "
            "VALUES ('Care account', 'bank', 1000, '2024-01-01')"))
        conn.execute(text(
            "INSERT INTO category (code, name_en, name_cy, grp, direction, permission) "
            "VALUES ('pa_wages', 'PA wages', '', 'pa_wages', 'out', 'allowed')"))
        conn.execute(text(
            "INSERT INTO entry (\"on\", amount, account_id, payee, category_code, "
            "support_plan_line, memo, approval_reason, cleared, reconciled, created_by, "
            "created_at) VALUES ('2024-02-01', -250, 1, 'Old PA', 'pa_wages', 'Line A', '', "
            "'', 0, 0, 'Old', '2024-02-01 10:00:00')"))
        conn.execute(text(
            "INSERT INTO person (display_name, council_name, council_reference, nhs_number, "
            "postcode, managed_by, preferred_language, is_demo) "
            "VALUES ('Old Timer', '', '', '', '', 'self', 'en_GB', 0)"))
        conn.info.pop(MIGRATING_FLAG)
    engine.dispose()
    ProfileDirectory(data_dir).write_meta(folder, "Old Timer", False,
                                          [keys.wrap(key, PASS, "passphrase")])
    with open_context(data_dir, "Old Timer", PASS) as ctx:
        assert database.current_revision(ctx.profile.engine) == head_revision()
        assert [r.balance for r in ctx.ledger.page()] == [Money(750)]
        (line,) = ctx.plan.lines()
        assert (line.name, ctx.ledger.get_entry(1).plan_line_id) == ("Line A", line.id)
        assert {"unsorted_in", "unsorted_out"} <= {c.code for c in ctx.ledger.categories()}
        assert ctx.rules.chosen_rule().code == "quarterly_8_weeks"  # no rule was kept then
        assert decode(ctx.history.events()[-1]).cause.kind == "baseline"
        ctx.ledger.add_entry(EntryDraft(date(2024, 2, 2), Money(-50), "New PA", "pa_wages"),
                             date(2024, 3, 1))
    assert (folder / "ledger.before-upgrade-from-0001.db").exists()


def test_the_cheap_head_revision_is_alembics() -> None:
    """Read from the migration files as text, so that opening a current profile skips Alembic."""
    from alembic.script import ScriptDirectory

    from app.store.database import alembic_config

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
