"""The register database: one plain SQLite file of public data, rebuilt only by imports.

`provider_fts` is an external-content FTS5 index over `provider`; `provider_service` lists
each provider's service types so the service filter is an index lookup, not a text scan.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.store.private import tighten

SCHEMA_VERSION = 1

# The provider columns an import writes, in this order (staging has the same ones).
COLUMNS = (
    "source", "source_id", "dataset", "run_id", "name", "name_key", "provider_name",
    "org_form", "org_form_derived", "address", "town", "postcode", "local_authority", "region",
    "latitude", "longitude", "location_derived", "phone", "website", "email", "service_types",
    "specialisms", "rating", "rating_rank", "rating_date", "registered_manager", "beds",
    "registered_on", "description", "charity_number",
)
# What a re-import compares to tell "changed" from "unchanged".
CONTENT_COLUMNS = COLUMNS[4:]

DDL = f"""
CREATE TABLE IF NOT EXISTS import_run (
    id INTEGER PRIMARY KEY,
    dataset TEXT NOT NULL,
    label TEXT NOT NULL,
    file_name TEXT NOT NULL,
    data_date TEXT,
    imported_at TEXT NOT NULL,
    added INTEGER NOT NULL, changed INTEGER NOT NULL,
    removed INTEGER NOT NULL, rejected INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS provider (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL, source_id TEXT NOT NULL, dataset TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES import_run(id),
    name TEXT NOT NULL, name_key TEXT NOT NULL, provider_name TEXT NOT NULL,
    org_form TEXT NOT NULL, org_form_derived INTEGER NOT NULL,
    address TEXT NOT NULL, town TEXT NOT NULL, postcode TEXT NOT NULL,
    local_authority TEXT NOT NULL, region TEXT NOT NULL,
    latitude REAL, longitude REAL, location_derived INTEGER NOT NULL,
    phone TEXT NOT NULL, website TEXT NOT NULL, email TEXT NOT NULL,
    service_types TEXT NOT NULL, specialisms TEXT NOT NULL,
    rating TEXT NOT NULL, rating_rank INTEGER NOT NULL, rating_date TEXT,
    registered_manager TEXT NOT NULL, beds INTEGER, registered_on TEXT,
    description TEXT NOT NULL, charity_number TEXT NOT NULL,
    UNIQUE (source, source_id)
);
CREATE INDEX IF NOT EXISTS ix_provider_name ON provider (name_key, id);
CREATE INDEX IF NOT EXISTS ix_provider_council ON provider (local_authority COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS ix_provider_rating ON provider (rating);
CREATE INDEX IF NOT EXISTS ix_provider_rank_name ON provider (rating_rank DESC, name_key, id);
CREATE INDEX IF NOT EXISTS ix_provider_latitude ON provider (latitude, longitude);
CREATE TABLE IF NOT EXISTS provider_service (
    service_type TEXT NOT NULL COLLATE NOCASE,
    provider_id INTEGER NOT NULL,
    PRIMARY KEY (service_type, provider_id)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS provider_fts USING fts5(
    name, provider_name, town, service_types, specialisms,
    content='provider', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2", prefix='1 2 3'
);
PRAGMA user_version = {SCHEMA_VERSION};
"""

# Run one by one with execute(): executescript() would commit the open transaction.
STAGING_DDL = (
    "CREATE TEMP TABLE IF NOT EXISTS staging AS SELECT "
    + ", ".join(COLUMNS) + " FROM provider WHERE 0",
    "CREATE UNIQUE INDEX IF NOT EXISTS temp.ix_staging_key ON staging (source, source_id)",
)


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the register; transactions are begun explicitly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    tighten(path)  # public data, but which files a person has is theirs alone
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MB: index builds and FTS rebuilds fit
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        conn.executescript(DDL)
    return conn
