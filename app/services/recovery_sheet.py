"""The printable recovery sheet: plain text the window can show, print or turn into a PDF."""

from __future__ import annotations

from datetime import date

from app.i18n import _, format_date


def recovery_sheet_text(display_name: str, recovery_code: str, made_on: date) -> str:
    lines = [
        _("CareLedger recovery sheet"),
        "",
        _("Profile: {name}").format(name=display_name),
        _("Made on: {date}").format(date=format_date(made_on, "long")),
        "",
        _("Recovery code:"),
        "",
        "    " + "  ".join(recovery_code.split("-")),
        "",
        _("If you forget your passphrase, this code lets you set a new one."),
        _("It works once. After you use it, CareLedger gives you a new code."),
        _("Keep this sheet somewhere safe and private, away from the computer."),
        _("Anyone with this code and the computer can open the records."),
        _("Nobody can get your records back without the passphrase or this code."),
    ]
    return "\n".join(lines) + "\n"
