"""Profile names: what a person may be called, when two names are the same, and folder names.

Two names are the same profile when they differ only by case, accents written two ways,
spaces or punctuation ("Ann Example", "ann-example", "ANN_EXAMPLE"): otherwise the second
person would be handed the first person's folder. Names are bounded, and may not hold
control or direction characters, which can make one name look like another on screen.
"""

from __future__ import annotations

import re
import unicodedata

from app.domain.errors import ValidationError
from app.i18n import _

MAX_NAME = 80  # characters, as people count them
SLUG_CHARS = 40
SLUG_BYTES = 120  # well under the 255-byte limit of file names on every common system
# Joiners are part of how some scripts (and emoji) are written; every other format
# character (right-to-left overrides, invisible marks) is refused.
_ALLOWED_FORMAT = {"\u200c", "\u200d"}
_REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
_WORD = re.compile(r"[^\W_]+")


def clean_name(text: str) -> str:
    """The name as it will be kept: composed (NFC), spaces tidied."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_key(name: str) -> str:
    """What must differ between two profiles: letters and digits, word by word, any case."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(_WORD.findall(unicodedata.normalize("NFC", folded)))


def check_name(name: str, field: str = "display_name") -> str:
    """The cleaned name, or a ValidationError saying plainly what is wrong with it."""
    if any(_refused(ch) for ch in name):
        raise ValidationError(field, _("A name cannot hold control or direction characters. "
                                       "Type it again without pasting it."))
    cleaned = clean_name(name)
    if not cleaned or not name_key(cleaned):
        raise ValidationError(field, _("Give the profile a name with at least one letter "
                                       "or digit."))
    if len(cleaned) > MAX_NAME:
        raise ValidationError(field, _("A name can have up to {n} characters.").format(
            n=MAX_NAME))
    return cleaned


def _refused(ch: str) -> bool:
    if ch in _ALLOWED_FORMAT or ch in " \t":
        return False
    return unicodedata.category(ch) in _REFUSED_CATEGORIES


def slugify(name: str) -> str:
    """A folder name from the profile name: short, safe on any file system."""
    words = _WORD.findall(unicodedata.normalize("NFKC", name).casefold())
    slug = "-".join(words)[:SLUG_CHARS].strip("-")
    while len(slug.encode("utf-8")) > SLUG_BYTES:
        slug = slug[:-1]
    return slug or "profile"
