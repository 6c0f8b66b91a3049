"""The translation pipeline is real: the template is current, catalogs compile, fields match."""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def catalog(path: Path) -> dict[str, str]:
    """msgid -> msgstr; a plural message is keyed by its singular and gives its first form."""
    with path.open("rb") as handle:
        found = {}
        message: Any
        for message in read_po(handle):
            m = message
            if not m.id:
                continue
            key = m.id if isinstance(m.id, str) else m.id[0]
            found[key] = m.string if isinstance(m.string, str) else (m.string[0] or "")
        return found


def source_messages() -> set[str]:
    found: set[str] = set()
    for folder in ("app", "ui"):
        for _file, _line, message, _comments, _ctx in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            found.update([message] if isinstance(message, str) else message[:1])
    return found


def test_template_has_every_string_in_the_code() -> None:
    missing = source_messages() - set(catalog(TRANSLATIONS / "careledger.pot"))
    assert not missing, f"run scripts/translations.sh; missing: {sorted(missing)[:5]}"


@pytest.mark.parametrize("lang", ["en_GB", "cy"])
def test_catalogs_are_merged_and_compiled(lang: str) -> None:
    po_path = TRANSLATIONS / lang / "LC_MESSAGES" / "careledger.po"
    assert set(catalog(TRANSLATIONS / "careledger.pot")) <= set(catalog(po_path))
    mo = gettext.translation("careledger", str(TRANSLATIONS), languages=[lang])
    with po_path.open("rb") as handle:
        messages: list[Any] = [m for m in read_po(handle) if m.id]
    for m in messages:
        if isinstance(m.id, str):
            if m.string:
                assert mo.gettext(m.id) == m.string, "run scripts/translations.sh to compile"
        elif any(m.string):
            # n = 1 picks the catalog's "one" form in both languages.
            index = 0 if lang == "en_GB" else 1
            assert mo.ngettext(m.id[0], m.id[1], 1) == m.string[index]


def test_welsh_keeps_every_placeholder() -> None:
    fields = re.compile(r"\{(\w*)\}")
    po = catalog(TRANSLATIONS / "cy" / "LC_MESSAGES" / "careledger.po")
    translated = {k: v for k, v in po.items() if v}
    assert len(translated) >= 80
    for msgid, msgstr in translated.items():
        assert sorted(fields.findall(msgid)) == sorted(fields.findall(msgstr)), msgid
