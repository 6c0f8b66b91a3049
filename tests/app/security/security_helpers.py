"""Constants and builders shared by the security tests (a unique module name on purpose)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.domain.funding import Frequency
from app.domain.money import Money
from app.services.profiles import NewProfile
from app.store import database, keys
from app.store.profiles import ProfileDirectory, ProfileInfo

PASSPHRASE = "correct horse battery"
NAME = "Alex Example"


def new_request(name: str = NAME) -> NewProfile:
    return NewProfile(display_name=name, gross_weekly=Money(42000),
                      frequency=Frequency.FOUR_WEEKLY, start=date(2024, 4, 1),
                      council_name="Test Council", council_reference="REF-1")


def make_old_profile(data_dir: Path, name: str, revision: str) -> tuple[ProfileInfo, bytes]:
    """A profile as an older CareLedger left it: schema at `revision`, one person row."""
    directory = ProfileDirectory(data_dir)
    folder = directory.new_folder(name)
    data_key = keys.new_data_key()
    engine = database.open_engine(folder / "ledger.db", data_key)
    database.upgrade(engine, revision)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO person (display_name, council_name, council_reference, nhs_number, "
            "postcode, managed_by, preferred_language, is_demo) "
            "VALUES (?, '', '', '', '', 'self', 'en_GB', 0)", (name,))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    directory.write_meta(folder, name, False, [keys.wrap(data_key, PASSPHRASE, "passphrase")])
    info = directory.find(name)
    assert info is not None
    return info, data_key

