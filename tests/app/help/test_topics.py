"""The guide's pages: every topic in both languages, every picture there, every link leading
to a page, and the markup turned into HTML with alt text."""

from __future__ import annotations

import re

import pytest

from app.help.topics import (
    HELP_DIR,
    LANGUAGES,
    TOPICS,
    links_in,
    load_page,
    render,
    topic_file,
)

PAIRS = [(topic, language) for topic in TOPICS for language in LANGUAGES]


@pytest.mark.parametrize(("topic", "language"), PAIRS)
def test_every_topic_is_written_in_both_languages(topic: str, language: str) -> None:
    page = load_page(topic, language)
    assert topic_file(topic, language).is_file()
    assert page.title and page.title != topic
    assert "<h1>" in page.html


@pytest.mark.parametrize(("topic", "language"), PAIRS)
def test_every_picture_exists_and_is_in_the_pages_language(topic: str, language: str) -> None:
    page = load_page(topic, language)
    for image in page.images:
        assert (HELP_DIR / image).is_file(), image
        assert image.startswith(f"images/{language}/"), image
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', page.html)
    assert len(alts) == len(page.images) and all(len(alt) > 10 for alt in alts)


@pytest.mark.parametrize("topic", TOPICS)
def test_both_languages_show_the_same_pictures_and_links(topic: str) -> None:
    english, welsh = load_page(topic, "en"), load_page(topic, "cy")
    assert [i.replace("/en/", "/") for i in english.images] == \
        [i.replace("/cy/", "/") for i in welsh.images]
    assert links_in(topic_file(topic, "en").read_text()) == \
        links_in(topic_file(topic, "cy").read_text())


def test_every_link_leads_to_a_page_and_every_page_is_in_the_contents() -> None:
    for topic, language in PAIRS:
        for target in links_in(topic_file(topic, language).read_text()):
            assert target in TOPICS, (topic, target)
    assert set(links_in(topic_file("contents", "en").read_text())) == set(TOPICS) - {"contents"}


def test_every_picture_is_used_and_all_are_small() -> None:
    used = {image for topic, language in PAIRS for image in load_page(topic, language).images}
    files = {str(p.relative_to(HELP_DIR)) for p in (HELP_DIR / "images").rglob("*.png")}
    assert files == used
    assert sum((HELP_DIR / f).stat().st_size for f in files) < 600 * 1024


def test_pages_are_short_lines_of_plain_words() -> None:
    for topic, language in PAIRS:
        for line in topic_file(topic, language).read_text().splitlines():
            if not line.startswith("!["):
                assert len(line) <= 110, (topic, language, line)


def test_the_markup_becomes_html_with_alt_text() -> None:
    page = render("x", "# Title <b>\n\nOne idea.\n- **Save** it\n- [Go](entry)\n"
                       "![The window & its button](images/en/entry.png)")
    assert page.title == "Title <b>"
    assert "<h1>Title &lt;b&gt;</h1>" in page.html
    assert "<p>One idea.</p>" in page.html
    assert "<ul><li><b>Save</b> it</li><li><a href=\"topic:entry\">Go</a></li></ul>" in page.html
    assert 'alt="The window &amp; its button"' in page.html
    assert page.images == ("images/en/entry.png",)


def test_an_unknown_topic_gives_the_contents() -> None:
    assert load_page("no_such_page", "en").topic == "contents"
