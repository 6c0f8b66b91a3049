"""The guide's pages: which there are, where their text and pictures live, and the little
Easy Read markup they are written in, turned into HTML for the help window.

A page is a file resources/help/<language>/<topic>.md:
  # Title             the page's title (first line)
  ## Heading          a heading within the page
  - an item           a list item
  ![what it shows](images/en/entry.png)   a picture of the real screen, with its alt text
  [Add an entry](entry)                   a link to another page of the guide
  **words**           words in bold
  any other line      a line of its own: one idea a line
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from app.i18n import active_locale
from app.paths import RESOURCES

HELP_DIR = RESOURCES / "help"
LANGUAGES = ("en", "cy")
# In the order of the contents; the first is shown when no page is asked for.
TOPICS = ("contents", "profiles", "entry", "overview", "bank_import", "statement",
          "providers", "visits", "pas", "outcomes", "backups", "text_language", "getting_help")
LINK_SCHEME = "topic"

_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)\)$")
_LINK = re.compile(r"\[([^\]]+)\]\(([a-z_]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class HelpPage:
    topic: str
    title: str
    html: str
    images: tuple[str, ...]  # paths relative to HELP_DIR


def help_language(locale: str | None = None) -> str:
    return "cy" if (locale or active_locale()).startswith("cy") else "en"


def topic_file(topic: str, language: str) -> Path:
    return HELP_DIR / language / f"{topic}.md"


def load_page(topic: str, language: str | None = None) -> HelpPage:
    """The page in the language asked (else the person's); an unknown topic gives the
    contents page."""
    language = language or help_language()
    if topic not in TOPICS:
        topic = TOPICS[0]
    return render(topic, topic_file(topic, language).read_text(encoding="utf-8"))


def render(topic: str, text: str) -> HelpPage:
    title = topic
    parts: list[str] = []
    images: list[str] = []
    items: list[str] = []

    def close_list() -> None:
        if items:
            parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("- "):
            items.append(_inline(line[2:]))
            continue
        close_list()
        if not line:
            continue
        if line.startswith("# "):
            title = line[2:].strip()
            parts.append(f"<h1>{_inline(title)}</h1>")
        elif line.startswith("## "):
            parts.append(f"<h2>{_inline(line[3:])}</h2>")
        elif found := _IMAGE.match(line):
            alt, src = found.groups()
            images.append(src)
            parts.append(f'<p><img src="{html.escape(src)}" alt="{html.escape(alt)}" '
                         f'title="{html.escape(alt)}"></p>')
        else:
            parts.append(f"<p>{_inline(line)}</p>")
    close_list()
    return HelpPage(topic, title, "\n".join(parts), tuple(images))


def _inline(text: str) -> str:
    escaped = html.escape(text, quote=False)
    escaped = _BOLD.sub(r"<b>\1</b>", escaped)
    return _LINK.sub(lambda m: f'<a href="{LINK_SCHEME}:{m[2]}">{m[1]}</a>', escaped)


def links_in(page_text: str) -> list[str]:
    """The topics a page links to."""
    return [m[2] for m in _LINK.finditer(page_text)]
