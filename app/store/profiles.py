"""The folder of profiles on this computer: one sub-folder per budget holder.

    <data dir>/profiles/<slug>/profile.json   display name + wrapped keys (no other personal data)
    <data dir>/profiles/<slug>/ledger.db      the SQLCipher database
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.store.keys import WrappedKey

# A plain alias: inside ProfileDirectory the name `list` is the method, not the type.
WrappedKeys = list[WrappedKey]

PROFILE_FILE = "profile.json"
DATABASE_FILE = "ledger.db"


@dataclass(frozen=True)
class ProfileInfo:
    """What anyone at the keyboard may see of a profile: the name its owner chose."""

    slug: str
    display_name: str
    is_demo: bool
    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_FILE


def slugify(name: str) -> str:
    slug = re.sub(r"[^\w]+", "-", name.casefold()).strip("-_")
    return slug or "profile"


def write_atomically(path: Path, text: str) -> None:
    """Write a small file so that a crash leaves the old or the new version, never half."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ProfileDirectory:
    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir) / "profiles"

    def list(self) -> list[ProfileInfo]:
        if not self.root.is_dir():
            return []
        # Dot-folders are work in progress (a restore being checked): never a profile yet.
        found = [self._read_info(folder) for folder in sorted(self.root.iterdir())
                 if not folder.name.startswith(".")]
        return sorted((p for p in found if p), key=lambda p: p.display_name.casefold())

    def find(self, name: str) -> ProfileInfo | None:
        wanted = name.casefold()
        for info in self.list():
            if info.display_name.casefold() == wanted or info.slug == slugify(name):
                return info
        return None

    def new_folder(self, display_name: str) -> Path:
        """Reserve a fresh folder for a new profile (exclusive: two callers never share one)."""
        self.root.mkdir(parents=True, exist_ok=True)
        base = slugify(display_name)
        for n in range(1, 1000):
            folder = self.root / (base if n == 1 else f"{base}-{n}")
            try:
                folder.mkdir(mode=0o700)
                return folder
            except FileExistsError:
                continue
        raise RuntimeError("too many profiles with the same name")

    def write_meta(self, folder: Path, display_name: str, is_demo: bool,
                   keys: WrappedKeys) -> None:
        meta = {
            "format": 1,
            "display_name": display_name,
            "is_demo": is_demo,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "keys": [k.to_json() for k in keys],
        }
        old = self.read_meta(folder) if (folder / PROFILE_FILE).exists() else {}
        if "created" in old:
            meta["created"] = old["created"]
        write_atomically(folder / PROFILE_FILE, json.dumps(meta, indent=2))

    def replace_keys(self, folder: Path, keys: WrappedKeys) -> None:
        """Swap the wrapped keys, keeping the rest; one atomic write, the database untouched."""
        meta = self.read_meta(folder)
        meta["keys"] = [k.to_json() for k in keys]
        write_atomically(folder / PROFILE_FILE, json.dumps(meta, indent=2))

    def rename(self, folder: Path, display_name: str) -> None:
        meta = self.read_meta(folder)
        meta["display_name"] = display_name
        write_atomically(folder / PROFILE_FILE, json.dumps(meta, indent=2))

    @staticmethod
    def set_meta_value(folder: Path, key: str, value: Any) -> None:
        """Change one value of profile.json, keeping the rest; one atomic write."""
        meta = ProfileDirectory.read_meta(folder)
        if meta.get(key) != value:
            meta[key] = value
            write_atomically(folder / PROFILE_FILE, json.dumps(meta, indent=2))

    @staticmethod
    def read_meta(folder: Path) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((folder / PROFILE_FILE).read_text(encoding="utf-8"))
        return data

    def wrapped_keys(self, info: ProfileInfo) -> WrappedKeys:
        return [WrappedKey.from_json(k) for k in self.read_meta(info.folder)["keys"]]

    def _read_info(self, folder: Path) -> ProfileInfo | None:
        try:
            meta = self.read_meta(folder)
            return ProfileInfo(folder.name, str(meta["display_name"]),
                               bool(meta.get("is_demo")), folder)
        except (OSError, ValueError, KeyError):
            return None  # a half-made or foreign folder is not a profile
