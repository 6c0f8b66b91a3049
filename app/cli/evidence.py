"""`careledger evidence attach|list|remove`: receipts for payments, and bank statements,
certificates and contracts for the profile, an account, a PA or a provider."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK
from app.cli.common import day, opened
from app.domain.documents import Dates, DocumentKind, Subject
from app.domain.errors import DomainError, ValidationError
from app.files import InputRefused, read_limited
from app.i18n import _, format_money
from app.services.evidence import MAX_BYTES
from app.statements.explain_text import document_text

# What a document filed with --account, --pa or --provider is when --kind does not say.
DEFAULT_KINDS = {Subject.ACCOUNT: DocumentKind.BANK_STATEMENT, Subject.PA: DocumentKind.CONTRACT,
                 Subject.PROVIDER: DocumentKind.CONTRACT}
KINDS = [k.value for k in DocumentKind]


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    evidence = subparsers.add_parser("evidence", help=_(
        "Receipts, bank statements, certificates and other evidence for the council."))
    actions = evidence.add_subparsers(dest="action", metavar="ACTION", required=True)

    attach = actions.add_parser("attach", help=_(
        "Keep a document: a receipt for a payment, or a bank statement, certificate or "
        "contract for the profile, an account, a PA or a provider."))
    attach.add_argument("--profile", dest="evidence_profile", default=None)
    attach.add_argument("file", type=Path, help=_("A photo (JPEG, PNG, HEIC, WebP, GIF) or PDF."))
    to = attach.add_mutually_exclusive_group(required=True)
    to.add_argument("--entry", type=int, help=_("The number of the payment it is for."))
    to.add_argument("--pa", help=_("The personal assistant it belongs to."))
    to.add_argument("--provider", help=_("The provider it belongs to."))
    to.add_argument("--account", help=_("The account it belongs to (a bank statement)."))
    to.add_argument("--profile-doc", choices=KINDS, metavar="KIND", help=_(
        "A document for the whole profile, of this kind (e.g. insurance_certificate)."))
    attach.add_argument("--kind", choices=KINDS, default=None, help=_(
        "What the document is: {kinds}.").format(kinds=", ".join(KINDS)))
    attach.add_argument("--from", dest="start", default=None,
                        help=_("First day it covers (YYYY-MM-DD)."))
    attach.add_argument("--to", dest="end", default=None,
                        help=_("Last day it covers, or the day it runs out (YYYY-MM-DD)."))
    attach.set_defaults(func=_attach)

    listing = actions.add_parser("list", help=_(
        "List the documents kept, or with --missing the payments that have none."))
    listing.add_argument("--profile", dest="evidence_profile", default=None)
    listing.add_argument("--missing", action="store_true",
                         help=_("List the payments with no receipt or invoice."))
    listing.add_argument("--from", dest="start", default=None, help=_("First day (YYYY-MM-DD)."))
    listing.add_argument("--to", dest="end", default=None, help=_("Last day (YYYY-MM-DD)."))
    listing.set_defaults(func=_list)

    remove = actions.add_parser("remove", help=_(
        "Take a document off the profile, an account, a PA or a provider (its number from "
        "“evidence list”)."))
    remove.add_argument("--profile", dest="evidence_profile", default=None)
    remove.add_argument("number", type=int, help=_("The document's number (D12 is 12)."))
    remove.set_defaults(func=_remove)


def _subject(args: argparse.Namespace) -> tuple[Subject, str]:
    for subject, value in ((Subject.PA, args.pa), (Subject.PROVIDER, args.provider),
                           (Subject.ACCOUNT, args.account)):
        if value:
            return subject, str(value)
    return Subject.PROFILE, ""


def _attach(args: argparse.Namespace) -> int:
    try:
        data = read_limited(args.file, MAX_BYTES)
    except (OSError, InputRefused) as error:
        raise DomainError(_("Could not read {path}.").format(path=args.file) + " " + (
            str(error) if isinstance(error, InputRefused) else "")) from error
    dates = Dates(day(args.start, "from") if args.start else None,
                  day(args.end, "to") if args.end else None)
    with opened(args, args.evidence_profile) as ctx:
        if args.entry is not None:
            if args.start or args.end:
                raise ValidationError("from", _("A payment's receipt takes its day from the "
                                                "payment: leave out --from and --to."))
            kind = DocumentKind(args.kind) if args.kind else None
            ctx.evidence.attach(args.entry, args.file.name, data, kind)
            print(_("Attached {name} to payment {id}.").format(name=args.file.name,
                                                             id=args.entry))
            return EXIT_OK
        subject, name = _subject(args)
        choice = ctx.evidence.find_choice(subject, name)
        kind = DocumentKind(args.kind or args.profile_doc or DEFAULT_KINDS[subject])
        filed = ctx.evidence.file(choice, kind, args.file.name, data, dates)
    print(_("Kept {name} as D{number}: {what}.").format(
        name=args.file.name, number=filed.link_id, what=document_text(filed)))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    start = day(args.start, "from") if args.start else None
    end = day(args.end, "to") if args.end else None
    with opened(args, args.evidence_profile, read_only=True) as ctx:
        if args.missing:
            missing = ctx.evidence.entries_without_evidence(start, end)
            for m in missing:
                print(_("{date}  payment {id}  {payee}  {amount}").format(
                    date=m.on.isoformat(), id=m.entry_id, payee=m.payee,
                    amount=format_money(abs(m.amount_pence))))
            print(_("{count} payments have no receipt or invoice.").format(count=len(missing))
                  if missing else _("Every payment has a receipt or invoice."))
            return EXIT_OK
        documents = ctx.evidence.documents(start, end)
    for doc in documents:
        number = f"D{doc.link_id}" if doc.link_id is not None else f"E{doc.evidence_id}"
        print(f"{number}  {doc.name}  {document_text(doc)}")
    if not documents:
        print(_("No documents kept for that time."))
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    with opened(args, args.evidence_profile) as ctx:
        ctx.evidence.remove_filed(args.number)
    print(_("Removed document D{number}.").format(number=args.number))
    return EXIT_OK
