"""Any other bank's CSV: guess the columns from the header, and remember what the person chose.

Mappings are kept per header signature in one JSON file in the data folder. A header names
columns only (no names or amounts), so the file holds nothing personal.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from app.importers.bank.mapping import ColumnMapping

MAPPINGS_FILE = "bank_mappings.json"

# Header words banks use for each role, most specific first.
_NAMES: dict[str, tuple[str, ...]] = {
    "bank_id": ("transaction id", "fitid", "id"),
    "date": ("transaction date", "posting date", "posted date", "date", "value date", "created"),
    "money_out": ("debit amount", "paid out", "money out", "debit", "withdrawals", "withdrawal",
                  "payments", "outflow", "out"),
    "money_in": ("credit amount", "paid in", "money in", "credit", "deposits", "deposit",
                 "receipts", "inflow", "in"),
    "amount": ("amount (gbp)", "amount", "value", "debit/credit", "net amount", "sum"),
    "payee": ("counter party", "counterparty", "payee", "merchant", "name"),
    "description": ("transaction description", "description", "details", "narrative",
                    "transaction details", "memo", "merchant/description"),
    "reference": ("reference", "ref", "transaction type", "type", "notes"),
}


def signature(key: tuple[str, ...]) -> str:
    """A short stable id for a header (as header_key gives it)."""
    return hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:20]


def guess(key: tuple[str, ...]) -> ColumnMapping | None:
    """A mapping from header words alone, or None when date, text or amount cannot be found."""
    taken: set[int] = set()
    found: dict[str, int] = {}
    for role, names in _NAMES.items():
        column = _first(key, names, taken)
        if column is not None:
            found[role] = column
            taken.add(column)
    if "description" not in found and "payee" in found:
        found["description"] = found["payee"]
    has_amount = "amount" in found or "money_out" in found or "money_in" in found
    if "date" not in found or "description" not in found or not has_amount:
        return None
    if "money_out" in found or "money_in" in found:
        found.pop("amount", None)  # separate in/out columns win over a vague "value"
    return ColumnMapping.from_json(dict(found))


def _first(key: tuple[str, ...], names: tuple[str, ...], taken: set[int]) -> int | None:
    for name in names:
        for column, header in enumerate(key):
            if header == name and column not in taken:
                return column
    return None


class MappingStore:
    """Remembered mappings, one JSON file: {signature: {"header": [...], "mapping": {...}}}."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / MAPPINGS_FILE

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return {}  # missing or damaged: start again rather than refuse to import
        return data if isinstance(data, dict) else {}

    def get(self, key: tuple[str, ...]) -> ColumnMapping | None:
        entry = self._load().get(signature(key))
        if not isinstance(entry, dict) or list(entry.get("header", [])) != list(key):
            return None
        try:
            return ColumnMapping.from_json(entry["mapping"])
        except (KeyError, TypeError, ValueError):
            return None

    def save(self, key: tuple[str, ...], mapping: ColumnMapping) -> None:
        data = self._load()
        data[signature(key)] = {"header": list(key), "mapping": mapping.to_json()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, sort_keys=True)
        os.replace(tmp, self.path)
