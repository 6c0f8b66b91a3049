"""The one writer: full images, one event per unit of work, and nothing else may write."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text, update
from sqlalchemy.orm import Session

from app.domain.audit import Cause, decode
from app.domain.entries import EntryDraft
from app.domain.money import Money
from app.services.context import ProfileContext
from app.store.models import entry_table
from app.store.writer import (
    AUDIT_TABLE,
    DEPENDENTS,
    TABLES,
    ChangedSince,
    UnauditedWrite,
    Writer,
    audited_columns,
)

TODAY = date(2025, 6, 1)
PDF = b"%PDF-1.4\n%%EOF\n"


def _entry(ctx: ProfileContext, pence: int = -100) -> int:
    return ctx.ledger.add_entry(EntryDraft(date(2025, 5, 1), Money(pence), "Jo", "pa_wages"),
                                TODAY).id


@pytest.mark.parametrize("sql", [
    "INSERT INTO plan_line (name) VALUES ('sneaky')",
    "UPDATE entry SET amount = 1",
    "DELETE FROM person",
    "insert or replace into category (code, name_en, name_cy, grp, direction, permission) "
    "values ('x', 'x', 'x', 'x', 'out', 'allowed')",
    f"DELETE FROM {AUDIT_TABLE}",
])
def test_nothing_but_the_writer_may_write_an_audited_table(ctx: ProfileContext,
                                                           sql: str) -> None:
    _entry(ctx)
    with pytest.raises(UnauditedWrite), ctx.profile.engine.begin() as conn:
        conn.execute(text(sql))
    assert ctx.history.verify().is_whole


def test_a_session_of_its_own_cannot_slip_past_the_guard(ctx: ProfileContext) -> None:
    entry_id = _entry(ctx)
    with pytest.raises(UnauditedWrite), Session(ctx.profile.engine) as session, session.begin():
        session.execute(update(entry_table).where(entry_table.c.id == entry_id)
                        .values(payee="Someone else"))
    assert ctx.ledger.get_entry(entry_id).payee == "Jo"


def test_reading_is_never_refused(ctx: ProfileContext) -> None:
    with ctx.profile.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM entry")).scalar() == 0


def test_one_unit_of_work_is_one_event_with_every_image(ctx: ProfileContext) -> None:
    with ctx.store.write(Cause("test", "two things")) as (_repos, writer):
        line = writer.insert("plan_line", {"name": "Line 1", "weekly_budget": Money(500)})
        writer.update("plan_line", (line,), {"weekly_budget": Money(600)})
        writer.insert("plan_line", {"name": "Line 2", "weekly_budget": None})
    event = ctx.history.events()[-1]
    body = decode(event)
    assert body.cause == Cause("test", "two things")
    assert [(c.op, c.key) for c in body.changes] == [("insert", (line,)), ("update", (line,)),
                                                     ("insert", (line + 1,))]
    assert body.changes[1].before == {"id": line, "name": "Line 1", "weekly_budget": 500}
    assert body.changes[1].after == {"id": line, "name": "Line 1", "weekly_budget": 600}
    assert (event.action, event.entity, event.entity_id) == ("test", "plan_line",
                                                             f"{line}-{line + 1}")


def test_no_change_means_no_event(ctx: ProfileContext) -> None:
    before = len(ctx.history.events())
    line = ctx.plan.add("Line 1", Money(100))
    with ctx.store.write(Cause("nothing")) as (_repos, writer):
        assert writer.update("plan_line", (line.id,), {"weekly_budget": Money(100)}) is False
    assert len(ctx.history.events()) == before + 1


def test_deleting_takes_the_records_that_hang_on_it(ctx: ProfileContext) -> None:
    assert ("evidence_link", "entry_id") in DEPENDENTS["entry"]
    entry_id = _entry(ctx)
    ctx.evidence.attach(entry_id, "r.pdf", PDF)
    ctx.ledger.delete_entry(entry_id)
    body = decode(ctx.history.events()[-1])
    assert [(c.table, c.op) for c in body.changes] == [("evidence_link", "delete"),
                                                       ("entry", "delete")]


def test_receipt_bytes_stay_out_of_the_history(ctx: ProfileContext) -> None:
    assert "data" not in audited_columns("evidence")
    ctx.evidence.attach(_entry(ctx), "receipt.pdf", PDF)
    event = next(e for e in ctx.history.events() if e.action == "attach")
    assert PDF.decode() not in event.detail and '"sha256"' in event.detail


def test_apply_refuses_a_record_that_changed_since(ctx: ProfileContext) -> None:
    entry_id = _entry(ctx)
    with ctx.store.engine.connect() as conn:
        image = Writer(conn, "x").image("entry", (entry_id,))
        conn.info.pop("careledger_writer", None)
    assert image is not None
    from app.domain.audit import RecordChange

    stale = RecordChange("entry", (entry_id,), {**image, "amount": -999}, {**image, "amount": 5})
    with pytest.raises(ChangedSince), ctx.store.write(Cause("undo")) as (_repos, writer):
        writer.apply([stale])
    assert ctx.ledger.get_entry(entry_id).amount == Money(-100)


def test_many_rows_are_numbered_in_order(ctx: ProfileContext) -> None:
    with ctx.store.write(Cause("many")) as (_repos, writer):
        ids = writer.insert_many("plan_line", [{"name": f"L{n}", "weekly_budget": None}
                                               for n in range(50)])
    assert ids == list(range(ids[0], ids[0] + 50))
    assert [line.name for line in ctx.plan.lines()] == [f"L{n}" for n in range(50)]


def test_every_table_but_the_history_itself_is_audited() -> None:
    """And the balance checkpoint: derived from the entries, checked by verify."""
    from app.store.balance import TABLE as CHECKPOINT
    from app.store.models import metadata

    assert set(TABLES) == set(metadata.tables) - {AUDIT_TABLE, CHECKPOINT}
