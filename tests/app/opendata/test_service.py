"""The open-data export: a Frictionless data package that validates, shown in full before it
is written, and holding no name, payee, reference, note or exact date from the profile."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import frictionless
import pytest

from app.domain.chosen_providers import ChosenProviderDraft, ProviderKind
from app.domain.entries import EntryDraft
from app.domain.errors import DomainError
from app.domain.funding import Period
from app.domain.money import Money
from app.domain.providers import Source
from app.domain.visits import VisitDraft
from app.opendata.service import files
from app.outcomes.model import OutcomeDraft, RatedBy
from app.services.context import ProfileContext
from tests.conftest import DEMO_TODAY

YEAR = Period(date(2025, 4, 1), DEMO_TODAY)
# Every column where a person's own words or names can be kept.
PERSONAL = {
    "person": ("display_name", "council_name", "council_reference", "nhs_number", "postcode"),
    "entry": ("payee", "memo", "approval_reason"),
    "chosen_provider": ("name", "payee_name", "notes", "postcode"),
    "service_log": ("provider_name", "note"),
    "outcome": ("text", "measure"),
    "outcome_rating": ("note",),
    "plan_line": ("name",),
    "person_role": ("name",),
    "account": ("name",),
}


def personal_text(ctx: ProfileContext) -> set[str]:
    found: set[str] = set()
    with ctx.store.read() as repos:
        for table, columns in PERSONAL.items():
            for column in columns:
                for (value,) in repos.conn.execute(f'SELECT "{column}" FROM "{table}"'):
                    if isinstance(value, str) and len(value.strip()) >= 4:
                        found.add(value.strip())
    return found


def exported_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))


def validate(folder: Path) -> Any:
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    return report


def test_the_demo_export_validates_and_leaks_nothing(demo_ctx: ProfileContext,
                                                     tmp_path: Path) -> None:
    package = demo_ctx.open_data.prepare(YEAR)
    written = demo_ctx.open_data.write(package, tmp_path / "open")
    assert {p.name for p in written} == {"datapackage.json", "package.csv", "spend.csv",
                                         "providers.csv", "outcomes.csv"}
    validate(tmp_path / "open")
    blob = exported_text(tmp_path / "open").casefold()
    secrets = personal_text(demo_ctx)
    assert len(secrets) > 30  # names, payees, memos, notes, outcomes, the reference
    leaks = sorted(s for s in secrets if s.casefold() in blob)
    assert leaks == []
    csv_text = "".join(files(package)[n] for n in files(package) if n.endswith(".csv"))
    assert not re.search(r"\d{4}-\d{2}-\d{2}", csv_text)  # months only, never a day


def test_what_is_shown_is_exactly_what_is_written(demo_ctx: ProfileContext,
                                                  tmp_path: Path) -> None:
    package = demo_ctx.open_data.prepare(YEAR)
    demo_ctx.open_data.write(package, tmp_path / "open")
    for name, text in files(package).items():
        assert (tmp_path / "open" / name).read_text(encoding="utf-8") == text


def test_the_demo_package_has_its_figures(demo_ctx: ProfileContext) -> None:
    tables = demo_ctx.open_data.prepare(YEAR).tables
    meta = tables["package"][0]
    assert (meta["period_from"], meta["period_to"], meta["months"], meta["demo"],
            meta["local_authority"]) == ("2025-04", "2026-03", "12", "true", "")
    forms = sorted(r["org_form"] for r in tables["providers"])
    assert forms == ["personal_assistant", "personal_assistant", "unknown"]
    assert {r["area"] for r in tables["outcomes"]} >= {"er.2.2.b", "ca.1.2.e"}
    assert all(int(r["amount"]) % 10 == 0 for r in tables["spend"])
    pas = [r for r in tables["providers"] if r["kind"] == "personal_assistant"]
    jo = max(pas, key=lambda r: float(r["hours_delivered"]))  # Jo works the most hours
    assert float(jo["hours_delivered"]) > 900 and jo["outcome_change"] == "2.00"


def test_a_real_council_and_a_registered_provider(make_ctx: Callable[..., ProfileContext],
                                                  tmp_path: Path) -> None:
    ctx = make_ctx("Real", council_name="Oldham Council")
    ctx.providers.add(ChosenProviderDraft("Ordinary Lifestyles", date(2025, 4, 1),
                                          source=Source.CQC, source_id="1-123456789",
                                          kind=ProviderKind.AGENCY))
    ctx.ledger.add_entry(EntryDraft(date(2025, 5, 2), Money(-12345), "Ordinary Lifestyles",
                                    "agency_care", memo="invoice 77 for Mum"), date(2026, 1, 1))
    ctx.visits.add(VisitDraft(date(2025, 5, 1), "Ordinary Lifestyles", 300, 240, 2200,
                              late=True, note="came late again"))
    outcome = ctx.outcomes.add(OutcomeDraft("Bath twice a week", "er.2.2.b"), date(2025, 4, 2),
                               new_plan_line="Agency")
    ctx.outcomes.rate(outcome.id, 1, date(2025, 4, 3), RatedBy.PERSON, "no bath", date(2026, 1, 1))
    tables = ctx.open_data.prepare(Period(date(2025, 4, 1), date(2025, 6, 30))).tables
    assert tables["package"][0]["local_authority"] == "E08000004"
    (row,) = tables["providers"]
    assert (row["kind"], row["cqc_location_id"], row["hours_planned"], row["hours_delivered"],
            row["visits_late"], row["paid"], row["cost_per_hour"]) == (
        "registered", "1-123456789", "5.00", "4.00", "1", "120", "30.86")
    ctx.open_data.write(ctx.open_data.prepare(YEAR), tmp_path / "real")
    validate(tmp_path / "real")
    blob = exported_text(tmp_path / "real")
    assert "Ordinary" not in blob and "Mum" not in blob and "no bath" not in blob


def test_writing_needs_a_new_or_empty_folder(demo_ctx: ProfileContext, tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    with pytest.raises(DomainError, match="already has files"):
        demo_ctx.open_data.write(demo_ctx.open_data.prepare(YEAR), tmp_path / "full")
    (tmp_path / "empty").mkdir()
    demo_ctx.open_data.write(demo_ctx.open_data.prepare(YEAR), tmp_path / "empty")
    assert (tmp_path / "empty" / "datapackage.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "full"]  # no temp left
