"""Download a register file over HTTP into a temporary file: nothing else is touched.

A conditional request (If-None-Match / If-Modified-Since) lets the server answer 304 when the
file has not changed. The body is streamed to a temporary file beside the register, with
progress and cancel between chunks; a download that stops early, a server error or a cancel
deletes the temporary file and raises. A web page (CQC's "Using CQC data") is read for the
link to the current file, which is then downloaded. An Open Referral UK feed that says it has
more pages is read page by page into one JSON list. No database here: this runs on a worker
thread in the window.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from app import __version__
from app.domain.errors import DomainError
from app.i18n import _

Progress = Callable[[str, int, int], None]  # (stage, done, total); total 0 when unknown
Cancelled = Callable[[], bool]

TIMEOUT = httpx.Timeout(30.0, connect=15.0)
CHUNK = 64 * 1024
MAX_FEED_PAGES = 2000  # an ORUK feed that claims more is not followed to the end
USER_AGENT = f"CareLedger/{__version__} (register update)"
# The links on CQC's "Using CQC data" page that lead to the care directory (a CSV file
# named like 01_January_2026_CQC_directory.csv; older ones were zipped).
CQC_DIRECTORY_LINK = re.compile(r"_CQC_directory\.csv$", re.IGNORECASE)


class DownloadError(DomainError):
    """The download failed; nothing was changed."""


class DownloadCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__(_("The download was cancelled. The register is unchanged."))


@dataclass(frozen=True)
class Validators:
    """What the server said identifies this version of the file."""

    etag: str = ""
    last_modified: str = ""
    sha256: str = ""  # of the body, for servers that send neither header

    def request_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class Download:
    """A finished download. `path` is None when the server said the file is unchanged."""

    url: str  # the file's own address (after following a page's link)
    path: Path | None
    validators: Validators
    size: int = 0

    def discard(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def _never() -> bool:
    return False


def _quiet(stage: str, done: int, total: int) -> None:
    pass


def new_client() -> httpx.Client:
    return httpx.Client(timeout=TIMEOUT, follow_redirects=True,
                        headers={"User-Agent": USER_AGENT})


def download(client: httpx.Client, url: str, folder: Path, known: Validators | None = None,
             progress: Progress | None = None, cancelled: Cancelled | None = None,
             known_for: Callable[[str], Validators | None] | None = None) -> Download:
    """Fetch `url` (a register file, a page linking to one, or an ORUK feed) into `folder`.

    `known` holds the validators stored for `url`; `known_for(file_url)` gives them for the
    file a page links to."""
    progress, cancelled = progress or _quiet, cancelled or _never
    got = _fetch(client, url, folder, known, progress, cancelled)
    if got.path is not None and _is_html(got.path):
        page = got.path.read_text("utf-8", errors="replace")
        got.discard()
        link = find_register_link(page, url)
        if link is None:
            raise DownloadError(_("The page at {url} has no link to a register file.").format(
                url=url))
        got = _fetch(client, link, folder, known_for(link) if known_for else None, progress,
                     cancelled)
    if got.path is not None:
        got = _whole_feed(client, got, progress, cancelled)
    return got


def _fetch(client: httpx.Client, url: str, folder: Path, known: Validators | None,
           progress: Progress, cancelled: Cancelled) -> Download:
    _check_url(url)
    host = urlsplit(url).netloc
    try:
        with client.stream("GET", url, headers=(known or Validators()).request_headers()
                           ) as response:
            if response.status_code == 304 and known is not None:
                return Download(str(response.url), None, known)
            if response.status_code != 200:
                raise DownloadError(_("The server at {host} answered “{status} {reason}”. "
                                      "The register is unchanged. Try again later.").format(
                    host=host, status=response.status_code, reason=response.reason_phrase))
            total = int(response.headers.get("Content-Length") or 0)
            with _temporary_file(folder, _suffix(str(response.url))) as (path, out):
                digest, size = hashlib.sha256(), 0
                for chunk in response.iter_bytes(CHUNK):
                    if cancelled():
                        raise DownloadCancelled()
                    out.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                    progress("downloading", size, total)
                if total and size != total:
                    raise _stopped_early(host)
                out.flush()
                os.fsync(out.fileno())
            validators = Validators(response.headers.get("ETag", ""),
                                    response.headers.get("Last-Modified", ""),
                                    digest.hexdigest())
            return Download(str(response.url), path, validators, size)
    except (httpx.RemoteProtocolError, httpx.ReadError) as error:
        raise _stopped_early(host) from error
    except httpx.TimeoutException as error:
        raise DownloadError(_("The server at {host} took too long to answer. The register "
                              "is unchanged. Try again later.").format(host=host)) from error
    except httpx.HTTPError as error:
        raise DownloadError(_("Could not reach {host}: {reason}. Check the internet "
                              "connection. The register is unchanged.").format(
            host=host, reason=error)) from error


def _stopped_early(host: str) -> DownloadError:
    return DownloadError(_("The download from {host} stopped before the end. The register "
                           "is unchanged. Try again later.").format(host=host))


def _check_url(url: str) -> None:
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise DownloadError(_("“{url}” is not a web address. It should start with https://.")
                            .format(url=url))


@contextmanager
def _temporary_file(folder: Path, suffix: str) -> Iterator[tuple[Path, Any]]:
    """A new file in `folder`, deleted again if the block fails."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".download-", suffix=suffix, dir=folder)
    path = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            yield path, out
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _suffix(url: str) -> str:
    suffix = Path(urlsplit(url).path).suffix.lower()
    return suffix if suffix in (".csv", ".json", ".zip") else ""


def _is_html(path: Path) -> bool:
    with path.open("rb") as f:
        start = f.read(512).lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html"))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(v for k, v in attrs if k == "href" and v)


def find_register_link(page: str, page_url: str) -> str | None:
    """The first link on the page to a CQC care directory file, as a full address."""
    parser = _Links()
    parser.feed(page)
    for href in parser.hrefs:
        if CQC_DIRECTORY_LINK.search(urlsplit(href).path):
            return urljoin(page_url, href)
    return None


# --- Open Referral UK feeds: page 1 says how many pages there are -------------------------

def _pages(document: Any) -> int:
    if not isinstance(document, dict):
        return 1
    for key in ("total_pages", "totalPages"):
        value = document.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return min(max(value, 1), MAX_FEED_PAGES)
    return 1


def _items(document: Any) -> list[Any]:
    for key in ("contents", "content"):
        if isinstance(document, dict) and isinstance(document.get(key), list):
            return list(document[key])
    return []


def _whole_feed(client: httpx.Client, first: Download, progress: Progress,
                cancelled: Cancelled) -> Download:
    """Page 1 of a paged ORUK feed -> every page's items, as one JSON list."""
    assert first.path is not None
    if first.path.suffix not in ("", ".json") or first.size > 50 * 1024 * 1024:
        return first
    try:
        document = json.loads(first.path.read_bytes())
    except (ValueError, UnicodeDecodeError):
        return first  # not JSON: the importer will say what it is
    pages = _pages(document)
    if pages <= 1:
        return first
    items = _items(document)
    for page in range(2, pages + 1):
        if cancelled():
            first.discard()
            raise DownloadCancelled()
        progress("downloading pages", page, pages)
        items.extend(_items(_page(client, first, page)))
    digest = hashlib.sha256(json.dumps(items, sort_keys=True).encode()).hexdigest()
    first.path.write_text(json.dumps(items), encoding="utf-8")
    return Download(first.url, first.path, Validators(sha256=digest), first.size)


def _page(client: httpx.Client, first: Download, page: int) -> Any:
    url = httpx.URL(first.url).copy_merge_params({"page": page})
    host = url.host
    try:
        response = client.get(url)
    except httpx.HTTPError as error:
        first.discard()
        raise _stopped_early(host) from error
    if response.status_code != 200:
        first.discard()
        raise DownloadError(_("The server at {host} answered “{status} {reason}” for page "
                              "{page}. The register is unchanged.").format(
            host=host, status=response.status_code, reason=response.reason_phrase, page=page))
    try:
        return response.json()
    except ValueError as error:
        first.discard()
        raise DownloadError(_("Page {page} from {host} is not JSON. The register is "
                              "unchanged.").format(page=page, host=host)) from error
