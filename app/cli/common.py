"""What every profile command shares: which profile, and opening it as a ProfileContext."""

from __future__ import annotations

import argparse
from datetime import date

from app.cli import data_dir
from app.cli.secrets import read_passphrase
from app.domain.errors import DomainError, ValidationError
from app.domain.money import Money
from app.i18n import ParseError, _, parse_date, parse_money
from app.services.context import ProfileContext, open_context


def profile_name(args: argparse.Namespace, own: str | None) -> str:
    name = own or args.profile
    if not name:
        raise DomainError(_("Say which profile with --profile NAME."))
    return str(name)


def opened(args: argparse.Namespace, own: str | None, read_only: bool = False
           ) -> ProfileContext:
    """The profile the command names, unlocked with the passphrase (use it in `with`)."""
    return open_context(data_dir(args), profile_name(args, own), read_passphrase(),
                        read_only=read_only)


def day(text: str | None, field: str = "date", default: date | None = None) -> date:
    """A date typed on the command line (YYYY-MM-DD, or as the locale writes it)."""
    if not text:
        if default is None:
            raise ValidationError(field, _("Give a date, e.g. 2026-04-01."))
        return default
    try:
        return parse_date(text)
    except ParseError as error:
        raise ValidationError(field, str(error)) from error


def money(text: str | None, field: str = "amount") -> Money:
    """An amount typed on the command line: 12.50, -120.50, £1,100.00."""
    try:
        return Money(parse_money(text or ""))
    except ParseError as error:
        raise ValidationError(field, str(error)) from error
