"""`careledger import bank FILE --profile NAME [--account NAME] [--dry-run] [--columns ...]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import EXIT_BAD_INPUT, EXIT_OK, data_dir
from app.cli.common import opened
from app.i18n import _
from app.importers.bank import (
    ColumnMapping,
    MappingStore,
    NeedsMapping,
    UnreadableStatement,
    read_statement_file,
)
from app.importers.bank.csv_statement import header_of
from app.importers.bank.mapping import ROLES
from app.importers.bank.reader import read_statement_bytes
from app.importers.bank.text import decode, records
from app.services.bank_import import ImportPreview, RowStatus


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    imports = subparsers.add_parser("import", help=_("Import files into a profile."))
    kinds = imports.add_subparsers(dest="kind", metavar="KIND", required=True)
    bank = kinds.add_parser("bank", help=_("Import a bank statement (CSV, OFX or QIF)."))
    bank.add_argument("file", type=Path)
    bank.add_argument("--profile", dest="bank_profile", default=None)
    bank.add_argument("--account", default=None, help=_("Account name (default: the first)."))
    bank.add_argument("--dry-run", action="store_true",
                      help=_("Show what would be imported; change nothing."))
    bank.add_argument("--columns", default=None, help=_(
        "For a CSV whose columns are not recognised: which header holds what, e.g. "
        "\"date=Posted,amount=Value,description=Details\". Remembered for next time."))
    bank.set_defaults(func=_import_bank)


def _import_bank(args: argparse.Namespace) -> int:
    store = MappingStore(data_dir(args))
    try:
        key, mapping = _chosen_mapping(args.file, args.columns) if args.columns else ((), None)
        parsed = read_statement_file(args.file, store, mapping)
        if mapping is not None:
            store.save(key, mapping)  # the file read with it: next time no --columns is needed
    except NeedsMapping as error:
        print(str(error), file=sys.stderr)
        print(_("Its columns are: {names}. Use --columns, e.g. --columns "
                "\"date=...,amount=...,description=...\"").format(names=", ".join(error.header)),
              file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnreadableStatement as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    with opened(args, args.bank_profile, read_only=args.dry_run) as ctx:
        service = ctx.imports
        preview = service.preview_parsed(parsed, args.file.name, service.account_id(args.account))
        if not args.dry_run:
            service.commit(preview)
    _report(preview)
    return EXIT_OK


def _report(preview: ImportPreview) -> None:
    print(_("{new} new, {duplicates} duplicates, {rejected} rejected").format(
        new=preview.count(RowStatus.NEW), duplicates=preview.count(RowStatus.DUPLICATE),
        rejected=preview.count(RowStatus.REJECTED)))
    for row in preview.rows:
        if row.status is RowStatus.REJECTED:
            print(_("Line {line}: {reason}").format(line=row.line, reason=row.reason))


def _chosen_mapping(path: Path, spec: str) -> tuple[tuple[str, ...], ColumnMapping]:
    """A mapping from 'role=Header Name' pairs, matched against the file's own header."""
    key = header_of(records(decode(read_statement_bytes(path))))
    roles: dict[str, int] = {}
    for part in spec.split(","):
        role, _sep, name = part.partition("=")
        role, name = role.strip().replace("-", "_"), " ".join(name.casefold().split())
        if role not in ROLES or name not in key:
            raise UnreadableStatement(_("“{part}” does not match this file. Roles are {roles}; "
                                        "columns are {names}.").format(
                part=part.strip(), roles=", ".join(ROLES), names=", ".join(key)))
        roles[role] = key.index(name)
    try:
        return key, ColumnMapping.from_json(dict(roles))
    except (TypeError, ValueError) as error:
        raise UnreadableStatement(_("--columns needs date, description and amount (or money_out "
                                    "and money_in).")) from error
