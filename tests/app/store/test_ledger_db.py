"""app/store/ledger_db.py: reads on plain driver connections that can never write, kept for
reuse; SQLAlchemy's engine only at the first write."""

from __future__ import annotations

import threading
from datetime import date

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext


def test_a_read_connection_refuses_to_write(ctx: ProfileContext) -> None:
    with ctx.store.read() as repos, pytest.raises(sqlcipher.OperationalError, match="readonly"):
        repos.conn.execute("DELETE FROM category")
    with ctx.store.read() as repos:
        assert repos.categories.all()


def test_a_read_sees_one_snapshot_and_then_the_next_write(ctx: ProfileContext) -> None:
    with ctx.store.read() as repos:
        before = repos.entries.count()
        ctx.ledger.add_entries([EntryDraft(date(2025, 4, 2), Money(-500), "Jo", "pa_wages")],
                               date(2025, 5, 1))
        assert repos.entries.count() == before  # the snapshot taken when the read began
    with ctx.store.read() as repos:
        assert repos.entries.count() == before + 1


def test_connections_are_reused_also_after_a_failed_read(ctx: ProfileContext) -> None:
    db = ctx.profile.db
    with db.reading() as first:
        pass
    with pytest.raises(ZeroDivisionError), db.reading() as again:
        assert again is first
        _ = 1 / 0
    with db.reading() as conn, db.reading() as nested:
        assert conn is first and nested is not first  # a read inside a read gets its own
    assert conn.execute("SELECT 1").fetchone() == (1,)  # not left inside a transaction


def test_reads_from_another_thread_and_the_engine_only_at_the_first_write(
        ctx: ProfileContext) -> None:
    found: list[int] = []

    def read() -> None:
        with ctx.store.read() as repos:
            found.append(len(repos.categories.all()))

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    assert found and found[0] > 0
    assert "engine" not in ctx.profile.db.__dict__
    ctx.ledger.add_entries([EntryDraft(date(2025, 4, 2), Money(-500), "Jo", "pa_wages")],
                           date(2025, 5, 1))
    assert "engine" in ctx.profile.db.__dict__
