"""The encrypted store: migrations, wrong keys, damaged files, nothing readable without the key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.domain.entries import EntryDraft
from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.ledger import LedgerService
from app.services.profiles import (
    NewProfile,
    ProfileNotFound,
    WrongPassphrase,
    create_profile,
    list_profiles,
    open_profile,
)
from app.store import database, keys
from app.store.database import DamagedProfile
from app.store.models import Base

PASS = "correct horse battery"


def make(data_dir: Path, name: str = "Ann Example") -> None:
    create_profile(data_dir, NewProfile(name, Money(42000), Frequency.WEEKLY, date(2025, 4, 1),
                                        council_reference="SECRET-REF-991"), PASS)


def test_new_profile_schema_matches_the_models(data_dir: Path) -> None:
    make(data_dir)
    profile = open_profile(data_dir, "Ann Example", PASS)
    try:
        with profile.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        assert database.current_revision(profile.engine) == database.head_revision()
    finally:
        profile.close()


def test_wrong_passphrase_opens_nothing(data_dir: Path) -> None:
    make(data_dir)
    with pytest.raises(WrongPassphrase, match="not right"):
        open_profile(data_dir, "Ann Example", "wrong guess")


def test_unknown_profile_says_so(data_dir: Path) -> None:
    with pytest.raises(ProfileNotFound, match="no profile called"):
        open_profile(data_dir, "Nobody", PASS)


def test_file_holds_no_plaintext_names_or_amounts(data_dir: Path) -> None:
    make(data_dir)
    profile = open_profile(data_dir, "Ann Example", PASS)
    LedgerService(profile).add_entry(
        EntryDraft(date(2025, 4, 2), Money(-123456), "Zebediah Quartermaine", "pa_wages",
                   "memo-marker-xyz"), date(2025, 5, 1))
    profile.close()
    folder = profile.info.folder
    for path in folder.glob("ledger.db*"):
        raw = path.read_bytes()
        for secret in (b"Zebediah", b"memo-marker", b"SECRET-REF", b"pa_wages", b"SQLite format"):
            assert secret not in raw, (path.name, secret)
    with pytest.raises(sqlcipher.DatabaseError):
        sqlcipher.connect(str(folder / "ledger.db")).execute("SELECT * FROM entry").fetchall()


def test_damaged_file_says_restore_from_backup(data_dir: Path) -> None:
    make(data_dir)
    info = list_profiles(data_dir)[0]
    raw = bytearray(info.database.read_bytes())
    raw[0:4096] = bytes(4096)  # wipe the first page, as a bad disk might
    info.database.write_bytes(bytes(raw))
    with pytest.raises(DamagedProfile, match="damaged"):
        open_profile(data_dir, "Ann Example", PASS)


def test_failed_write_rolls_back_whole_transaction(ledger: LedgerService) -> None:
    good = EntryDraft(date(2025, 4, 2), Money(-1000), "Jo", "pa_wages")
    bad = EntryDraft(date(2025, 4, 3), Money(-1000), "Jo", "no_such_category")
    with pytest.raises(Exception, match="Choose a category"):
        ledger.add_entries([good, good, bad], date(2025, 5, 1))
    assert ledger.count() == 0
    assert [e.action for e in ledger.audit_events()] == ["create"]  # only the profile itself


def test_a_profile_at_the_older_schema_upgrades_itself(data_dir: Path) -> None:
    """Build a profile by migration 0001 only, as an older CareLedger would have."""
    folder = data_dir / "profiles" / "old-timer"
    folder.mkdir(parents=True)
    key = keys.new_data_key()
    engine = database.open_engine(folder / "ledger.db", key)
    database.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO account (name, kind, opening_balance, opening_date) "
            "VALUES ('Care account', 'bank', 1000, '2024-01-01')"))
        conn.execute(text(
            "INSERT INTO category (code, name_en, name_cy, grp, direction, permission) "
            "VALUES ('pa_wages', 'PA wages', '', 'pa_wages', 'out', 'allowed')"))
        conn.execute(text(
            "INSERT INTO entry (\"on\", amount, account_id, payee, category_code, "
            "support_plan_line, memo, approval_reason, cleared, reconciled, created_by, "
            "created_at) VALUES ('2024-02-01', -250, 1, 'Old PA', 'pa_wages', '', '', '', 0, 0, "
            "'Old', '2024-02-01 10:00:00')"))
    engine.dispose()
    from app.store.profiles import ProfileDirectory

    ProfileDirectory(data_dir).write_meta(folder, "Old Timer", False,
                                          [keys.wrap(key, PASS, "passphrase")])

    profile = open_profile(data_dir, "Old Timer", PASS)
    try:
        assert database.current_revision(profile.engine) == database.head_revision()
        ledger = LedgerService(profile)
        assert [r.balance for r in ledger.page()] == [Money(750)]
        ledger.add_entry(EntryDraft(date(2024, 2, 2), Money(-50), "New PA", "pa_wages"),
                         date(2024, 3, 1))
        assert len(ledger.audit_events()) == 1
    finally:
        profile.close()
    assert (folder / "ledger.before-upgrade-from-0001.db").exists()


def test_several_profiles_live_side_by_side(data_dir: Path) -> None:
    make(data_dir, "Ann Example")
    make(data_dir, "Bryn Jones")
    names = [p.display_name for p in list_profiles(data_dir)]
    assert names == ["Ann Example", "Bryn Jones"]
    folders = {p.folder for p in list_profiles(data_dir)}
    assert len(folders) == 2


def test_profile_json_holds_no_council_reference(data_dir: Path) -> None:
    make(data_dir)
    meta = (list_profiles(data_dir)[0].folder / "profile.json").read_text()
    assert "SECRET-REF" not in meta and "42000" not in meta


def test_database_file_is_readable_by_its_owner_only(data_dir: Path) -> None:
    make(data_dir)
    info = list_profiles(data_dir)[0]
    assert info.database.stat().st_mode & 0o777 == 0o600
    assert info.folder.stat().st_mode & 0o777 == 0o700
