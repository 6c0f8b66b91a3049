"""`careledger outcomes ...` as a script drives it, and the outcomes section of the return."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import run
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARELEDGER_PASSPHRASE", PASSPHRASE)


def cli(data: Path, *words: str) -> int:
    return run(["--data-dir", str(data), *words])


def listed(data: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert cli(data, "outcomes", "list", "--profile", "Ann", "--json",
               "--from", "2025-04-01", "--to", "2026-03-31") == 0
    found: list[dict[str, object]] = json.loads(capsys.readouterr().out)["outcomes"]
    return found


def test_add_rate_list_change_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert cli(data, "profile", "create", "Ann", "--weekly", "420", "--frequency",
               "four_weekly", "--start", "2025-04-01") == 0
    assert cli(data, "outcomes", "add", "--profile", "Ann", "Get to the allotment twice a week",
               "--area", "ca.1.2.e", "--plan-line", "Getting out") == 0
    assert cli(data, "entries", "add", "--profile", "Ann", "--date", "2025-05-02", "--payee",
               "Jo (PA)", "--amount", "-120.50", "--category", "pa_wages", "--plan-line",
               "Getting out") == 0
    assert cli(data, "outcomes", "rate", "--profile", "Ann", "1", "2", "--on", "2025-05-01") == 0
    assert cli(data, "outcomes", "rate", "--profile", "Ann", "1", "4", "--on", "2025-09-01",
               "--with-carer", "--note", "went twice") == 0
    (outcome,) = listed(data, capsys)
    assert outcome["text"] == "Get to the allotment twice a week"
    assert outcome["area"] == "ca.1.2.e" and outcome["plan_lines"] == ["Getting out"]
    assert [(r["on"], r["score"], r["by"]) for r in outcome["ratings"]] == [  # type: ignore[attr-defined]
        ("2025-05-01", 2, "person"), ("2025-09-01", 4, "with_carer")]
    assert outcome["spent"] == 120.5
    assert cli(data, "outcomes", "change", "--profile", "Ann", "1", "--area", "er.2.2.i") == 0
    assert listed(data, capsys)[0]["area"] == "er.2.2.i"
    assert cli(data, "outcomes", "rate", "--profile", "Ann", "1", "5") == 1
    assert "1, 2, 3 or 4" in capsys.readouterr().err
    assert cli(data, "outcomes", "add", "--profile", "Ann", "x", "--area", "nope") == 1
    assert "not an outcome area" in capsys.readouterr().err
    assert cli(data, "outcomes", "remove", "--profile", "Ann", "1") == 0
    assert listed(data, capsys) == []


def test_areas_lists_every_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli(tmp_path, "outcomes", "areas") == 0
    out = capsys.readouterr().out
    assert "ca.1.2.a" in out and "ww.2.4.b" in out and "er.2.2.j" in out


def test_the_return_has_the_outcomes_section(demo_dir: Path, tmp_path: Path) -> None:
    period = ["--from", "2025-04-01", "--to", "2026-03-31"]
    assert cli(demo_dir, "statement", "--profile", "Demo Alex", *period,
               "--out", str(tmp_path / "r.pdf")) == 0
    text = " ".join((p.extract_text() or "") for p in PdfReader(str(tmp_path / "r.pdf")).pages)
    assert "Go to the community garden with Sam on Tuesdays" in text
    assert "Maintaining personal hygiene" in text and "Sam Patel (PA)" in text
    assert cli(demo_dir, "statement", "--profile", "Demo Alex", *period,
               "--out", str(tmp_path / "r.csv")) == 0
    rows = list(csv.DictReader((tmp_path / "r.csv").read_text(encoding="utf-8-sig")
                               .splitlines()))
    outcomes = [r for r in rows if r["section"] == "outcome"]
    linked = next(r for r in rows if r["section"] == "outcome_total" and r["key"] == "linked")
    assert len(outcomes) == 5 and all(r["area"].startswith(("ca.", "er.")) for r in outcomes)
    assert sum(float(r["amount"]) for r in outcomes) == pytest.approx(float(linked["amount"]))
    assert len([r for r in rows if r["section"] == "outcome_rating"]) >= 50
