"""Settings for this computer: defaults, saved as JSON, bad values refused or ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import ValidationError
from app.settings import (
    ComputerMode,
    Settings,
    choose_language,
    load_settings,
    save_settings,
    settings_path,
)


def test_defaults_mean_first_run_and_count_as_shared(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert settings == Settings()
    assert settings.is_first_run and settings.is_shared
    assert (settings.idle_lock_minutes, settings.backups_to_keep) == (5, 5)


def test_settings_round_trip_as_json(tmp_path: Path) -> None:
    wanted = Settings(ComputerMode.OWN, idle_lock_minutes=10, backups_to_keep=3, language="cy")
    save_settings(tmp_path, wanted)
    assert load_settings(tmp_path) == wanted
    assert '"computer": "own"' in settings_path(tmp_path).read_text()


def test_bad_values_are_refused_plainly() -> None:
    with pytest.raises(ValidationError, match="120 minutes"):
        Settings().with_changes(idle_lock_minutes=0)
    with pytest.raises(ValidationError):
        Settings().with_changes(language="fr")


def test_damaged_settings_file_gives_defaults(tmp_path: Path) -> None:
    settings_path(tmp_path).write_text('{"idle_lock_minutes": -3}')
    assert load_settings(tmp_path) == Settings()


def test_language_from_settings_unless_asked_otherwise(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    monkeypatch.delenv("CARELEDGER_LANG", raising=False)
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    assert choose_language(None, Settings()) == "cy_GB.UTF-8"  # first run: the system's
    chosen = Settings(computer=ComputerMode.OWN, language="en")
    assert choose_language(None, chosen) == "en"
    assert choose_language("cy", chosen) == "cy"
    monkeypatch.setenv("CARELEDGER_LANG", "cy")
    assert choose_language(None, chosen) == "cy"
