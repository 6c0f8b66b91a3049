"""`careledger backup|restore|history|people`: keeping a profile safe and accountable."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK, data_dir
from app.cli.secrets import read_passphrase
from app.domain.audit import AuditEvent
from app.domain.errors import DomainError
from app.domain.roles import Role
from app.i18n import _, format_when
from app.services.auto_backups import BackupListing, list_backups, restore_automatic
from app.services.backups import export_profile, restore_profile
from app.services.context import open_context
from app.services.history import Difference
from app.services.profiles import open_profile

EXIT_HISTORY_BROKEN = 3


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = subparsers.add_parser(
        "backup", help=_("Back up a profile to one encrypted file (NAME --out FILE), list its "
                         "automatic backups (list NAME) or restore one (restore NAME)."))
    backup.add_argument("words", nargs="+", metavar="NAME | list NAME | restore NAME")
    backup.add_argument("--out", type=Path, default=None, help=_("The file to write."))
    backup.add_argument("--number", type=int, default=None,
                        help=_("With restore: which backup, as numbered by list "
                               "(default: the newest whole one)."))
    backup.set_defaults(func=_backup)

    restore = subparsers.add_parser("restore", help=_("Restore a profile from a backup file."))
    restore.add_argument("file", type=Path)
    restore.add_argument("--as", dest="as_name", default=None,
                         help=_("Restore under this name instead."))
    restore.add_argument("--replace", action="store_true",
                         help=_("Replace a profile of the same name (it is kept whole first)."))
    restore.set_defaults(func=_restore)

    history = subparsers.add_parser("history", help=_("Show who changed what, and when."))
    history.add_argument("name")
    history.add_argument("--verify", action="store_true",
                         help=_("Check that nobody changed the history behind CareLedger."))
    history.set_defaults(func=_history)

    people = subparsers.add_parser("people", help=_("List or add who may act for a profile."))
    people.add_argument("name")
    people.add_argument("--add", default=None, metavar="PERSON")
    people.add_argument("--role", default=Role.CARER.value, choices=[r.value for r in Role])
    people.set_defaults(func=_people)


def _backup(args: argparse.Namespace) -> int:
    words = args.words
    if len(words) == 2 and words[0] in ("list", "restore"):
        return (_list_backups if words[0] == "list" else _restore_backup)(args, words[1])
    if len(words) != 1 or args.out is None:
        raise DomainError(_("Say what to do: careledger backup NAME --out FILE, "
                            "careledger backup list NAME, or careledger backup restore NAME."))
    # Read-only: a backup can be taken even while another window has the profile open.
    with open_profile(data_dir(args), words[0], read_passphrase(), read_only=True) as profile:
        out = export_profile(profile, args.out)
    print(_("Backed up to {path}. Keep it safe: it opens with the passphrase.").format(path=out))
    return EXIT_OK


def _list_backups(args: argparse.Namespace, name: str) -> int:
    found = list_backups(data_dir(args), name, read_passphrase())
    if not found:
        print(_("This profile has no automatic backups yet. One is made each time you close "
                "it after a change."))
    for item in found:
        print(describe_backup(item))
    return EXIT_OK


def _restore_backup(args: argparse.Namespace, name: str) -> int:
    result = restore_automatic(data_dir(args), name, read_passphrase(), args.number)
    print(_("Restored the backup from {when}.").format(when=format_when(result.restored.made_at)))
    if result.kept is not None:
        print(_("The records that were there are kept as a backup too: "
                "careledger backup list NAME shows them."))
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    result = restore_profile(data_dir(args), args.file, read_passphrase(), args.as_name,
                             replace=args.replace)
    if result.kept_copy is not None:
        print(_("The profile that was here is kept whole, with its own passphrase and "
                "backups, in {path}. To bring it back: careledger restore {path} "
                "--replace").format(path=result.kept_copy))
    if result.upgraded_from is not None:
        print(_("The backup was made by an older CareLedger; it has been brought up to date."))
    print(_("Restored “{name}”.").format(name=result.info.display_name))
    return EXIT_OK


def describe_backup(item: BackupListing) -> str:
    return (f"{item.number:>3}  {format_when(item.made_at)}  {item.kind_label}  "
            f"({item.state_label})")


MAX_SHOWN = 50


def _describe_difference(difference: Difference) -> str:
    key = "/".join(str(k) for k in difference.key)
    if difference.kind == "changed":
        return _("{table} {key} was changed outside CareLedger: {columns}").format(
            table=difference.table, key=key, columns=", ".join(difference.columns))
    if difference.kind == "missing":
        return _("{table} {key} was removed outside CareLedger.").format(
            table=difference.table, key=key)
    return _("{table} {key} was added outside CareLedger.").format(
        table=difference.table, key=key)


def _describe(event: AuditEvent) -> str:
    what = f"{event.action} {event.entity} {event.entity_id}"
    return f"#{event.id}  {event.at}  {event.actor}  {what}"


def _history(args: argparse.Namespace) -> int:
    with open_context(data_dir(args), args.name, read_passphrase(), read_only=True) as ctx:
        if not args.verify:
            for event in ctx.history.events():
                print(_describe(event))
            return EXIT_OK
        check = ctx.history.verify()
    if check.first_broken is not None:
        print(_("The history has been changed outside CareLedger. First broken link:"))
        print(_describe(check.first_broken))
    for difference in check.differences[:MAX_SHOWN]:
        print(_describe_difference(difference))
    if len(check.differences) > MAX_SHOWN:
        print(_("… and {n} more records that do not match their history.").format(
            n=len(check.differences) - MAX_SHOWN))
    if check.v1_entries_not_matching:
        print(_("These entries did not match their older history when CareLedger was "
                "updated: {ids}").format(ids=", ".join(map(str, check.v1_entries_not_matching))))
    for head in check.missing_heads:
        print(_("A return or this computer was shown history up to {hash}, and that part of "
                "the history is no longer here.").format(hash=head[:16]))
    for evidence_id in check.damaged_documents:
        print(_("Document {id} is damaged: its bytes are not the ones stored.").format(
            id=evidence_id))
    if check.checkpoint_wrong:
        print(_("The balance kept for opening the ledger quickly does not match the entries: "
                "it was changed outside CareLedger."))
    if not check.is_whole:
        return EXIT_HISTORY_BROKEN
    print(_("The history is whole: {n} events checked.").format(n=check.events_checked))
    return EXIT_OK


def _people(args: argparse.Namespace) -> int:
    read_only = args.add is None
    with open_context(data_dir(args), args.name, read_passphrase(),
                      read_only=read_only) as ctx:
        if args.add is not None:
            ctx.people.add(args.add, Role(args.role))
        for person in ctx.people.list():
            print(f"{person.name}  ({person.role.label()})")
    return EXIT_OK
