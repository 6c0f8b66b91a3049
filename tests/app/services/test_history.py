"""Verify: the replayed history equals the tables, and anything changed behind the app's back
is reported, whichever audited table and column it is in."""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.audit import decode, replay
from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind
from app.domain.documents import Dates, DocumentKind, Subject
from app.domain.entries import EntryDraft
from app.domain.funding import Period
from app.domain.money import Money
from app.domain.owed import Liabilities
from app.domain.roles import Role
from app.domain.visits import VisitDraft
from app.employer.records import Born, EmployerDetails, PADraft, Part, PayslipDraft
from app.outcomes.model import OutcomeDraft, RatedBy
from app.services.context import ProfileContext, open_context
from app.services.payees import RuleDraft
from app.services.profiles import CreatedProfile
from app.services.statements import StatementRequest
from app.store.profiles import ProfileInfo
from app.store.writer import TABLES, audited_columns, key_columns
from tests.conftest import NAME, PASSPHRASE

TODAY = date(2026, 3, 31)
RUNS = itertools.count()
PDF = b"%PDF-1.4\n%%EOF\n"
TURN_ONE = Path(__file__).resolve().parents[2] / "fixtures" / "profiles" / "turn-one"
Raw = Callable[[ProfileContext], Any]


def stored(ctx: ProfileContext) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
    """Every audited table's audited columns, read straight from the file."""
    found: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
    with ctx.store.read() as repos:
        for table in TABLES:
            columns = audited_columns(table)
            rows = repos.conn.execute(
                f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{table}"')
            found[table] = {}
            for row in rows:
                image = dict(zip(columns, row, strict=True))
                found[table][tuple(image[k] for k in key_columns(table))] = image
    return found


def replayed(ctx: ProfileContext) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
    state = replay(decode(e) for e in ctx.history.events())
    return {table: {k: dict(v) for k, v in state.get(table, {}).items()} for table in TABLES}


# --- replay equals the tables, whatever was done ---------------------------------------------

OPERATIONS = st.lists(st.sampled_from(
    ["add", "add_in", "change", "delete", "undo", "redo", "visit", "link", "attach", "detach",
     "provider", "person", "plan", "owed", "tick", "import", "employ", "file", "unfile",
     "outcome", "rate", "serve"]), min_size=1, max_size=25)


def _do(ctx: ProfileContext, op: str, n: int) -> None:
    ids = [r.entry.id for r in ctx.ledger.page()]
    if op == "add":
        ctx.ledger.add_entry(EntryDraft(date(2025, 5, 1 + n % 28), Money(-100 - n), f"P{n}",
                                        "pa_wages", plan_line=f"Line {n % 3}"), TODAY)
    elif op == "add_in":
        ctx.ledger.add_entry(EntryDraft(date(2025, 6, 1 + n % 28), Money(5000 + n),
                                        "Council", "council_payment"), TODAY)
    elif op == "change" and ids:
        ctx.ledger.update_entry(ids[n % len(ids)], EntryDraft(
            date(2025, 7, 1), Money(-77 - n), "Changed", "activities"), TODAY, confirmed=True)
    elif op == "delete" and ids:
        ctx.ledger.delete_entry(ids[n % len(ids)], confirmed=True)
    elif op == "visit":
        ctx.visits.add(VisitDraft(date(2025, 5, 2), "Jo", 60, 60 - n % 60, 1250))
    elif op == "link" and ids:
        visits = [v.id for v in ctx.visits.visits()]
        payment = next((i for i in ids if ctx.ledger.get_entry(i).amount.pence < 0), None)
        if visits and payment:
            ctx.visits.link_payment(payment, visits[: 1 + n % 3])
    elif op == "attach" and ids:
        ctx.evidence.attach(ids[n % len(ids)], f"r{n}.pdf", PDF + str(n % 4).encode())
    elif op == "detach" and ids:
        for entry_id in ids:
            for doc in ctx.evidence.for_entry(entry_id):
                ctx.evidence.detach(doc.id, entry_id)
                return
    elif op == "file":
        # The same bytes as a receipt sometimes: stored once, used by both.
        ctx.evidence.file(ctx.evidence.find_choice(Subject.PROFILE), DocumentKind.HMRC,
                          f"h{n}.pdf", PDF + str(n % 4).encode(),
                          Dates(date(2025, 4, 1), date(2025, 4, 1 + n % 20)))
    elif op == "unfile":
        filed = ctx.evidence.documents(entries=False)
        if filed and filed[0].link_id is not None:
            ctx.evidence.remove_filed(filed[0].link_id)
    elif op == "provider":
        ctx.providers.add(ChosenProviderDraft(f"PA {n}", date(2025, 4, 1), kind=ProviderKind.PA))
    elif op == "employ":
        pa = ctx.employer.add(PADraft(f"Employed {n}", date(2025, 4, 1), Money(1300), 600))
        ctx.employer.add_payslip(PayslipDraft(pa.id, date(2025, 4, 30), Money(20000)))
    elif op == "person":
        ctx.people.add(f"Carer {n}", Role.CARER)
    elif op == "plan":
        ctx.plan.add(f"Plan {n}", Money(n * 100))
    elif op == "owed":
        ctx.owed.set(date(2025, 6, 30), Liabilities(Money(n), Money(2 * n)))
    elif op == "tick" and ids:
        rec = ctx.reconcile.start(1, date(2026, 12, 31), Money(0))
        entry = ctx.ledger.get_entry(ids[n % len(ids)])
        if not entry.reconciled:
            ctx.reconcile.set_cleared(rec.id, entry.id, not entry.cleared)
    elif op == "outcome":
        lines = [line.id for line in ctx.plan.lines()][:1]
        ctx.outcomes.add(OutcomeDraft(f"Outcome {n}", "ca.1.2.e", tuple(lines)), TODAY)
    elif op == "rate" and ctx.outcomes.outcomes():
        ctx.outcomes.rate(ctx.outcomes.outcomes()[-1].id, 1 + n % 4, date(2025, 6, 1),
                          RatedBy.WITH_CARER, f"note {n}", TODAY)
    elif op == "serve" and ids and ctx.outcomes.outcomes():
        payment = next((i for i in ids if ctx.ledger.get_entry(i).amount.pence < 0), None)
        if payment:
            ctx.outcomes.link_entry(payment, ctx.outcomes.outcomes()[0].id)
    elif op == "import":
        sample = Path(__file__).resolve().parents[2] / "fixtures" / "bank" / "santander.ofx"
        # Typed by hand first: the first import matches it; a later one finds the lines.
        ctx.ledger.add_entry(EntryDraft(date(2026, 9, 1), Money(-1234), "Tesco", "activities"),
                             TODAY)
        ctx.imports.commit(ctx.imports.preview(sample.read_bytes(), "s.ofx", 1, today=TODAY),
                           TODAY)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=OPERATIONS)
def test_the_replayed_history_equals_the_tables(make_ctx: Callable[..., ProfileContext],
                                                ops: list[str]) -> None:
    ctx = make_ctx(f"Replay {next(RUNS)}")
    for n, op in enumerate(ops):
        if op == "undo":
            ctx.undo.undo()
        elif op == "redo":
            ctx.undo.redo()
        else:
            ctx.undo.run(op, lambda op=op, n=n: _do(ctx, op, n))  # type: ignore[misc]
    assert replayed(ctx) == stored(ctx)
    check = ctx.history.verify()
    assert check.is_whole, check


# --- anything changed behind the app's back is reported --------------------------------------


@pytest.fixture
def full_ctx(make_ctx: Callable[..., ProfileContext], tmp_path: Path) -> ProfileContext:
    """A profile with at least one record in every audited table."""
    ctx = make_ctx("Everything")
    entry = ctx.ledger.add_entry(EntryDraft(date(2025, 5, 1), Money(-2500), "Jo", "pa_wages",
                                            plan_line="Line 1", memo="m",
                                            approval_reason="r"), TODAY)
    ctx.ledger.add_entry(EntryDraft(date(2025, 5, 2), Money(9000), "Council",
                                    "council_payment"), TODAY)
    visit = ctx.visits.add(VisitDraft(date(2025, 5, 1), "Jo", 60, 60, 1250, note="n"))
    ctx.visits.link_payment(entry.id, [visit.id])
    ctx.evidence.attach(entry.id, "receipt.pdf", PDF, DocumentKind.INVOICE)
    ctx.evidence.file(ctx.evidence.find_choice(Subject.PROFILE),
                      DocumentKind.INSURANCE_CERTIFICATE, "certificate.pdf", PDF + b" ",
                      Dates(date(2025, 1, 1), date(2025, 12, 31)))
    ctx.providers.add(ChosenProviderDraft("Jo", date(2025, 4, 1), kind=ProviderKind.PA,
                                          agreed_hourly_rate=Money(1250), notes="x",
                                          own_rating=4, end=date(2026, 1, 1)))
    ctx.people.add("Sam Carer", Role.CARER)
    outcome = ctx.outcomes.add(OutcomeDraft("Garden", "er.2.2.i", (ctx.plan.lines()[0].id,),
                                            "every week"), TODAY)
    ctx.outcomes.rate(outcome.id, 3, date(2025, 5, 3), RatedBy.PERSON, "good", TODAY)
    ctx.outcomes.link_entry(entry.id, outcome.id)
    ctx.outcomes.link_visit(visit.id, outcome.id)
    ctx.owed.set(date(2025, 5, 31), Liabilities(Money(1), Money(2), Money(3), Money(4)))
    rec = ctx.reconcile.start(1, date(2025, 5, 31), Money(-2500))
    ctx.reconcile.set_cleared(rec.id, entry.id, True)
    ctx.reconcile.lock(rec.id)
    sample = Path(__file__).resolve().parents[2] / "fixtures" / "bank" / "santander.ofx"
    # Typed by hand before the statement came: the import matches it (bank_match).
    ctx.ledger.add_entry(EntryDraft(date(2026, 9, 1), Money(-1234), "Tesco", "activities"),
                         TODAY)
    ctx.payee_rules.add(RuleDraft("J EVANS", "Jo Evans (PA)", "pa_wages"))
    ctx.imports.commit(ctx.imports.preview(sample.read_bytes(), "s.ofx", 1, today=TODAY), TODAY)
    pa = ctx.employer.add(PADraft("Sam PA", date(2025, 4, 1), Money(1300), 20 * 60,
                                  night_rate=Money(1500), born=Born(1990)))
    slip = ctx.employer.add_payslip(PayslipDraft(pa.id, date(2025, 5, 31), Money(50000),
                                                 Money(1000), Money(800)))
    ctx.employer.link_payment(entry.id, Part.WAGES, [slip.id])
    ctx.employer.set_employer(EmployerDetails("Insurer", "P-1", date(2026, 3, 1), 36))
    ctx.statements.save(ctx.statements.build(StatementRequest(
        Period(date(2025, 4, 1), date(2025, 6, 30)))), tmp_path / "r.csv")
    empty = [t for t, rows in stored(ctx).items() if not rows]
    assert empty == [], empty
    assert ctx.history.verify().is_whole
    return ctx


def _different(value: Any) -> Any:
    if isinstance(value, bool) or value in (0, 1) and isinstance(value, int):
        return 1 - int(value) if value in (0, 1) else value + 1
    if isinstance(value, int):
        return value + 1
    if value is None:
        return 1
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return "2000-01-01" if value != "2000-01-01" else "2000-01-02"
    return str(value) + "x"


AUDITED = [(t, c) for t in sorted(TABLES) for c in audited_columns(t)]


@pytest.mark.parametrize(("table", "column"), AUDITED, ids=[f"{t}.{c}" for t, c in AUDITED])
def test_every_audited_column_changed_behind_the_app_is_reported(
        full_ctx: ProfileContext, behind_the_app: Raw, table: str, column: str) -> None:
    image = next(iter(stored(full_ctx)[table].values()))
    key = tuple(image[k] for k in key_columns(table))
    raw = behind_the_app(full_ctx)
    where = " AND ".join(f'"{k}" = ?' for k in key_columns(table))
    raw.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {where}',
                (_different(image[column]), *key))
    raw.close()
    check = full_ctx.history.verify()
    assert not check.is_whole
    if column in key_columns(table):  # a new key: the old record gone, an unknown one there
        assert {(d.table, d.kind) for d in check.differences} >= {
            (table, "missing"), (table, "not in the history")}
    else:
        assert any(d.table == table and d.key == key and column in d.columns
                   for d in check.differences), check.differences


@pytest.mark.parametrize("table", sorted(TABLES))
def test_a_record_removed_or_added_behind_the_app_is_reported(
        full_ctx: ProfileContext, behind_the_app: Raw, table: str) -> None:
    image = next(iter(stored(full_ctx)[table].values()))
    key = tuple(image[k] for k in key_columns(table))
    raw = behind_the_app(full_ctx)
    where = " AND ".join(f'"{k}" = ?' for k in key_columns(table))
    raw.execute(f'DELETE FROM "{table}" WHERE {where}', key)
    raw.close()
    check = full_ctx.history.verify()
    assert any(d.table == table and d.key == key and d.kind == "missing"
               for d in check.differences)


def test_a_deleted_tail_is_caught(full_ctx: ProfileContext, behind_the_app: Raw) -> None:
    """Removing the newest events and their entries keeps the chain whole and the tables
    consistent: only the heads kept outside the history show it."""
    full_ctx.ledger.add_entry(EntryDraft(date(2025, 6, 1), Money(-999), "Hidden", "pa_wages"),
                              TODAY)
    full_ctx.profile.close()  # keeps the head beside the profile
    ctx = open_context(full_ctx.data_dir, "Everything", "correct horse battery")
    try:
        raw = behind_the_app(ctx)
        last = raw.execute("SELECT max(id) FROM audit_event").fetchone()[0]
        raw.execute("DELETE FROM entry WHERE payee = 'Hidden'")
        raw.execute("DELETE FROM audit_event WHERE id = ?", (last,))
        raw.close()
        check = ctx.history.verify()
        assert check.first_broken is None and not check.differences
        assert check.missing_heads and not check.is_whole
    finally:
        ctx.close()  # nothing written: the head kept beside the profile stays as it was


def test_a_rewritten_chain_is_caught_by_the_head_a_return_quoted(
        full_ctx: ProfileContext, behind_the_app: Raw) -> None:
    """An attacker with the key rewrites an old event and recomputes every hash after it: the
    chain holds, but the head printed on the return is gone."""
    from app.domain.audit import GENESIS_HASH, event_hash

    raw = behind_the_app(full_ctx)
    rows = raw.execute("SELECT id, at, actor, action, entity, entity_id, detail FROM audit_event "
                       "ORDER BY id").fetchall()
    prev = GENESIS_HASH
    for n, (eid, at, actor, action, entity, entity_id, detail) in enumerate(rows):
        if n == 1:
            detail = detail.replace("Everything", "Someone else")
        digest = event_hash(prev, at, actor, action, entity, entity_id, detail)
        raw.execute("UPDATE audit_event SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    (detail, prev, digest, eid))
        prev = digest
    raw.close()
    check = full_ctx.history.verify()
    assert check.first_broken is None
    assert check.missing_heads


def test_damaged_document_bytes_are_reported(full_ctx: ProfileContext,
                                              behind_the_app: Raw) -> None:
    raw = behind_the_app(full_ctx)
    raw.execute("UPDATE evidence SET data = ?", (b"%PDF-1.4 tampered",))
    raw.close()
    check = full_ctx.history.verify()
    assert check.damaged_documents and not check.is_whole


# --- a profile made by the first version ------------------------------------------------------


@pytest.fixture
def turn_one(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data" / "profiles" / "turn-one"
    shutil.copytree(TURN_ONE, folder)
    yield tmp_path / "data"


def test_a_turn_one_profile_upgrades_keeping_every_record(turn_one: Path) -> None:
    raw_before = _entries_of(turn_one)
    with open_context(turn_one, "Turn One", "turn one passphrase") as ctx:
        check = ctx.history.verify()
        assert check.is_whole, check
        events = ctx.history.events()
        assert decode(events[-1]).cause.kind == "baseline"
        assert sum(1 for e in events if e.version == 1) > 10
        assert ctx.ledger.count() == len(raw_before)
        assert ctx.rules.chosen_rule().code == "six_monthly_6_weeks"
        (stream,) = ctx.funding.streams()
        assert stream.gross_weekly_on(TODAY) == Money(44000)
        assert {p.name for p in ctx.people.list()} == {"Turn One", "Sam Carer"}
        assert ctx.statements.build(StatementRequest(Period(date(2025, 10, 1), TODAY)))
        assert ctx.summary.on(TODAY).balance == Money(50000 + sum(raw_before.values()))


def test_an_entry_edited_before_the_upgrade_is_still_caught(turn_one: Path) -> None:
    """Version 1 history is checked against what the upgrade found."""
    folder = turn_one / "profiles" / "turn-one"
    meta = json.loads((folder / "profile.json").read_text())
    from app.store import keys

    key = keys.unwrap(keys.WrappedKey.from_json(meta["keys"][0]), "turn one passphrase")
    import sqlcipher3.dbapi2 as sqlcipher

    raw = sqlcipher.connect(str(folder / "ledger.db"), isolation_level=None)
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    raw.execute("UPDATE entry SET amount = amount - 1 WHERE id = 5")
    raw.close()
    with open_context(turn_one, "Turn One", "turn one passphrase") as ctx:
        check = ctx.history.verify()
    assert check.v1_entries_not_matching == (5,)
    assert not check.is_whole


def _entries_of(data: Path) -> dict[int, int]:
    folder = data / "profiles" / "turn-one"
    meta = json.loads((folder / "profile.json").read_text())
    import sqlcipher3.dbapi2 as sqlcipher

    from app.store import keys

    key = keys.unwrap(keys.WrappedKey.from_json(meta["keys"][0]), "turn one passphrase")
    raw = sqlcipher.connect(str(folder / "ledger.db"))
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    found = dict(raw.execute("SELECT id, amount FROM entry").fetchall())
    raw.close()
    return found


def test_heads_on_returns_are_hashes_of_real_events(full_ctx: ProfileContext) -> None:
    with full_ctx.store.read() as repos:
        heads = repos.audit.issued_heads()
    hashes = {e.id: e.hash for e in full_ctx.history.events()}
    assert heads and all(hashes[i] == h for i, h in heads)
    assert hashlib.sha256(b"").hexdigest() not in {h for _i, h in heads}

# --- a closed profile changed through SQLCipher, then opened and verified -----------------------
# (ported from tests/app/security/test_people_and_history.py)

ENTRY_TODAY = date(2025, 6, 1)
Tamper = Callable[[ProfileInfo, str], None]


def _pa_entry(pence: int) -> EntryDraft:
    return EntryDraft(date(2025, 5, 3), Money(pence), "Jo Evans (PA)", "pa_wages", "")


def _closed_with_entries(data_dir: Path) -> None:
    """Events: 1 made, 2 and 3 entries added, 4 the first changed."""
    with open_context(data_dir, NAME, PASSPHRASE) as ctx:
        first = ctx.ledger.add_entry(_pa_entry(-2500), ENTRY_TODAY)
        ctx.ledger.add_entry(_pa_entry(-3000), ENTRY_TODAY)
        ctx.ledger.update_entry(first.id, _pa_entry(-2600), ENTRY_TODAY)


def _verify_closed(data_dir: Path) -> tuple[int | None, list[int]]:
    with open_context(data_dir, NAME, PASSPHRASE, read_only=True) as ctx:
        check = ctx.history.verify()
    broken = check.first_broken.id if check.first_broken else None
    return broken, check.entries_not_matching


def test_untouched_history_verifies(created: CreatedProfile, data_dir: Path) -> None:
    _closed_with_entries(data_dir)
    assert _verify_closed(data_dir) == (None, [])


def test_edited_entry_row_is_found(created: CreatedProfile, data_dir: Path,
                                   tamper: Tamper) -> None:
    _closed_with_entries(data_dir)
    tamper(created.info, "UPDATE entry SET amount = -1 WHERE id = 2")
    assert _verify_closed(data_dir) == (None, [2])


def test_edited_audit_event_is_the_first_broken_link(created: CreatedProfile, data_dir: Path,
                                                     tamper: Tamper) -> None:
    _closed_with_entries(data_dir)
    tamper(created.info, "UPDATE audit_event SET actor = 'Someone' WHERE id = 3")
    assert _verify_closed(data_dir)[0] == 3


def test_deleted_event_breaks_the_chain_at_the_next(created: CreatedProfile, data_dir: Path,
                                                    tamper: Tamper) -> None:
    _closed_with_entries(data_dir)
    tamper(created.info, "DELETE FROM audit_event WHERE id = 2")
    assert _verify_closed(data_dir)[0] == 3
