"""The open-data package's tables: one Table Schema per CSV (Frictionless Data standards).

Every field is a code, a month, a count or a rounded figure. There is no field for a name, a
payee, a reference, a note or a day: docs/open-data.md gives the reasoning field by field.
Changing a field means a new SCHEMA_VERSION (combine refuses versions it does not know).
"""

from __future__ import annotations

from typing import Any

from app.domain.providers import ORG_FORM_LABELS, OrgForm
from app.i18n import _

SCHEMA_VERSION = "1"
PROFILE = "tabular-data-package"
PA_FORM = "personal_assistant"
ORG_FORMS = [form.value for form in OrgForm] + [PA_FORM]
PROVIDER_KINDS = ["registered", "personal_assistant", "local"]
MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
AREA = r"^(ca|er|ww)\.[0-9]\.[0-9]\.[a-j]$"
ROUNDING_POUNDS = 10  # money is rounded to the nearest £10

Field = dict[str, Any]


def _f(name: str, kind: str, description: str, **extra: Any) -> Field:
    return {"name": name, "type": kind, "description": description, **extra}


def _money(name: str, description: str) -> Field:
    return _f(name, "integer", description + " In whole pounds, rounded to the nearest £10.",
              constraints={"minimum": 0})


TABLES: dict[str, list[Field]] = {
    "package": [
        _f("package_id", "string", "A random id made for this export alone (not derived from "
           "the person or the profile), so that one export is not counted twice.",
           constraints={"required": True, "pattern": "^[0-9a-f]{32}$"}),
        _f("schema_version", "string", "The version of these tables.",
           constraints={"required": True, "enum": [SCHEMA_VERSION]}),
        _f("local_authority", "string", "The ONS (GSS) code of the council that funds the "
           "budget; empty when the council could not be matched.",
           constraints={"pattern": "^[EW][0-9]{8}$"}),
        _f("period_from", "string", "First month of the period (YYYY-MM).",
           constraints={"required": True, "pattern": MONTH}),
        _f("period_to", "string", "Last month of the period (YYYY-MM).",
           constraints={"required": True, "pattern": MONTH}),
        _f("months", "integer", "Calendar months the period touches.",
           constraints={"required": True, "minimum": 1}),
        _f("demo", "boolean", "True when the figures come from CareLedger's made-up demo.",
           constraints={"required": True}),
    ],
    "spend": [
        _f("month", "string", "Calendar month (YYYY-MM).",
           constraints={"required": True, "pattern": MONTH}),
        _f("category", "string", "Spending category code from CareLedger's standard list "
           "(resources/categories/default.json); 'other' for any category a person made.",
           constraints={"required": True}),
        _money("amount", "Money paid out in the month in that category."),
    ],
    "providers": [
        _f("provider", "string", "A number for the provider within this export only (p1, "
           "p2, ...).", constraints={"required": True, "unique": True, "pattern": "^p[0-9]+$"}),
        _f("kind", "string", "registered (on the CQC register), personal_assistant "
           "(employed by the person) or local (neither).",
           constraints={"required": True, "enum": PROVIDER_KINDS}),
        _f("cqc_location_id", "string", "The CQC location id, for registered providers only: "
           "public information about the provider.", constraints={"pattern": "^1-[0-9]+$"}),
        _f("org_form", "string", "Organisation form: public body, private company, charity, "
           "social enterprise, mutual or co-operative, sole trader, unknown; personal "
           "assistant for a PA.", constraints={"required": True, "enum": ORG_FORMS}),
        _f("org_form_likely", "boolean", "True when the form rests on the provider's name "
           "alone (a guess); false when a register or number states it.",
           constraints={"required": True}),
        _f("hours_planned", "number", "Hours of care planned in the period (services log).",
           constraints={"required": True, "minimum": 0}),
        _f("hours_delivered", "number", "Hours of care delivered in the period.",
           constraints={"required": True, "minimum": 0}),
        _f("visits", "integer", "Visits or shifts logged.",
           constraints={"required": True, "minimum": 0}),
        _f("visits_missed", "integer", "Visits that did not happen.",
           constraints={"required": True, "minimum": 0}),
        _f("visits_late", "integer", "Visits that started late.",
           constraints={"required": True, "minimum": 0}),
        _money("paid", "Paid to the provider in the period."),
        _f("cost_per_hour", "number", "Paid per hour delivered, in pounds to the penny "
           "(worked out before rounding); empty when no hours were logged.",
           constraints={"minimum": 0}),
        _f("outcomes_served", "integer", "Outcomes this provider was paid or logged for.",
           constraints={"required": True, "minimum": 0}),
        _f("outcome_change", "number", "Average change (latest less first rating, on the "
           "1 to 4 scale) of the outcomes served that were rated twice or more in the period; "
           "empty when none was.", constraints={"minimum": -3, "maximum": 3}),
    ],
    "outcomes": [
        _f("area", "string", "The outcome's area in law: a code from CareLedger's "
           "resources/outcomes/areas.json (ca: Care Act 2014 s.1(2); er: Care and Support "
           "(Eligibility Criteria) Regulations 2015 reg.2(2); ww: Social Services and "
           "Well-being (Wales) Act 2014 s.2).",
           constraints={"required": True, "pattern": AREA}),
        _f("first_rating", "integer", "The first rating in the period (1 not happening yet, "
           "2 a little, 3 mostly, 4 yes, as I want it).",
           constraints={"minimum": 1, "maximum": 4}),
        _f("latest_rating", "integer", "The latest rating in the period.",
           constraints={"minimum": 1, "maximum": 4}),
        _f("ratings", "integer", "How many times it was rated in the period.",
           constraints={"required": True, "minimum": 0}),
        _money("spent", "Paid for this outcome in the period (payments linked to it, or to "
               "the support-plan lines that pay for it, shared equally between outcomes)."),
    ],
}

TITLES = {
    "package": "About this export",
    "spend": "Spending by month and category",
    "providers": "Providers: hours, reliability, cost per hour and outcomes",
    "outcomes": "Outcome areas with first and latest rating",
}


def resource(name: str) -> dict[str, Any]:
    return {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
            "title": TITLES[name], "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "schema": {"fields": TABLES[name],
                                            "missingValues": [""]}}


def descriptor() -> dict[str, Any]:
    """datapackage.json: the same for every export of this schema version (nothing personal
    goes in it: the figures are all in the CSV files)."""
    return {
        "profile": PROFILE,
        "name": "careledger-open-data",
        "title": "CareLedger: one person's care budget, anonymised",
        "description": "Spending, providers and outcomes from one personal budget, with no "
                       "name, payee, reference, note or exact date. See docs/open-data.md in "
                       "CareLedger for what each field is and why it is there.",
        "version": SCHEMA_VERSION,
        "licenses": [{"name": "CC0-1.0", "path":
                      "https://creativecommons.org/publicdomain/zero/1.0/",
                      "title": "CC0 1.0 Universal"}],
        "resources": [resource(name) for name in TABLES],
    }


def form_label(form: str) -> str:
    """An organisation form code in words (a PA: "Personal assistant")."""
    if form == PA_FORM:
        return _("Personal assistant")
    try:
        return _(ORG_FORM_LABELS[OrgForm(form)])
    except ValueError:
        return form
