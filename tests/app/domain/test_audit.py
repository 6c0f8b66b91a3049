from dataclasses import replace

from app.domain.audit import (
    GENESIS_HASH,
    AuditEvent,
    Cause,
    EventBody,
    RecordChange,
    decode,
    encode,
    event_hash,
    first_broken_link,
    replay,
)


def chain(n: int) -> list[AuditEvent]:
    events, prev = [], GENESIS_HASH
    for i in range(n):
        at, detail = f"2025-01-0{i + 1}T00:00:00", f'{{"n":{i}}}'
        digest = event_hash(prev, at, "Ann", "create", "entry", str(i), detail)
        events.append(AuditEvent(i + 1, at, "Ann", "create", "entry", str(i), detail, prev, digest))
        prev = digest
    return events


def test_a_whole_chain_verifies() -> None:
    assert first_broken_link(chain(5)) is None


def test_an_edited_event_is_the_first_broken_link() -> None:
    events = chain(5)
    events[2] = replace(events[2], detail='{"n":99}')
    assert first_broken_link(events) == events[2]


def test_a_removed_event_breaks_the_chain() -> None:
    events = chain(5)
    del events[1]
    broken = first_broken_link(events)
    assert broken is not None and broken.id == 3


# --- version 2: typed events ------------------------------------------------------------------


KEYS = {"entry": ("id",), "link": ("evidence_id", "entry_id")}
COLUMNS = {"entry": ("id", "on", "amount"), "link": ("evidence_id", "entry_id")}


def event_of(detail: str) -> AuditEvent:
    return AuditEvent(1, "2025-01-01T00:00:00", "Ann", "add", "entry", "1", detail,
                      GENESIS_HASH, "x")


def test_a_version_2_event_round_trips() -> None:
    changes = (RecordChange("entry", (1,), None, {"id": 1, "on": "2025-05-01", "amount": -50}),
               RecordChange("entry", (2,), {"id": 2, "on": "2025-05-02", "amount": 9},
                            {"id": 2, "on": "2025-05-03", "amount": 9}),
               RecordChange("link", (7, 1), {"evidence_id": 7, "entry_id": 1}, None))
    detail = encode(Cause("import", "Import", {"file": "bank.csv"}), changes, KEYS, COLUMNS)
    event = event_of(detail)
    assert event.version == 2
    body = decode(event)
    assert body.cause == Cause("import", "Import", {"file": "bank.csv"})
    assert body.changes == changes
    assert [c.op for c in body.changes] == ["insert", "update", "delete"]


def test_replay_is_state_equals_after() -> None:
    first = EventBody(2, Cause("add"), (RecordChange("entry", (1,), None, {"id": 1}),
                                        RecordChange("entry", (2,), None, {"id": 2})))
    second = EventBody(2, Cause("change"), (
        RecordChange("entry", (1,), {"id": 1}, {"id": 1, "amount": 5}),
        RecordChange("entry", (2,), {"id": 2}, None)))
    assert replay([first, second]) == {"entry": {(1,): {"id": 1, "amount": 5}}}


def test_old_events_are_read_as_version_1() -> None:
    event = event_of('{"amount_pence":-50,"on":"2025-05-01"}')
    assert event.version == 1
    assert decode(event) == EventBody(1, Cause("add"), ())
