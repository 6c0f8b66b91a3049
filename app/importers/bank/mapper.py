"""Any other bank's CSV: remember which column is which, as the person chose (or corrected).

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


def signature(key: tuple[str, ...]) -> str:
    """A short stable id for a header (as header_key gives it)."""
    return hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:20]


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
