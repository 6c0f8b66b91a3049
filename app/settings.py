"""The user's settings for this computer: a typed dataclass kept as JSON in the data folder.

Window geometry and other screen state live in QSettings in ui/, not here.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.errors import ValidationError
from app.i18n import _
from app.store.profiles import write_atomically

SETTINGS_FILE = "settings.json"
LANGUAGES = ("en", "cy")


class ComputerMode(StrEnum):
    SHARED = "shared"  # a drop-in laptop: nothing remembered, locks when idle
    OWN = "own"


@dataclass(frozen=True)
class Settings:
    computer: ComputerMode | None = None  # None until the first-run question is answered
    idle_lock_minutes: int = 5
    backups_to_keep: int = 5
    language: str = "en"

    @property
    def is_first_run(self) -> bool:
        return self.computer is None

    @property
    def is_shared(self) -> bool:
        """Unanswered counts as shared: the safe side until someone says otherwise."""
        return self.computer != ComputerMode.OWN

    def with_changes(self, **changes: Any) -> Settings:
        changed = replace(self, **changes)
        validate(changed)
        return changed


def validate(settings: Settings) -> None:
    if not 1 <= settings.idle_lock_minutes <= 120:
        raise ValidationError("idle_lock_minutes",
                              _("Lock after between 1 and 120 minutes without use."))
    if not 1 <= settings.backups_to_keep <= 100:
        raise ValidationError("backups_to_keep", _("Keep between 1 and 100 backups."))
    if settings.language not in LANGUAGES:
        raise ValidationError("language", _("Choose English or Welsh."))


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_FILE


def load_settings(data_dir: Path) -> Settings:
    """The saved settings; the defaults when there are none or the file cannot be read."""
    try:
        data = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
        settings = _from_json(data)
        validate(settings)
        return settings
    except (OSError, ValueError, TypeError, KeyError, ValidationError, RecursionError):
        return Settings()


def save_settings(data_dir: Path, settings: Settings) -> None:
    validate(settings)
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    data = asdict(settings)
    data["computer"] = settings.computer.value if settings.computer else None
    write_atomically(settings_path(data_dir), json.dumps(data, indent=2))


def _from_json(data: dict[str, Any]) -> Settings:
    computer = data.get("computer")
    return Settings(
        computer=ComputerMode(computer) if computer else None,
        idle_lock_minutes=int(data.get("idle_lock_minutes", 5)),
        backups_to_keep=int(data.get("backups_to_keep", 5)),
        language=str(data.get("language", "en")),
    )


def choose_language(asked: str | None, settings: Settings) -> str | None:
    """The language for the window and the command line alike: --lang, then CARELEDGER_LANG,
    then the one chosen in Settings, then the system's LANG."""
    if asked or os.environ.get("CARELEDGER_LANG"):
        return asked or os.environ.get("CARELEDGER_LANG")
    if not settings.is_first_run or settings_language_chosen(settings):
        return settings.language
    return os.environ.get("LANG")


def settings_language_chosen(settings: Settings) -> bool:
    """A language other than the default was saved (e.g. `careledger settings --language cy`
    before the first-run question was answered)."""
    return settings.language != Settings().language
