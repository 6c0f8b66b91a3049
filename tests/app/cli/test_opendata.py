"""`careledger export open-data` shows what will leave before writing it; `open-data combine`
compares many packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import run
from tests.conftest import DEMO_NAME, PASSPHRASE


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARELEDGER_PASSPHRASE", PASSPHRASE)


def export(data: Path, out: Path, *extra: str) -> list[str]:
    return ["--data-dir", str(data), "export", "open-data", "--profile", DEMO_NAME, "--from",
            "2025-04-01", "--to", "2026-03-31", "--out", str(out), *extra]


def test_dry_run_shows_every_line_and_writes_nothing(demo_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert run(export(demo_dir, tmp_path / "open", "--dry-run")) == 0
    out = capsys.readouterr().out
    assert "no name, payee, reference, note or exact date" in out
    assert "providers.csv (3 rows):" in out and "ca.1.2.e" in out
    assert not (tmp_path / "open").exists()


def test_at_a_terminal_it_asks_first(demo_dir: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert run(export(demo_dir, tmp_path / "open")) == 1
    assert not (tmp_path / "open").exists()
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert run(export(demo_dir, tmp_path / "open")) == 0
    assert (tmp_path / "open" / "datapackage.json").is_file()
    assert run(export(demo_dir, tmp_path / "yes", "--yes")) == 0  # no question with --yes


def test_combine_to_csv_and_pdf(demo_dir: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(6):
        assert run(export(demo_dir, tmp_path / "all" / f"p{n}", "--yes")) == 0
    assert run(["open-data", "combine", str(tmp_path / "all"), "--out",
                str(tmp_path / "c.csv")]) == 0
    text = (tmp_path / "c.csv").read_text(encoding="utf-8")
    assert "org_form,personal_assistant,personal_assistant,6," in text
    assert run(["open-data", "combine", str(tmp_path / "all" / "p0"), "--out",
                str(tmp_path / "c.pdf")]) == 0
    assert "1 packages; " in capsys.readouterr().out
    assert run(["open-data", "combine", str(tmp_path / "all"), "--out",
                str(tmp_path / "c.txt")]) == 1
