"""Care providers as the public register knows them: plain frozen records and their words.

A `ProviderRecord` is what an importer hands over (one row of a CQC or ORUK file);
`ProviderSummary` and `ProviderDetail` are what a search and a provider page show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from app.i18n import N_, _


class Source(StrEnum):
    CQC = "cqc"
    ORUK = "oruk"
    MANUAL = "manual"


class OrgForm(StrEnum):
    """The seed's "diversity of provision"."""

    PUBLIC_BODY = "public_body"
    PRIVATE_COMPANY = "private_company"
    CHARITY = "charity"
    SOCIAL_ENTERPRISE = "social_enterprise"
    MUTUAL = "mutual"
    SOLE_TRADER = "sole_trader"
    UNKNOWN = "unknown"


ORG_FORM_LABELS = {
    OrgForm.PUBLIC_BODY: N_("Public body"),
    OrgForm.PRIVATE_COMPANY: N_("Private company"),
    OrgForm.CHARITY: N_("Charity"),
    OrgForm.SOCIAL_ENTERPRISE: N_("Social enterprise / CIC"),
    OrgForm.MUTUAL: N_("Mutual / co-operative"),
    OrgForm.SOLE_TRADER: N_("Sole trader"),
    OrgForm.UNKNOWN: N_("Not known"),
}

# CQC's overall ratings, best first; the rank sorts them (0 = not rated).
RATING_RANKS = {
    "Outstanding": 4,
    "Good": 3,
    "Requires improvement": 2,
    "Inadequate": 1,
}


# The words shown for each rating (CQC's English words are the stored values; Welsh follows
# Care Inspectorate Wales: Rhagorol, Da, Angen gwella, Annigonol).
RATING_WORDS = {
    "Outstanding": N_("Outstanding"),
    "Good": N_("Good"),
    "Requires improvement": N_("Requires improvement"),
    "Inadequate": N_("Inadequate"),
}

# The register's own words for kinds of service (CQC's "Service types", Care Inspectorate
# Wales's services), shown in the person's language; the stored values stay as published.
SERVICE_WORDS = {
    "Homecare agencies": N_("Homecare agencies"),
    "Residential homes": N_("Residential homes"),
    "Nursing homes": N_("Nursing homes"),
    "Supported living": N_("Supported living"),
    "Supported housing": N_("Supported housing"),
    "Extra Care housing services": N_("Extra Care housing services"),
    "Shared Lives": N_("Shared Lives"),
    "Community services - Nursing": N_("Community services - Nursing"),
    "Community services - Learning disabilities": N_("Community services - Learning "
                                                     "disabilities"),
    "Community services - Mental Health": N_("Community services - Mental Health"),
    "Care home service with nursing": N_("Care home service with nursing"),
    "Care home service without nursing": N_("Care home service without nursing"),
    "Domiciliary support service": N_("Domiciliary support service"),
    "Clinic": N_("Clinic"),
    "Dentist": N_("Dentist"),
    "Doctors/GPs": N_("Doctors/GPs"),
    "Hospice services": N_("Hospice services"),
    "Hospital": N_("Hospital"),
}


def rating_label(rating: str) -> str:
    """A rating in the person's language; "Not rated" when there is none."""
    if not rating:
        return _("Not rated")
    return _(RATING_WORDS[rating]) if rating in RATING_WORDS else rating


def service_label(kind: str) -> str:
    """A register's kind of service in the person's language (unknown kinds as given)."""
    return _(SERVICE_WORDS[kind]) if kind in SERVICE_WORDS else kind


def rating_rank(rating: str) -> int:
    return RATING_RANKS.get(rating, 0)


def canonical_rating(text: str) -> str:
    """'requires improvement' -> 'Requires improvement'; unknown words are kept as given."""
    if not text:
        return ""
    wanted = text.strip().lower()
    for name in RATING_RANKS:
        if name.lower() == wanted:
            return name
    return text.strip()


class ProviderRecord(NamedTuple):
    """One provider location as read from a file, before it is stored.

    A NamedTuple rather than a frozen dataclass: a national file has 50,000+ rows and a
    frozen dataclass of 30 fields costs several times more to build.
    """

    source: Source
    source_id: str
    name: str
    line: int  # where it was in the file, for messages
    provider_name: str = ""
    org_form: OrgForm = OrgForm.UNKNOWN
    org_form_derived: bool = True
    address: str = ""
    town: str = ""
    postcode: str = ""
    local_authority: str = ""
    region: str = ""
    latitude: float | None = None
    longitude: float | None = None
    phone: str = ""
    website: str = ""
    email: str = ""
    service_types: tuple[str, ...] = ()
    specialisms: tuple[str, ...] = ()
    rating: str = ""
    rating_date: date | None = None
    registered_manager: str = ""
    beds: int | None = None
    registered_on: date | None = None
    description: str = ""
    charity_number: str = ""
    checked_on: date | None = None  # the latest inspection date, where a file gives only that


@dataclass(frozen=True)
class Rejection:
    """A row that could not be used, with its line number and a plain reason."""

    line: int
    reason: str
    left_out: bool = False  # not an error: e.g. a deregistered location, left out on purpose
    source_id: str = ""  # when known: the register keeps what it holds for it, unremoved


@dataclass(frozen=True)
class ProviderSummary:
    """One line of search results."""

    source: Source
    source_id: str
    name: str
    town: str
    postcode: str
    local_authority: str
    service_types: tuple[str, ...]
    org_form: OrgForm
    org_form_derived: bool
    rating: str
    rating_date: date | None
    distance_miles: float | None = None


@dataclass(frozen=True)
class ProviderDetail:
    """Everything the provider page shows, with where and when the data came from."""

    summary: ProviderSummary
    provider_name: str
    address: str
    region: str
    phone: str
    website: str
    email: str
    specialisms: tuple[str, ...]
    registered_manager: str
    beds: int | None
    registered_on: date | None
    description: str
    data_file: str
    data_date: date | None
    imported_at: str
    latitude: float | None = None
    longitude: float | None = None
