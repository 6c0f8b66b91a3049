"""Files and folders only their owner can open: 0600 files, 0700 folders.

Other accounts on a shared laptop must not even see which profiles exist (folder names are
made from them), so the data folder and everything CareLedger writes in it is owner-only.
On file systems without Unix permissions (FAT on a USB stick, Windows) the calls do nothing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """Make `path` (and missing parents) a folder only its owner can enter."""
    path = Path(path)
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    tighten(path)
    return path


def tighten(path: Path) -> None:
    """Take away group and other permissions from an existing file or folder."""
    try:
        mode = path.stat().st_mode
        if mode & 0o077:
            os.chmod(path, stat.S_IMODE(mode) & ~0o077)
    except OSError:
        pass  # gone meanwhile, or a file system without Unix permissions


def tighten_tree(root: Path) -> None:
    """Owner-only for `root` and everything below it (folders made by older versions)."""
    root = Path(root)
    if not root.exists():
        return
    tighten(root)
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            tighten(Path(folder) / name)


# What CareLedger keeps in its data folder; nothing else there is touched (someone may point
# --data-dir at a folder that holds other things too).
OWN_ITEMS = ("profiles", "backups", "logs", "settings.json", "bank_mappings.json",
             "register.db", "register.db-wal", "register.db-shm")


def secure_data_dir(data_dir: Path) -> None:
    """CareLedger's files owner-only; fixes what older versions left readable (0644 backups,
    a 0755 data folder). The folder itself only when it is CareLedger's own."""
    data_dir = Path(data_dir)
    made = not data_dir.exists()
    data_dir.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if made or (data_dir / "profiles").is_dir() or not any(data_dir.iterdir()):
        tighten(data_dir)
    for name in OWN_ITEMS:
        tighten_tree(data_dir / name)


def create_private(path: Path) -> int:
    """Create `path` exclusively, owner-only; an open file descriptor for writing."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)


def sync_folder(folder: Path) -> None:
    """Make a rename inside `folder` survive a power cut (a no-op where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
