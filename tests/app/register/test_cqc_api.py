"""Provider facts from CQC's API (served by the local HTTP server from real CQC API records in
tests/fixtures/register: Oldham locations and their providers, unchanged)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.domain.providers import OrgForm
from app.register import cqc_api
from app.register.cqc_api import CqcApiError, fetch_provider_facts, remember
from app.services.register import RegisterService

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "register"
LOCATIONS = json.loads((FIXTURES / "cqc_api_locations_extract.json").read_text()) + \
    json.loads((FIXTURES / "cqc_api_location_of_a_charity.json").read_text())
PROVIDERS = json.loads((FIXTURES / "cqc_api_providers_oldham.json").read_text())
LABURNUM, ANBRIDGE, CHARITY = "1-119238580", "1-112467585", "1-2172846173"


@pytest.fixture
def api(server) -> str:  # type: ignore[no-untyped-def]
    for item in LOCATIONS:
        server.put(f"/public/v1/locations/{item['locationId']}", json.dumps(item).encode())
    for item in PROVIDERS:
        server.put(f"/public/v1/providers/{item['providerId']}", json.dumps(item).encode())
    return str(server.url("/public/v1"))


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client() as c:
        yield c


@pytest.mark.parametrize("location, form, numbers", [
    (LABURNUM, OrgForm.PRIVATE_COMPANY, ("Organisation", "", "03754654")),
    (ANBRIDGE, OrgForm.PRIVATE_COMPANY, ("Partnership", "", "")),
    (CHARITY, OrgForm.CHARITY, ("Organisation", "1058340", "03175855")),
])
def test_facts_state_the_organisation_form(api, client, location, form, numbers) -> None:  # type: ignore[no-untyped-def]
    facts = fetch_provider_facts(client, location, "key", base=api)
    assert (facts.ownership_type, facts.charity_number, facts.companies_house_number) == numbers
    assert facts.org_form == (form, False)


def test_the_key_goes_in_the_header_only(api, client, server) -> None:  # type: ignore[no-untyped-def]
    fetch_provider_facts(client, LABURNUM, "secret-key", base=api)
    for path, headers in server.requests:
        assert headers[cqc_api.KEY_HEADER] == "secret-key" and "secret-key" not in path


def test_a_refused_key_is_said_plainly(api, client, server) -> None:  # type: ignore[no-untyped-def]
    server.deny(f"/public/v1/locations/{LABURNUM}")
    with pytest.raises(CqcApiError, match="did not accept the API key"):
        fetch_provider_facts(client, LABURNUM, "wrong", base=api)


def test_remembered_facts_survive_the_next_import(api, client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    register = RegisterService(tmp_path)
    try:
        path = FIXTURES / "cqc_api_location_of_a_charity.json"
        register.import_file(path)
        assert register.provider("cqc", CHARITY).summary.org_form_derived
        remember(register.conn, fetch_provider_facts(client, CHARITY, "key", base=api))
        summary = register.provider("cqc", CHARITY).summary
        assert (summary.org_form, summary.org_form_derived) == (OrgForm.CHARITY, False)
        report = register.import_file(path)  # the API file again: it states no form
        assert (report.changed, report.unchanged) == (0, 1)
        summary = register.provider("cqc", CHARITY).summary
        assert (summary.org_form, summary.org_form_derived) == (OrgForm.CHARITY, False)
    finally:
        register.close()


def test_show_with_a_key_prints_the_numbers(api, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli import run

    monkeypatch.setattr(cqc_api, "API_BASE", api)
    assert run(["--data-dir", str(tmp_path), "register", "import",
                str(FIXTURES / "cqc_api_location_of_a_charity.json")]) == 0
    assert run(["register", "show", CHARITY, "--cqc-key", "key",
                "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "1058340" in out and "03175855" in out and "Charity" in out
    assert "derived" not in out
