"""Reading the audit events written before the one writer (version 1).

Version 1 events recorded entries in several shapes and only some of their columns. They are
replayed here into each entry's checked fields, so that verify can still say whether the
entries a profile held when it was upgraded match their history up to then.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from app.domain.audit import AuditEvent

# The fields every version 1 entry event recorded, and how they map onto entry columns.
CHECKED_FIELDS = ("on", "amount_pence", "payee", "category", "memo")
COLUMN_OF = {"on": "on", "amount_pence": "amount", "payee": "payee", "category": "category_code",
             "memo": "memo"}
# A bank import's event listed each entry as a list in this order.
IMPORT_FIELDS = ("id", "on", "amount_pence", "payee", "category", "memo", "import_id")


def _checked(snapshot: dict[str, Any]) -> dict[str, Any]:
    return {k: snapshot.get(k) for k in CHECKED_FIELDS}


def replay_entries(events: Iterable[AuditEvent]) -> dict[int, dict[str, Any]]:
    """Each entry's checked fields as the version 1 trail says they should be.

    The shapes: one snapshot (create); {"before", "after"} (update); {"before": {...}}
    (delete); {"entries": [[id, on, amount, payee, category, memo, import_id], ...]} (a bank
    import); {"entry_ids", "before": [...]} (entries removed, e.g. an undo); {"entry_ids"}
    alone (removed entries put back exactly as they were).
    """
    state: dict[int, dict[str, Any]] = {}
    removed: dict[int, dict[str, Any]] = {}
    for event in events:
        if event.entity != "entry" or event.version != 1:
            continue
        detail = json.loads(event.detail)
        if "entries" in detail:
            for row in detail["entries"]:
                state[int(row[0])] = _checked(dict(zip(IMPORT_FIELDS, row, strict=False)))
        elif isinstance(detail.get("before"), list):
            for entry_id in detail["entry_ids"]:
                if entry_id in state:
                    removed[entry_id] = state.pop(entry_id)
        elif "entry_ids" in detail:
            for entry_id in detail["entry_ids"]:
                if entry_id in removed:
                    state[entry_id] = removed.pop(entry_id)
        elif event.action == "create":
            state[int(event.entity_id)] = _checked(detail)
        elif event.action == "update":
            state[int(event.entity_id)] = _checked(detail["after"])
        elif event.action == "delete":
            state.pop(int(event.entity_id), None)
    return state


def checked_fields_of(image: dict[str, Any]) -> dict[str, Any]:
    """An entry's raw stored image (version 2) as the version 1 checked fields."""
    return {field: image.get(column) for field, column in COLUMN_OF.items()}
