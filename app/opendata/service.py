"""Open data for one profile: prepare the package (nothing written), show it, then write it.

Only My providers appear as providers, each by a number, its CQC location id when it is on the
register, and its organisation form; PAs only as "personal assistant".
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from app.domain.categories import load_categories
from app.domain.chosen_providers import ChosenProvider, ProviderKind, payee_key
from app.domain.errors import DomainError, ValidationError
from app.domain.funding import Period
from app.domain.local_authorities import find_council
from app.domain.providers import OrgForm, Source
from app.domain.visits import Visit
from app.i18n import _
from app.opendata.package import (
    OpenDataPackage,
    ProviderFigures,
    ProviderValue,
    build_package,
    mean_change,
    served,
)
from app.opendata.schema import TABLES, descriptor
from app.outcomes.report import summarise
from app.outcomes.service import inputs
from app.services.register import ProviderNotFound, RegisterService
from app.store.profile_store import ProfileStore
from app.store.repos import Repos

DESCRIPTOR = "datapackage.json"


class OpenDataService:
    def __init__(self, store: ProfileStore, register: RegisterService | None = None) -> None:
        self.store = store
        self.register = register

    def prepare(self, period: Period) -> OpenDataPackage:
        """Work out exactly what would leave; nothing is written."""
        if period.end < period.start:
            raise ValidationError("period", _("The period must end on or after its start."))
        with self.store.read() as repos:
            holder = repos.people.holder()
            council = find_council(holder.council_name) if holder else None
            summary = summarise(period, inputs(repos, period))
            providers = self._providers(repos, period)
            spends = repos.outcomes.spends(period.start, period.end)
        return build_package(
            period, council_code=council.current_code if council else "",
            demo=bool(holder and holder.is_demo), spends=spends,
            standard_categories={c.code for c in load_categories()},
            providers=providers, outcomes=summary)

    def provider_values(self, period: Period) -> list[ProviderValue]:
        """Value for money of each of My providers paid or logged in the period."""
        with self.store.read() as repos:
            summary = summarise(period, inputs(repos, period))
            providers = self._providers(repos, period)
        values = []
        for figures in providers:
            changes = served(figures, summary)
            values.append(ProviderValue(figures.names[0], figures, len(changes),
                                        mean_change(changes)))
        return values

    def _providers(self, repos: Repos, period: Period) -> list[ProviderFigures]:
        visits = repos.visits.between(period.start, period.end)
        paid = repos.entries.paid_by_payee(period)
        found = []
        for provider in repos.providers.all():
            mine = [v for v in visits if _visit_of(v, provider)]
            pence = paid.get(payee_key(provider.payee_name), (None, 0))[0]
            paid_pence = pence.pence if pence is not None else 0
            if not mine and not paid_pence:
                continue
            kind, cqc_id, form, likely = self._identity(provider)
            found.append(ProviderFigures(
                kind, cqc_id, form, likely, (provider.name, provider.payee_name),
                sum(v.draft.planned_minutes for v in mine),
                sum(v.draft.delivered_minutes for v in mine), len(mine),
                sum(v.draft.missed for v in mine), sum(v.draft.late for v in mine), paid_pence))
        return found

    def _identity(self, provider: ChosenProvider) -> tuple[str, str, str, bool]:
        if provider.kind is ProviderKind.PA:
            return "personal_assistant", "", "personal_assistant", False
        if provider.source is not Source.CQC or not provider.source_id:
            return "local", "", OrgForm.UNKNOWN.value, False
        form, likely = OrgForm.UNKNOWN, False
        if self.register is not None:
            try:
                summary = self.register.provider("cqc", provider.source_id).summary
                form, likely = summary.org_form, summary.org_form_derived
            except ProviderNotFound:
                pass
        return "registered", provider.source_id, form.value, likely

    def write(self, package: OpenDataPackage, folder: Path) -> list[Path]:
        """Write datapackage.json and one CSV per table into `folder` (new or empty), all or
        nothing."""
        folder = Path(folder)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise DomainError(_("{folder} already has files in it. Choose a new or empty "
                                "folder.").format(folder=folder))
        parent = folder.parent if str(folder.parent) else Path(".")
        parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=".open-data-", dir=parent))
        try:
            for name, text in files(package).items():
                (temp / name).write_text(text, encoding="utf-8", newline="")
            if folder.exists():
                folder.rmdir()
            os.replace(temp, folder)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        return sorted(folder / name for name in files(package))


def files(package: OpenDataPackage) -> dict[str, str]:
    """Every file's exact text: what the person is shown is what is written."""
    found = {DESCRIPTOR: json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n"}
    for name, fields in TABLES.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        columns = [f["name"] for f in fields]
        writer.writerow(columns)
        writer.writerows([row[c] for c in columns] for row in package.tables[name])
        found[f"{name}.csv"] = buffer.getvalue()
    return found


def preview_text(package: OpenDataPackage, folder: Path | str) -> str:
    """What will leave, exactly: every file and every line of it."""
    lines = [_("These files will be written to {folder}. They hold no name, payee, "
               "reference, note or exact date: money is rounded to the nearest £10 and days "
               "are shown only as months.").format(folder=folder)]
    if not package.council_found:
        lines.append(_("Your council's name was not recognised, so no local authority code "
                       "is included."))
    for name, text in files(package).items():
        if name.endswith(".csv"):
            rows = text.count("\n") - 1
            lines += ["", _("{file} ({rows} rows):").format(file=name, rows=rows), text.rstrip()]
        else:
            lines += ["", _("{file}: the description of the tables (the same for everyone).")
                      .format(file=name)]
    return "\n".join(lines)


def _visit_of(visit: Visit, provider: ChosenProvider) -> bool:
    if visit.draft.chosen_provider_id is not None:
        return visit.draft.chosen_provider_id == provider.id
    return payee_key(visit.draft.provider_name) in {payee_key(provider.name),
                                                     payee_key(provider.payee_name)}


def counts(package: OpenDataPackage) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for name, rows in package.tables.items():
        totals[name] = len(rows)
    return dict(totals)
