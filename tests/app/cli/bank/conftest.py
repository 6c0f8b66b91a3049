from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.services.bank.bank_profiles import PASSPHRASE, cheap_keys, make_profile


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder holding one profile, with its passphrase in the environment."""
    cheap_keys(monkeypatch)
    monkeypatch.setenv("CARELEDGER_PASSPHRASE", PASSPHRASE)
    make_profile(tmp_path).close()
    return tmp_path
