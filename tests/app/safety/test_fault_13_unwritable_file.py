"""Found by a differential test: with the profile's records file unwritable (its folder
still writable: a permissions mistake, a file copied from a read-only disk), adding an entry
said "Your changes are saved. The automatic backup after them could not be made", when
nothing was saved. The refused write is what is told now; the closing checkpoint's own
failure after a session that wrote nothing is only logged. Run through the real program,
with the file's permissions in force (root without its override of them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.services.context import open_context
from app.store.session_end import BackupFailed
from tests.app.safety.conftest import NAME, PASS, count_entries, make

ROOT = Path(__file__).parents[3]


def _careledger(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ui.main", "--data-dir", str(data_dir), *argv]
    if os.geteuid() == 0:  # root reads and writes past permissions unless it gives that up
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("setpriv (util-linux) is needed to run as root with permissions in force")
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner",
                   *command]
    env = {**os.environ, "CARELEDGER_PASSPHRASE": PASS, "PYTHONPATH": str(ROOT),
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env,
                          cwd=ROOT)


def test_a_write_refused_by_an_unwritable_file_is_not_called_saved(data_dir: Path) -> None:
    info = make(data_dir).info
    before = count_entries(data_dir)
    for path in info.folder.glob("ledger.db*"):
        path.chmod(0o400)
    try:
        done = _careledger(data_dir, "entries", "add", "--profile", NAME, "--date",
                           date.today().isoformat(), "--payee", "Shop", "--amount", "-1",
                           "--category", "unsorted_out")
    finally:
        for path in info.folder.glob("ledger.db*"):
            path.chmod(0o600)
    said = done.stdout + done.stderr
    assert done.returncode == 1 and "Traceback" not in said
    assert "saved" not in said and "read-only" in said and "Nothing was changed" in said, said
    assert count_entries(data_dir) == before


def test_closing_never_speaks_over_the_failure_that_ended_the_work(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(data_dir)

    def without_backup(close: Callable[[], None]) -> Callable[[], None]:
        def closing() -> None:
            close()
            raise BackupFailed("Your changes are saved. The automatic backup ...")
        return closing

    with pytest.raises(DomainError, match="the refusal"), \
            open_context(data_dir, NAME, PASS) as ctx:
        monkeypatch.setattr(ctx.profile, "close", without_backup(ctx.profile.close))
        raise DomainError("the refusal")
    with pytest.raises(BackupFailed), open_context(data_dir, NAME, PASS) as ctx:
        # with nothing else to tell, closing's failure is told
        monkeypatch.setattr(ctx.profile, "close", without_backup(ctx.profile.close))
