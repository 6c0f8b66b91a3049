"""The entry events CareLedger wrote before the one writer are still replayed."""

import json
from typing import Any

from app.domain.audit import GENESIS_HASH, AuditEvent
from app.domain.audit_v1 import checked_fields_of, replay_entries


def event(n: int, action: str, entity_id: str, detail: dict[str, Any]) -> AuditEvent:
    return AuditEvent(n, "2025-01-01T00:00:00", "Ann", action, "entry", entity_id,
                      json.dumps(detail), GENESIS_HASH, "x")


def snap(on: str, pence: int, payee: str = "Jo") -> dict[str, Any]:
    return {"on": on, "amount_pence": pence, "payee": payee, "category": "pa_wages",
            "memo": "", "approval_reason": "", "account_id": 1}


def test_every_version_1_shape_replays() -> None:
    events = [
        event(1, "create", "1", snap("2025-05-01", -100)),
        event(2, "update", "1", {"before": snap("2025-05-01", -100),
                                 "after": snap("2025-05-02", -120)}),
        event(3, "import", "2-3", {"entries": [
            [2, "2025-05-03", -10, "Bank", "bank_charges", "fee", "i2"],
            [3, "2025-05-04", 500, "Council", "council_payment", "", "i3"]]}),
        event(4, "delete", "3", {"before": snap("2025-05-04", 500)}),
        event(5, "undo", "2", {"entry_ids": [2], "before": [{"id": 2}]}),
        event(6, "redo", "2", {"entry_ids": [2]}),
    ]
    state = replay_entries(events)
    assert set(state) == {1, 2}
    assert state[1]["amount_pence"] == -120 and state[1]["on"] == "2025-05-02"
    assert state[2] == {"on": "2025-05-03", "amount_pence": -10, "payee": "Bank",
                        "category": "bank_charges", "memo": "fee"}


def test_a_stored_image_reads_as_the_checked_fields() -> None:
    image = {"id": 1, "on": "2025-05-02", "amount": -120, "payee": "Jo",
             "category_code": "pa_wages", "memo": "", "cleared": 0}
    assert checked_fields_of(image) == {"on": "2025-05-02", "amount_pence": -120,
                                        "payee": "Jo", "category": "pa_wages", "memo": ""}
