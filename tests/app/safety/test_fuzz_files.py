"""Hypothesis fuzzing of backup files, register files and bank files: whatever the damage,
a plain DomainError or a good result, never a traceback, and never a partial commit."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.services.backups import export_profile, restore_profile
from app.services.bank_import import RowStatus
from app.services.context import ProfileContext, open_context
from app.services.profiles import open_profile
from app.services.register import RegisterService
from tests.app.safety.conftest import (
    NAME,
    PASS,
    add_entries,
    count_entries,
    fingerprint,
    make,
)
from tests.app.safety.fuzzing import apply, damage

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
BANK_FILES = sorted(p for p in (FIXTURES / "bank").iterdir() if p.suffix != ".md")
REGISTER_FILES = [FIXTURES / "register" / n for n in (
    "cqc_hsca_extract.csv", "cqc_directory_extract.csv", "cqc_api_extract.csv",
    "cqc_api_locations_extract.json", "service_list.json", "organization_full.json")]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])


# --- backups -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real backup of a profile with 3 entries."""
    from app.store import keys

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "DEFAULT_COST", keys.KdfCost(1, 8, 1))
        data = tmp_path_factory.mktemp("source")
        make(data)
        add_entries(data, 3)
        with open_profile(data, NAME, PASS, read_only=True) as profile:
            return export_profile(profile, tmp_path_factory.mktemp("usb") / "real")


@pytest.fixture(scope="module")
def home_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A computer that already has a profile of the same name, with one entry of its own."""
    from app.store import keys

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "DEFAULT_COST", keys.KdfCost(1, 8, 1))
        home = tmp_path_factory.mktemp("home") / "data"
        make(home, passphrase="the other passphrase")
        add_entries(home, 1, passphrase="the other passphrase")
    return home


def _restore_checked(home: Path, source: Path, replace: bool) -> None:
    before = fingerprint(home / "profiles")
    try:
        result = restore_profile(home, source, PASS, replace=replace)
    except DomainError as error:
        event(f"refused: {type(error).__name__}")
        assert fingerprint(home / "profiles") == before  # nothing changed, nothing left over
        return
    event("restored")
    assert count_entries(home, result.info.display_name) == 3  # whole, or not at all
    if replace:  # the profile that was there is kept whole, under its own passphrase
        assert result.kept_copy is not None and (result.kept_copy / "ledger.db").exists()


@FUZZ
@given(ops=damage, replace=st.booleans())
def test_damaged_backup_files(real_backup: Path, home_template: Path, tmp_path: Path,
                              ops: list[tuple], replace: bool) -> None:  # type: ignore[type-arg]
    home = tmp_path / "home"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(home_template, home)
    damaged = tmp_path / "damaged.careledger"
    damaged.write_bytes(apply(real_backup.read_bytes(), ops))
    _restore_checked(home, damaged, replace)


@FUZZ
@given(ops=damage)
def test_damaged_database_inside_a_whole_zip(real_backup: Path, tmp_path: Path,
                                             ops: list[tuple]) -> None:  # type: ignore[type-arg]
    """The zip is sound (its checksums match) but the encrypted database in it is damaged."""
    with zipfile.ZipFile(real_backup) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    parts["ledger.db"] = apply(parts["ledger.db"], ops)
    repacked = tmp_path / "repacked.careledger"
    with zipfile.ZipFile(repacked, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    home = tmp_path / "home"
    shutil.rmtree(home, ignore_errors=True)
    _restore_checked(home, repacked, replace=False)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4), max_leaves=20)


@FUZZ
@given(member=st.sampled_from(["profile.json", "careledger-backup.json", "keys", "name"]),
       value=json_values, stored=st.booleans())
def test_crafted_backup_contents(real_backup: Path, tmp_path: Path, member: str,
                                 value: object, stored: bool) -> None:
    with zipfile.ZipFile(real_backup) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    meta = json.loads(parts["profile.json"])
    if member == "keys":
        meta["keys"] = value if not isinstance(value, list) else [value, *meta["keys"]]
        parts["profile.json"] = json.dumps(meta).encode()
    elif member == "name":
        meta["display_name"] = value
        parts["profile.json"] = json.dumps(meta).encode()
    else:
        parts[member] = json.dumps(value).encode()
    crafted = tmp_path / "crafted.careledger"
    with zipfile.ZipFile(crafted, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                         ) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    home = tmp_path / "home"
    shutil.rmtree(home, ignore_errors=True)
    _restore_checked(home, crafted, replace=False)


# --- register files ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def filled_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("register")
    service = RegisterService(folder)
    service.import_file(REGISTER_FILES[0])
    service.import_file(REGISTER_FILES[3])
    service.close()
    return folder / "register.db"


def _snapshot(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute("SELECT * FROM provider ORDER BY id").fetchall()


@FUZZ
@given(source=st.sampled_from(REGISTER_FILES), ops=damage)
# Found by CI: a vertical tab in the header ends the line for str.splitlines, not for csv.
@example(source=REGISTER_FILES[0], ops=[("insert", 753, b"\x0b")])
def test_damaged_register_files(filled_register: Path, tmp_path: Path, source: Path,
                                ops: list[tuple]) -> None:  # type: ignore[type-arg]
    folder = tmp_path / "data"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    shutil.copy(filled_register, folder / "register.db")
    path = folder / ("damaged" + source.suffix)
    path.write_bytes(apply(source.read_bytes(), ops))
    service = RegisterService(folder)
    before = _snapshot(service.conn)
    try:
        report = service.import_file(path)
    except DomainError as error:
        event(f"refused: {type(error).__name__}")
        assert _snapshot(service.conn) == before  # all or nothing
    else:
        event("imported")
        size = len(_snapshot(service.conn))
        assert size == len(before) + report.added - report.removed
    finally:
        service.close()


# --- bank files --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bank_ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProfileContext]:
    from app.store import keys

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "DEFAULT_COST", keys.KdfCost(1, 8, 1))
        data = tmp_path_factory.mktemp("bank")
        make(data)
        ctx = open_context(data, NAME, PASS)
    yield ctx
    ctx.close()


@FUZZ
@given(source=st.sampled_from(BANK_FILES), ops=damage)
def test_damaged_bank_files(bank_ctx: ProfileContext, source: Path,
                            ops: list[tuple]) -> None:  # type: ignore[type-arg]
    service = bank_ctx.imports
    before = bank_ctx.ledger.count()
    data = apply(source.read_bytes(), ops)
    try:
        preview = service.preview(data, "damaged" + source.suffix, 1, today=date(2026, 1, 1))
        new = preview.count(RowStatus.NEW)
        result = service.commit(preview, today=date(2026, 1, 1))
    except DomainError as error:
        event(f"refused: {type(error).__name__}")
        assert bank_ctx.ledger.count() == before
        return
    event("imported" if new else "nothing new")
    assert result.added == new
    assert bank_ctx.ledger.count() == before + new
