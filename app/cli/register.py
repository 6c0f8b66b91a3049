"""`careledger register import FILE | update [--url URL] | search TEXT ... | show ID`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from app.cli import EXIT_BAD_INPUT, EXIT_ERROR, EXIT_OK, data_dir
from app.domain.errors import DomainError
from app.domain.org_form import BASIS_WORDS
from app.domain.providers import (
    ORG_FORM_LABELS,
    OrgForm,
    ProviderSummary,
    rating_label,
    service_label,
)
from app.i18n import _, format_date, ngettext
from app.importers.register_common import RegisterFileError
from app.register.cqc_api import KEY_ENV, fetch_provider_facts, remember
from app.register.download import DownloadError, new_client
from app.register.importing import TooManyRemovals
from app.register.postcodes import UnknownPostcode, locate
from app.register.search import DEFAULT_LIMIT, SearchQuery, SortBy
from app.services.register import ImportReport, RegisterService
from app.services.register_update import DEFAULT_SOURCES, RegisterUpdater

REJECTIONS_SHOWN = 50


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    register = subparsers.add_parser("register", help=_("The public register of care "
                                                         "providers (CQC, Open Referral UK)."))
    actions = register.add_subparsers(dest="action", metavar="ACTION", required=True)

    load = actions.add_parser("import", help=_("Import a CQC or ORUK file into the register."))
    load.add_argument("file", type=Path)
    load.add_argument("--allow-removals", action="store_true", help=_(
        "Import even when the file would remove many providers of an area."))
    load.set_defaults(func=_import)

    update = actions.add_parser(
        "update", help=_("Download the current register and import it if it has changed."),
        description=_("Download the current CQC care directory (found on CQC's “Using CQC "
                      "data” page), or the files or Open Referral UK feeds given with --url, "
                      "and import what has changed. A failed or cut-off download changes "
                      "nothing."))
    update.add_argument("--url", action="append", default=None, metavar="URL",
                        help=_("A register file, a page linking to one, or an ORUK services "
                               "feed. May be given more than once."))
    update.set_defaults(func=_update)

    find = actions.add_parser("search", help=_("Search the register."))
    find.add_argument("text", nargs="?", default="")
    find.add_argument("--near", default=None, help=_("A postcode or postcode district."))
    find.add_argument("--within", type=float, default=None, help=_("Miles from --near."))
    find.add_argument("--rating", default="", help=_("A CQC rating, e.g. Good, or good_or_better."))
    find.add_argument("--service", default="", help=_("A service type, e.g. Homecare agencies."))
    find.add_argument("--council", default="", help=_("A council area, e.g. Oldham."))
    find.add_argument("--form", default=None, choices=[f.value for f in OrgForm],
                      help=_("Organisation form."))
    find.add_argument("--sort", default=None, choices=[s.value for s in SortBy])
    find.add_argument("--limit", type=int, default=DEFAULT_LIMIT)
    find.add_argument("--json", action="store_true", help=_("Print JSON."))
    find.set_defaults(func=_search)

    show = actions.add_parser("show", help=_("Show one provider."))
    show.add_argument("source_id")
    show.add_argument("--source", default="cqc")
    show.add_argument("--cqc-key", default=os.environ.get(KEY_ENV) or None, metavar="KEY",
                      help=_("A CQC API key (or set {env}): also ask CQC for the provider's "
                             "ownership, charity and Companies House numbers.").format(
                          env=KEY_ENV))
    show.set_defaults(func=_show)


def _import(args: argparse.Namespace) -> int:
    service = RegisterService(data_dir(args))
    try:
        report = service.import_file(args.file, allow_removals=args.allow_removals)
    except (RegisterFileError, TooManyRemovals) as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        _say_notice(service)
        service.close()
    _print_report(report)
    return EXIT_OK


def _say_notice(service: RegisterService) -> None:
    if service.notice:
        print(service.notice, file=sys.stderr)


def _update(args: argparse.Namespace) -> int:
    service = RegisterService(data_dir(args))
    updater = RegisterUpdater(service)
    progress = _TerminalProgress()
    try:
        for url in args.url or DEFAULT_SOURCES:
            print(_("Checking {url}").format(url=url))
            try:
                outcome = updater.update(url, progress=progress)
            except (DownloadError, RegisterFileError) as error:
                progress.end()
                print(str(error), file=sys.stderr)
                return EXIT_ERROR
            progress.end()
            if outcome.report is None:
                print(_("The register from {url} has not changed since the last update.")
                      .format(url=outcome.url))
            else:
                _print_report(outcome.report)
    finally:
        service.close()
    return EXIT_OK


class _TerminalProgress:
    """A percentage on one line, only when a person watches (stderr is a terminal)."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not sys.stderr.isatty() or stage not in ("downloading", "downloading pages"):
            return
        size = f"{done * 100 // total}%" if total else f"{done // 1024:,} KB"
        print(f"\r{_('Downloading…')} {size}   ", end="", file=sys.stderr, flush=True)
        self.shown = True

    def end(self) -> None:
        if self.shown:
            print(file=sys.stderr)
            self.shown = False


def _print_report(report: ImportReport) -> None:
    print(_("Imported {label}.").format(label=report.file_label))
    print(_("Added {added}, updated {changed}, removed {removed}, unchanged {unchanged}, "
            "rejected {rejected}.").format(
        added=report.added, changed=report.changed, removed=report.removed,
        unchanged=report.unchanged, rejected=len(report.rejected)))
    if report.kept_newer:
        print(ngettext("{count} provider was left as it was: the register has newer data.",
                       "{count} providers were left as they were: the register has newer "
                       "data.", report.kept_newer).format(count=report.kept_newer))
    if report.left_out:
        print(ngettext("{count} row was left out (for example deregistered).",
                       "{count} rows were left out (for example deregistered).",
                       len(report.left_out)).format(count=len(report.left_out)))
    for rejection in report.rejected[:REJECTIONS_SHOWN]:
        print(_("Line {line}: {reason}").format(line=rejection.line, reason=rejection.reason))
    if len(report.rejected) > REJECTIONS_SHOWN:
        print(_("… and {count} more.").format(count=len(report.rejected) - REJECTIONS_SHOWN))


MAX_MILES = 1000.0  # John o' Groats to Land's End and back
MAX_LIMIT = 10000


def _query(args: argparse.Namespace) -> SearchQuery:
    if args.within is not None and not args.near:
        raise DomainError(_("--within needs --near POSTCODE."))
    if args.within is not None and not 0 <= args.within <= MAX_MILES:  # NaN fails too
        raise DomainError(_("--within takes a number of miles from 0 to {most}.").format(
            most=int(MAX_MILES)))
    if not 1 <= args.limit <= MAX_LIMIT:
        raise DomainError(_("--limit takes a number from 1 to {most}.").format(most=MAX_LIMIT))
    return SearchQuery(
        text=args.text, council=args.council, service_type=args.service, rating=args.rating,
        org_form=OrgForm(args.form) if args.form else None,
        near=locate(args.near) if args.near else None, within_miles=args.within,
        sort=SortBy(args.sort) if args.sort else None, limit=args.limit)


def _search(args: argparse.Namespace) -> int:
    try:
        query = _query(args)
    except (UnknownPostcode, DomainError) as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    service = RegisterService(data_dir(args))
    try:
        results = service.search(query)
        empty = not results and service.size() == 0
    finally:
        _say_notice(service)
        service.close()
    if args.json:
        print(json.dumps([_as_json(r, query.near is not None) for r in results], indent=2,
                         ensure_ascii=False))
        return EXIT_OK
    if empty:
        print(_("The register is empty. To download it, run: careledger register update"),
              file=sys.stderr)
    elif not results:
        print(_("No providers match."))
    for r in results:
        distance = f"{r.distance_miles:>6.1f} mi  " if r.distance_miles is not None else ""
        print(f"{distance}{r.name[:40]:<40}  {r.town[:18]:<18}  {r.postcode:<9}  "
              f"{rating_label(r.rating)[:20]:<20}  {r.source}:{r.source_id}")
    return EXIT_OK


def _as_json(r: ProviderSummary, with_distance: bool) -> dict[str, object]:
    item: dict[str, object] = {
        "source": r.source.value, "source_id": r.source_id, "name": r.name, "town": r.town,
        "postcode": r.postcode, "local_authority": r.local_authority,
        "service_types": list(r.service_types), "organisation_form": r.org_form.value,
        "organisation_form_derived": r.org_form_derived, "rating": r.rating or None,
        "rating_date": r.rating_date.isoformat() if r.rating_date else None,
    }
    if with_distance:
        item["distance_miles"] = r.distance_miles
    return item


def _show(args: argparse.Namespace) -> int:
    service = RegisterService(data_dir(args))
    facts = None
    try:
        d = service.provider(args.source, args.source_id)
        if args.cqc_key and args.source == "cqc":
            with new_client() as client:
                facts = fetch_provider_facts(client, args.source_id, args.cqc_key)
            remember(service.conn, facts)
            d = service.provider(args.source, args.source_id)
    finally:
        _say_notice(service)
        service.close()
    s = d.summary
    form = _(ORG_FORM_LABELS[s.org_form])
    if s.org_form_derived and s.org_form is not OrgForm.UNKNOWN:
        form = _("{form} (derived, not certain)").format(form=form)
    rows = [
        (_("Name"), s.name), (_("Provider"), d.provider_name),
        (_("Address"), ", ".join(p for p in (d.address, s.town, s.postcode) if p)),
        (_("Council area"), s.local_authority), (_("Phone"), d.phone),
        (_("Website"), d.website), (_("Service types"),
                                      ", ".join(service_label(k) for k in s.service_types)),
        (_("Rating"), rating_label(s.rating)
         + (f" ({format_date(s.rating_date)})" if s.rating_date else "")),
        (_("Registered manager"), d.registered_manager), (_("Organisation form"), form),
        (_("Source"), f"{s.source.value.upper()} {s.source_id}, {d.data_file}"),
        (_("Data date"), format_date(d.data_date) if d.data_date else ""),
    ]
    if facts is not None:
        rows += [(_("Form because"), _(BASIS_WORDS[facts.evidence.basis])),
                 (_("Ownership (CQC)"), facts.ownership_type),
                 (_("Charity number"), facts.charity_number),
                 (_("Companies House"), facts.companies_house_number)]
    for label, value in rows:
        if value:
            print(f"{label + ':':<20} {value}")
    return EXIT_OK
