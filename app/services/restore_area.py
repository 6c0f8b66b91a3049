"""Where restores keep what they replace, and the clearing of what they leave behind.

    <data>/backups/before-restore-<folder>-<when>-<random>/   a replaced profile, whole
    <data>/profiles/.restoring-*                              a restore at work (or crashed)
    <data>/profiles/<folder>/backups/kept-*.db                records an automatic restore replaced

Names carry the time to the microsecond and a random part, so two restores never share one.
Work folders older than a day are left from a crash and removed. Kept copies stay at least
KEEP_DAYS days, and the newest for each profile always stays.
"""

from __future__ import annotations

import logging
import re
import shutil
import time
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from app.store.backups import BACKUP_FOLDER, copies
from app.store.backups import KEPT_PREFIX as KEPT_DB_PREFIX
from app.store.private import private_folder

SAFETY_FOLDER = "backups"  # in the data folder
KEPT_PREFIX = "before-restore-"
WORK_PREFIXES = (".restoring-", ".replaced-")
WORK_STALE_SECONDS = 24 * 3600
KEEP_DAYS = 30
_KEPT_NAME = re.compile(r"^before-restore-(?P<slug>.+)-(?P<stamp>\d{8}T\d{6})")

log = logging.getLogger(__name__)


def kept_folder(data_dir: Path, slug: str, now: datetime) -> Path:
    """A fresh, never-used path for a replaced profile's folder."""
    parent = private_folder(Path(data_dir) / SAFETY_FOLDER)
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    return parent / f"{KEPT_PREFIX}{slug}-{stamp}-{uuid.uuid4().hex[:8]}"


def clean_stale(data_dir: Path, now: float | None = None) -> int:
    """Remove crashed restores' work folders and kept copies past their time; how many."""
    now = time.time() if now is None else now
    removed = _clean_work(Path(data_dir) / "profiles", now)
    removed += _clean_kept(Path(data_dir) / SAFETY_FOLDER, now)
    profiles = Path(data_dir) / "profiles"
    if profiles.is_dir():
        for folder in profiles.iterdir():
            if folder.is_dir() and not folder.name.startswith("."):
                removed += _clean_kept_records(folder, now)
    if removed:
        log.info("removed %d stale restore folders or kept copies", removed)
    return removed


def _age(path: Path, now: float) -> float:
    try:
        return now - path.stat().st_mtime
    except OSError:
        return 0.0


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _clean_work(profiles: Path, now: float) -> int:
    if not profiles.is_dir():
        return 0
    stale = [p for p in profiles.iterdir()
             if p.name.startswith(WORK_PREFIXES) and _age(p, now) > WORK_STALE_SECONDS]
    for path in stale:
        _remove(path)
    return len(stale)


def _clean_kept(folder: Path, now: float) -> int:
    if not folder.is_dir():
        return 0
    by_profile: dict[str, list[tuple[Path, float]]] = defaultdict(list)
    for path in folder.iterdir():
        match = _KEPT_NAME.match(path.name)
        if match:
            when = datetime.strptime(match.group("stamp"), "%Y%m%dT%H%M%S")
            by_profile[match.group("slug")].append((path, when.replace(tzinfo=UTC).timestamp()))
    return sum(_expire(found, now) for found in by_profile.values())


def _expire(found: list[tuple[Path, float]], now: float) -> int:
    """All but the newest, once older than KEEP_DAYS days."""
    newest_first = sorted(found, key=lambda item: item[1], reverse=True)
    old = [path for path, when in newest_first[1:] if now - when > KEEP_DAYS * 86400]
    for path in old:
        _remove(path)
        path.with_name(path.name + "-wal").unlink(missing_ok=True)
    return len(old)


def _clean_kept_records(profile_folder: Path, now: float) -> int:
    if not (profile_folder / BACKUP_FOLDER).is_dir():
        return 0
    return _expire([(c.path, c.made_at.timestamp())
                    for c in copies(profile_folder, (KEPT_DB_PREFIX,))], now)
