"""Where the project's data files live (resources/, translations/) and where user data goes."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs


def _project_root() -> Path:
    # A PyInstaller bundle unpacks data beside the executable; a checkout has them one level up.
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


PROJECT_ROOT = _project_root()
RESOURCES = PROJECT_ROOT / "resources"
TRANSLATIONS = PROJECT_ROOT / "translations"


def default_data_dir() -> Path:
    """The user's data folder, e.g. ~/.local/share/CareLedger on Linux."""
    return Path(platformdirs.user_data_dir("CareLedger", appauthor=False))
