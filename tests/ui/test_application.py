"""Starting the application: which language it speaks."""

from __future__ import annotations

import pytest

from app.settings import ComputerMode, Settings
from ui.application import choose_language


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
