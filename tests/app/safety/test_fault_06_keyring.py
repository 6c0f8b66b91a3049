"""Finding 6: “Remember on this computer” wrote the data key, in base64, to a plain file
(python_keyring/keyring_pass.cfg) because keyrings.alt was installed and became the default
keyring. Such a backend is now refused plainly and the passphrase is asked as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest

from app.services.computer import open_remembered, remember_profile, set_computer_mode
from app.services.profiles import open_profile
from app.settings import ComputerMode
from app.store.remembered_keys import SERVICE
from tests.app.safety.conftest import NAME, PASS, make

PLAIN_FILE_BACKENDS = ["keyrings.alt.file.PlaintextKeyring"]


@pytest.fixture
def plain_file_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """keyrings.alt's plain-text file keyring as the default, writing below tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    old = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", PLAIN_FILE_BACKENDS[0])
    keyring.core.init_backend()
    yield tmp_path / "xdg"
    keyring.set_keyring(old)


def _every_file(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_a_plain_text_keyring_is_refused_and_the_key_never_written(
        data_dir: Path, plain_file_keyring: Path) -> None:
    make(data_dir)
    set_computer_mode(data_dir, ComputerMode.OWN)
    with open_profile(data_dir, NAME, PASS) as profile:
        result = remember_profile(data_dir, profile)
        key = profile.data_key
    assert not result.remembered
    assert "plain file" in result.message and "asked for it each time" in result.message
    import base64

    written = _every_file(plain_file_keyring) if plain_file_keyring.exists() else b""
    assert key.hex().encode() not in written
    assert base64.b64encode(key.hex().encode()) not in written
    assert open_remembered(data_dir, NAME) is None  # the passphrase is asked, as before


def test_a_key_left_in_a_plain_file_by_an_older_version_is_removed(
        data_dir: Path, plain_file_keyring: Path) -> None:
    info = make(data_dir).info
    set_computer_mode(data_dir, ComputerMode.OWN)
    with open_profile(data_dir, NAME, PASS) as profile:
        account = f"profile:{info.folder.resolve()}"
        keyring.set_password(SERVICE, account, profile.data_key.hex())  # as 0.1.0 did
    assert open_remembered(data_dir, NAME) is None
    assert keyring.get_password(SERVICE, account) is None


@pytest.mark.parametrize("backend", ["keyring.backends.null.Keyring",
                                     "keyring.backends.fail.Keyring"])
def test_null_and_failing_keyrings_carry_on_with_the_passphrase(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, backend: str) -> None:
    old = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend)
    keyring.core.init_backend()
    try:
        make(data_dir)
        set_computer_mode(data_dir, ComputerMode.OWN)
        with open_profile(data_dir, NAME, PASS) as profile:
            result = remember_profile(data_dir, profile)
        assert not result.remembered and "asked for it each time" in result.message
    finally:
        keyring.set_keyring(old)
