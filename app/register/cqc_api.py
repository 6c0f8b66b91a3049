"""What CQC's API says about the organisation behind a location: ownership type, charity number
and Companies House number, which the organisation form needs. Needs a CQC API key (free from
CQC's developer portal); the key is only ever sent to CQC, in the request header.

Two requests per location (the location names its provider; the provider record has the
numbers), made when a person looks at one provider: the register files have no such numbers,
and asking for every provider in England would take tens of thousands of requests.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from app.domain.errors import DomainError
from app.domain.org_form import OrgFormEvidence, best_org_form
from app.domain.providers import OrgForm
from app.i18n import _

API_BASE = "https://api.service.cqc.org.uk/public/v1"
KEY_HEADER = "Ocp-Apim-Subscription-Key"
KEY_ENV = "CARELEDGER_CQC_KEY"

_DDL = """CREATE TABLE IF NOT EXISTS cqc_provider_record (
    location_id TEXT PRIMARY KEY, provider_id TEXT NOT NULL, provider_name TEXT NOT NULL,
    ownership_type TEXT NOT NULL, charity_number TEXT NOT NULL,
    companies_house_number TEXT NOT NULL, fetched_at TEXT NOT NULL,
    org_form TEXT NOT NULL  -- the form the facts state, '' when they state none
)"""


class CqcApiError(DomainError):
    pass


@dataclass(frozen=True)
class ProviderFacts:
    location_id: str
    provider_id: str
    provider_name: str
    ownership_type: str  # CQC's words: Organisation, Individual, Partnership, NHS Body
    charity_number: str
    companies_house_number: str

    @property
    def evidence(self) -> OrgFormEvidence:
        """The form from the best evidence in the record (app.domain.org_form.best_org_form)."""
        return best_org_form(ownership_type=self.ownership_type,
                             charity_number=self.charity_number,
                             companies_house_number=self.companies_house_number,
                             registered_name=self.provider_name)

    @property
    def org_form(self) -> tuple[OrgForm, bool]:
        """(form, derived): derived only when it rests on the name alone."""
        evidence = self.evidence
        return evidence.form, evidence.likely


def fetch_provider_facts(client: httpx.Client, location_id: str, key: str,
                         base: str | None = None) -> ProviderFacts:
    base = base or API_BASE
    location = _get(client, f"{base}/locations/{location_id}", key)
    provider_id = str(location.get("providerId") or "")
    if not provider_id:
        raise CqcApiError(_("CQC's record of {id} names no provider.").format(id=location_id))
    provider = _get(client, f"{base}/providers/{provider_id}", key)
    return ProviderFacts(location_id, provider_id, _text(provider.get("name")),
                         _text(provider.get("ownershipType")),
                         _text(provider.get("charityNumber")),
                         _text(provider.get("companiesHouseNumber")))


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value not in (None, "") else ""


def _get(client: httpx.Client, url: str, key: str) -> dict[str, Any]:
    try:
        response = client.get(url, headers={KEY_HEADER: key})
    except httpx.HTTPError as error:
        raise CqcApiError(_("Could not reach CQC: {reason}. Check the internet "
                            "connection.").format(reason=error)) from error
    if response.status_code in (401, 403):
        raise CqcApiError(_("CQC did not accept the API key. Check it on CQC's developer "
                            "portal."))
    if response.status_code == 404:
        raise CqcApiError(_("CQC has no record at {url}.").format(url=url))
    if response.status_code != 200:
        raise CqcApiError(_("CQC answered “{status} {reason}”. Try again later.").format(
            status=response.status_code, reason=response.reason_phrase))
    try:
        document = response.json()
    except ValueError as error:
        raise CqcApiError(_("CQC's answer was not JSON. Try again later.")) from error
    if not isinstance(document, dict):
        raise CqcApiError(_("CQC's answer was not a record. Try again later."))
    return document


def remember(conn: sqlite3.Connection, facts: ProviderFacts) -> None:
    """Keep the facts, and give the location the organisation form they state (imports keep
    it: app.register.importing applies these records to every file it imports)."""
    form, derived = facts.org_form
    conn.execute(_DDL)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT OR REPLACE INTO cqc_provider_record VALUES "
                     "(?, ?, ?, ?, ?, ?, ?, ?)",
                     (facts.location_id, facts.provider_id, facts.provider_name,
                      facts.ownership_type, facts.charity_number,
                      facts.companies_house_number,
                      datetime.now(UTC).isoformat(timespec="seconds"),
                      "" if derived else form.value))
        if not derived:
            conn.execute("UPDATE provider SET org_form = ?, org_form_derived = 0, "
                         "charity_number = ? WHERE source = 'cqc' AND source_id = ?",
                         (form.value, facts.charity_number, facts.location_id))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
