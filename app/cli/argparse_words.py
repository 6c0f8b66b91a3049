"""argparse's own words (usage, errors, "show this help message and exit") in the person's
language: argparse asks gettext for them by these English texts, so they are marked here for
the catalogs and argparse is pointed at CareLedger's catalog (speak_our_language)."""

from __future__ import annotations

import argparse

from app.i18n import N_, _, ngettext

# What argparse says to people (Python 3.11 to 3.13); its messages for programmers are left.
WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def _plural_marks() -> None:  # pragma: no cover - never called: marks the plural for babel
    ngettext("expected %s argument", "expected %s arguments", 2)


def speak_our_language() -> None:
    """argparse looks its words up through these module names when it needs them."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
