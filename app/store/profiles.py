"""The folder of profiles on this computer: one sub-folder per budget holder.

    <data dir>/profiles/<slug>/profile.json   display name + wrapped keys (no other personal data)
    <data dir>/profiles/<slug>/ledger.db      the SQLCipher database
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.store.keys import WrappedKey
from app.store.private import private_folder
from app.store.profile_names import name_key, slugify

# A plain alias: inside ProfileDirectory the name `list` is the method, not the type.
WrappedKeys = list[WrappedKey]

PROFILE_FILE = "profile.json"
DATABASE_FILE = "ledger.db"
META_LIMIT = 64 * 1024  # a name and two wrapped keys take under 2 KB
META_COPY = "backups/profile.json"

log = logging.getLogger(__name__)


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


__all__ = ["ProfileDirectory", "ProfileInfo", "slugify", "write_atomically"]


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


def parse_meta(raw: bytes) -> dict[str, Any]:
    """A profile.json's content (also read from inside backups); ValueError if it is not one."""
    if len(raw) > META_LIMIT:
        raise ValueError("profile.json too big")
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError as exc:  # nested thousands deep: not written by CareLedger
        raise ValueError("profile.json too deep") from exc
    if not isinstance(data, dict) or not isinstance(data.get("display_name"), str) \
            or not isinstance(data.get("keys"), list):
        raise ValueError("not a profile.json")
    return data


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
        """The profile of that name: case, spaces and punctuation do not count. The exact
        spelling wins should older versions have let two such names in."""
        profiles = self.list()
        wanted, key = name.casefold(), name_key(name)
        exact = [p for p in profiles if p.display_name.casefold() == wanted]
        same = [p for p in profiles if name_key(p.display_name) == key]
        if exact or same:
            return (exact or same)[0]
        return next((p for p in profiles if p.slug == name), None)

    def new_folder(self, display_name: str) -> Path:
        """Reserve a fresh folder for a new profile (exclusive: two callers never share one)."""
        private_folder(self.root.parent)  # the data folder: other accounts see no names
        private_folder(self.root)
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
        self._write_meta_file(folder, json.dumps(meta, indent=2))

    def replace_keys(self, folder: Path, keys: WrappedKeys) -> None:
        """Swap the wrapped keys, keeping the rest; one atomic write, the database untouched."""
        meta = self.read_meta(folder)
        meta["keys"] = [k.to_json() for k in keys]
        self._write_meta_file(folder, json.dumps(meta, indent=2))

    def rename(self, folder: Path, display_name: str) -> None:
        meta = self.read_meta(folder)
        meta["display_name"] = display_name
        self._write_meta_file(folder, json.dumps(meta, indent=2))

    @staticmethod
    def set_meta_value(folder: Path, key: str, value: Any) -> None:
        """Change one value of profile.json, keeping the rest; one atomic write."""
        meta = ProfileDirectory.read_meta(folder)
        if meta.get(key) != value:
            meta[key] = value
            ProfileDirectory._write_meta_file(folder, json.dumps(meta, indent=2))

    @staticmethod
    def read_meta(folder: Path) -> dict[str, Any]:
        """profile.json; ValueError when it is not one (too big, too deep, not an object)."""
        return parse_meta((folder / PROFILE_FILE).read_bytes()[:META_LIMIT + 1])

    def wrapped_keys(self, info: ProfileInfo) -> WrappedKeys:
        return [WrappedKey.from_json(k) for k in self.read_meta(info.folder)["keys"]]

    @staticmethod
    def _write_meta_file(folder: Path, text: str) -> None:
        """profile.json, and its copy in backups/: without the wrapped keys in it nothing of
        the profile (backups included) can be opened, so one damaged file must not lose it."""
        write_atomically(folder / PROFILE_FILE, text)
        if (folder / META_COPY).parent.is_dir():
            write_atomically(folder / META_COPY, text)

    def _read_info(self, folder: Path) -> ProfileInfo | None:
        try:
            meta = self.read_meta(folder)
        except (OSError, ValueError):
            meta = self._repair_meta(folder)
        try:
            return ProfileInfo(folder.name, str(meta["display_name"]),
                               bool(meta.get("is_demo")), folder)
        except (KeyError, TypeError):
            return None  # a half-made or foreign folder is not a profile

    @staticmethod
    def _repair_meta(folder: Path) -> dict[str, Any]:
        """profile.json from its copy when it is damaged or gone (a sync tool, a bad disk)."""
        try:
            raw = (folder / META_COPY).read_bytes()[:META_LIMIT + 1]
            meta = parse_meta(raw)
        except (OSError, ValueError):
            return {}
        write_atomically(folder / PROFILE_FILE, raw.decode("utf-8"))
        log.warning("a damaged profile.json was put back from its copy")
        return meta


def keep_meta_copy(folder: Path) -> None:
    """Refresh backups/profile.json from profile.json (profiles made before the copy existed)."""
    try:
        text = (Path(folder) / PROFILE_FILE).read_text(encoding="utf-8")
        parse_meta(text.encode("utf-8"))
        copy = Path(folder) / META_COPY
        if not copy.exists() or copy.read_text(encoding="utf-8") != text:
            write_atomically(copy, text)
    except (OSError, ValueError):
        pass  # nothing good to copy
