"""Exact copies of entries, so that undo can put a deleted entry back as it was.

A snapshot holds every column (id, import id, cleared and reconciled flags, who made it and
when) and the links that a delete removes with it (evidence, reconciliation, paid visits).
Removing and restoring happen in one transaction each, with one audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.i18n import _
from app.services.profiles import OpenProfile
from app.store.audit_log import append_event
from app.store.models import EntryRow
from app.store.models_bank import EvidenceLinkRow, ReconciledEntryRow, ServicePaymentRow

_LINKS: tuple[tuple[type[Any], str], ...] = (
    (EvidenceLinkRow, "evidence_id"),
    (ReconciledEntryRow, "reconciliation_id"),
    (ServicePaymentRow, "service_log_id"),
)


@dataclass(frozen=True)
class EntrySnapshot:
    columns: tuple[tuple[str, Any], ...]
    links: tuple[tuple[int, tuple[int, ...]], ...]  # (index into _LINKS, linked ids)

    @property
    def entry_id(self) -> int:
        return int(dict(self.columns)["id"])


def take(s: Session, entry_ids: list[int]) -> list[EntrySnapshot]:
    rows = {r.id: r for r in s.scalars(select(EntryRow).where(EntryRow.id.in_(entry_ids)))}
    missing = [i for i in entry_ids if i not in rows]
    if missing:
        raise DomainError(_("That entry no longer exists. It may have been deleted."))
    linked: list[dict[int, list[int]]] = []
    for table, other in _LINKS:  # one query per kind of link, however many entries
        found: dict[int, list[int]] = {}
        for entry_id, other_id in s.execute(select(table.entry_id, getattr(table, other)).where(
                table.entry_id.in_(entry_ids))):
            found.setdefault(entry_id, []).append(other_id)
        linked.append(found)
    keys = [c.key for c in EntryRow.__mapper__.column_attrs]
    return [EntrySnapshot(tuple((k, getattr(rows[i], k)) for k in keys),
                          tuple((n, tuple(links.get(i, ()))) for n, links in enumerate(linked)))
            for i in entry_ids]


def remove(profile: OpenProfile, entry_ids: list[int], reason: str) -> list[EntrySnapshot]:
    """Delete entries in one transaction; returns what is needed to put them back."""
    with profile.session() as s, s.begin():
        snapshots = take(s, entry_ids)
        s.execute(delete(EntryRow).where(EntryRow.id.in_(entry_ids)))
        append_event(s, profile.actor, reason, "entry", _span(entry_ids),
                     {"entry_ids": entry_ids, "before": [_brief(snap) for snap in snapshots]})
    return snapshots


def restore(profile: OpenProfile, snapshots: list[EntrySnapshot], reason: str) -> None:
    """Put entries back exactly, same ids, in one transaction."""
    if not snapshots:
        return
    with profile.session() as s, s.begin():
        s.execute(insert(EntryRow), [dict(snap.columns) for snap in snapshots])
        for snap in snapshots:
            for index, linked in snap.links:
                table, other = _LINKS[index]
                for linked_id in linked:
                    s.add(table(entry_id=snap.entry_id, **{other: linked_id}))
        ids = [snap.entry_id for snap in snapshots]
        append_event(s, profile.actor, reason, "entry", _span(ids), {"entry_ids": ids})


def _brief(snap: EntrySnapshot) -> dict[str, Any]:
    """What the audit trail keeps of a removed entry (as the ledger's own delete does)."""
    columns = dict(snap.columns)
    return {"id": columns["id"], "on": columns["on"].isoformat(),
            "amount_pence": columns["amount"].pence, "payee": columns["payee"],
            "category": columns["category_code"], "memo": columns["memo"],
            "import_id": columns["import_id"]}


def _span(ids: list[int]) -> str:
    return str(ids[0]) if len(ids) == 1 else f"{min(ids)}-{max(ids)}"
