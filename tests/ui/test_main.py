"""The `careledger` entry point: commands run without a window."""

from __future__ import annotations

import pytest

from ui.main import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert "CareLedger 0.1.0" in capsys.readouterr().out
