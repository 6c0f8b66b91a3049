from dataclasses import replace

from app.domain.audit import GENESIS_HASH, AuditEvent, event_hash, first_broken_link


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
