"""Open an encrypted profile database through SQLAlchemy, and bring its schema up to date."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event

from app.store.ledger_db import MIGRATIONS, connect, refusal, revision_of
from app.store.writer import MIGRATING_FLAG, install_write_guard, needs_baseline, write_baseline

if TYPE_CHECKING:
    from alembic.config import Config


def open_engine(path: Path, key: bytes) -> Engine:
    """An engine over the encrypted file; raises DamagedProfile when it cannot be read."""
    # The same keyed connection the readers use (app/store/ledger_db.py).
    engine = create_engine(f"sqlite:///{path}", creator=lambda: connect(path, key))

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    install_write_guard(engine)
    check_readable(engine)
    return engine


def check_readable(engine: Engine) -> None:
    try:
        with engine.connect():
            pass
    except Exception as exc:  # the driver's DatabaseError, wrapped by SQLAlchemy
        said = refusal(exc)
        if said is None:
            raise  # a full disk or a read-only folder: said as such (app/failures.py)
        raise said from exc


def refuse_writes(engine: Engine) -> None:
    """Opened read-only: SQLite itself refuses any write (under the store's own refusal)."""
    event.listen(engine, "connect", _query_only)
    engine.dispose()  # drop pooled connections opened before the listener


def _query_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only = ON")


def alembic_config(connection: Any | None = None) -> Config:
    from alembic.config import Config  # only when a migration is due

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the file (Alembic's own table), without Alembic."""
    with engine.connect() as conn:
        return revision_of(conn.connection.driver_connection)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic migrations up to `revision` inside one transaction; a profile whose history
    was written before the one writer gets its baseline event in the same transaction."""
    from alembic import command  # only when a migration is due

    with engine.begin() as conn:
        conn.info[MIGRATING_FLAG] = True
        try:
            command.upgrade(alembic_config(conn), revision)
        finally:
            conn.info.pop(MIGRATING_FLAG, None)
        if revision == "head" and needs_baseline(conn):
            write_baseline(conn)
