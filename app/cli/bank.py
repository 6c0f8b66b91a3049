"""`careledger import bank FILE --profile NAME [--account NAME] [--dry-run] [--columns ...]
[--match-days N] [--positive-means in|out] [--uncertain match|new]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import EXIT_BAD_INPUT, EXIT_OK, data_dir
from app.cli.common import opened
from app.domain.accounts import check_match_days
from app.i18n import _, format_date, format_money, ngettext
from app.importers.bank import (
    ColumnMapping,
    MappingStore,
    NeedsMapping,
    UnreadableStatement,
    read_statement_file,
)
from app.importers.bank.csv_statement import header_of
from app.importers.bank.mapping import ROLES, role_label
from app.importers.bank.reader import read_statement_bytes
from app.importers.bank.text import decode, records
from app.services.bank_import import ImportPreview, ImportResult, RowStatus
from app.services.bank_preview import summary_text


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
        "To say (or correct) which column holds what: header names or column numbers, e.g. "
        "\"date=Posted,amount=Value,description=Details\". Remembered for next time."))
    bank.add_argument("--match-days", type=int, default=None, help=_(
        "How many days apart a bank line and an entry already there may be dated and still "
        "be the same payment (default: the account's setting, usually 4)."))
    bank.add_argument("--positive-means", choices=["in", "out"], default=None, help=_(
        "For a file with one column of amounts: whether a positive amount is money in or "
        "money out (default: from the kind of account; out for a credit card)."))
    bank.add_argument("--uncertain", choices=["match", "new"], default="match", help=_(
        "Lines that may be an entry already there, but not surely: treat them as that entry "
        "(match, the default) or add them as new entries (new)."))
    bank.set_defaults(func=_import_bank)


def _import_bank(args: argparse.Namespace) -> int:
    store = MappingStore(data_dir(args))
    try:
        key, mapping = _chosen_mapping(args.file, args.columns) if args.columns else ((), None)
        parsed = read_statement_file(args.file, store, mapping)
        if mapping is not None and key:
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
    days = None if args.match_days is None else check_match_days(args.match_days)
    positive = None if args.positive_means is None else args.positive_means == "in"
    result = None
    with opened(args, args.bank_profile, read_only=args.dry_run) as ctx:
        service = ctx.imports
        preview = service.preview_parsed(parsed, args.file.name, service.account_id(args.account),
                                         positive_is_money_in=positive, match_days=days)
        if args.uncertain == "new":
            for row in preview.rows:
                if row.to_check:
                    preview = preview.with_match(row.line, accepted=False)
        if not args.dry_run:
            result = service.commit(preview)
    _report(preview, result)
    return EXIT_BAD_INPUT if _nothing_importable(preview) else EXIT_OK


def _nothing_importable(preview: ImportPreview) -> bool:
    """Every line was refused: nothing new, matched, already there or waiting at the bank."""
    return bool(preview.rows) and preview.count(RowStatus.REJECTED) == len(preview.rows)


def _report(preview: ImportPreview, result: ImportResult | None) -> None:
    print(summary_text(preview))
    if preview.columns:
        print(_("Columns recognised from the file: {columns}. If one is wrong, use --columns.")
              .format(columns=", ".join(f"{role_label(role)} = “{name}”"
                                        for role, name in preview.columns)))
    if preview.reversed:
        print(_("This account is a credit card, so positive amounts were read as spending. "
                "If that is wrong, use --positive-means in."))
    for row in preview.rows:
        if row.status is RowStatus.REJECTED:
            print(_("Line {line}: {reason}").format(line=row.line, reason=row.reason))
        elif row.status is RowStatus.PENDING:
            print(_("Line {line}: still pending at the bank, so not imported yet.").format(
                line=row.line))
        elif row.to_check and row.match is not None:
            print(_("Line {line}: taken to be “{payee}”, {amount} on {date}, already in your "
                    "records. Check it is the same payment (or use --uncertain new).").format(
                line=row.line, payee=row.match.payee, amount=format_money(row.amount.pence
                                                                          if row.amount else 0),
                date=format_date(row.match.on)))
    if preview.closing is not None:
        print(_("The file says the balance was {balance} on {date}.").format(
            balance=format_money(preview.closing.balance.pence),
            date=format_date(preview.closing.on)))
    if result is not None and result.learned:
        print(ngettext("Remembered {n} payee rule from your records (see careledger "
                       "payee-rules list).", "Remembered {n} payee rules from your records "
                       "(see careledger payee-rules list).", result.learned).format(
            n=result.learned))


def _chosen_mapping(path: Path, spec: str) -> tuple[tuple[str, ...], ColumnMapping]:
    """A mapping from 'role=Header Name' (or 'role=3', the third column) pairs, matched
    against the file's own header."""
    key = header_of(records(decode(read_statement_bytes(path))))
    roles: dict[str, int] = {}
    for part in spec.split(","):
        role, _sep, name = part.partition("=")
        role, name = role.strip().replace("-", "_"), " ".join(name.casefold().split())
        column = int(name) - 1 if name.isdigit() and int(name) >= 1 else (
            key.index(name) if name in key else None)
        if role not in ROLES or column is None:
            raise UnreadableStatement(_("“{part}” does not match this file. Roles are {roles}; "
                                        "columns are {names}.").format(
                part=part.strip(), roles=", ".join(ROLES),
                names=", ".join(key) or _("numbered from 1")))
        roles[role] = column
    try:
        return key, ColumnMapping.from_json(dict(roles))
    except (TypeError, ValueError) as error:
        raise UnreadableStatement(_("--columns needs date, description and amount (or money_out "
                                    "and money_in).")) from error
