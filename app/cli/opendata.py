"""`careledger export open-data`: one person's anonymised figures as a Frictionless data
package, shown in full before it is written; `careledger open-data combine`: many people's
packages compared, small groups suppressed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import EXIT_ERROR, EXIT_OK
from app.cli.common import day, opened
from app.domain.errors import DomainError, ValidationError
from app.domain.funding import Period
from app.i18n import _
from app.opendata.service import preview_text


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = subparsers.add_parser("export", help=_("Export figures to share."))
    kinds = export.add_subparsers(dest="kind", metavar="KIND", required=True)
    open_data = kinds.add_parser("open-data", help=_(
        "Anonymised open data on spending, providers and outcomes (a Frictionless data "
        "package): no name, payee, reference, note or exact date."))
    open_data.add_argument("--profile", dest="export_profile", default=None)
    open_data.add_argument("--from", dest="start", required=True,
                           help=_("First day (YYYY-MM-DD); only its month is shared."))
    open_data.add_argument("--to", dest="end", required=True,
                           help=_("Last day (YYYY-MM-DD); only its month is shared."))
    open_data.add_argument("--out", required=True, type=Path,
                           help=_("A new or empty folder for the files."))
    open_data.add_argument("--yes", action="store_true",
                           help=_("Write without asking (what will leave is still shown)."))
    open_data.add_argument("--dry-run", action="store_true",
                           help=_("Only show what would leave; write nothing."))
    open_data.set_defaults(func=_export)

    combine = subparsers.add_parser("open-data", help=_(
        "For councils and researchers: compare many people's open-data packages."))
    actions = combine.add_subparsers(dest="action", metavar="ACTION", required=True)
    together = actions.add_parser("combine", help=_(
        "Compare providers and kinds of provider on cost per hour, reliability and outcome "
        "change; groups of fewer than 5 people are suppressed."))
    together.add_argument("folders", nargs="+", type=Path, metavar="DIR",
                          help=_("Folders of open-data packages (each holds datapackage.json)."))
    together.add_argument("--out", required=True, type=Path, help=_("FILE.csv or FILE.pdf"))
    together.set_defaults(func=_combine)


def _export(args: argparse.Namespace) -> int:
    period = Period(day(args.start, "from"), day(args.end, "to"))
    with opened(args, args.export_profile, read_only=True) as ctx:
        package = ctx.open_data.prepare(period)
        print(preview_text(package, args.out))
        print()
        if args.dry_run:
            print(_("Nothing was written (--dry-run)."))
            return EXIT_OK
        if not args.yes and sys.stdin.isatty():
            answer = input(_("Write these files? Type y for yes: ")).strip().casefold()
            if answer not in ("y", "yes", "o", "ie"):
                print(_("Nothing was written."))
                return EXIT_ERROR
        written = ctx.open_data.write(package, args.out)
    print(_("Wrote {n} files to {folder}.").format(n=len(written), folder=args.out))
    return EXIT_OK


def _combine(args: argparse.Namespace) -> int:
    from app.opendata.combine import combine, save

    suffix = args.out.suffix.lower()
    if suffix not in (".csv", ".pdf"):
        raise ValidationError("out", _("Save as a .csv or a .pdf file."))
    result = combine(args.folders)
    if not result.packages:
        raise DomainError(_("No open-data packages were found in those folders."))
    save(result, args.out)
    print(_("Combined {n} packages; {suppressed} groups of fewer than {k} people were "
            "suppressed. Saved to {path}.").format(
        n=result.packages, suppressed=result.suppressed, k=result.threshold, path=args.out))
    for problem in result.skipped[:5]:
        print(problem, file=sys.stderr)
    return EXIT_OK
