"""Shared test set-up: Qt offscreen, a cheap key-derivation cost, English text, and ready-made
profiles (a fresh one, and a demo with a year of records) opened as ProfileContexts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # One laptop screen of 1366x768 (the smallest still common): windows are measured on it.
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "fixtures", "screen", "1366x768.json")
# Tests never touch the real OS keyring.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

import csv  # noqa: E402
import io  # noqa: E402
import threading  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass, field, replace  # noqa: E402
from datetime import date  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Literal  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
import sqlcipher3.dbapi2 as sqlcipher  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.errors import PasswordDeleteError  # noqa: E402

from app import i18n  # noqa: E402
from app.domain.funding import Frequency  # noqa: E402
from app.domain.money import Money  # noqa: E402
from app.services.context import ProfileContext, open_context  # noqa: E402
from app.services.demo import create_demo_profile  # noqa: E402
from app.services.profiles import CreatedProfile, NewProfile, create_profile  # noqa: E402
from app.store import database, keys  # noqa: E402
from app.store.profiles import ProfileDirectory, ProfileInfo  # noqa: E402
from app.store.writer import MIGRATING_FLAG  # noqa: E402

# argon2id at full cost takes ~150 ms; tests make hundreds of profiles. Files record their
# own cost, so this changes speed only, not behaviour.
CHEAP = keys.KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)
keys.DEFAULT_COST = CHEAP

PASSPHRASE = "correct horse battery"
NAME = "Ann Example"
START = date(2025, 4, 1)
DEMO_NAME = "Demo Alex"
DEMO_TODAY = date(2026, 3, 31)  # the demo's records run for the year up to this day
FIXTURES = Path(__file__).resolve().parent / "fixtures"  # sample bank and register files


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_locale("en_GB")
    yield
    i18n.set_locale("en_GB")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


def new_profile_request(name: str = NAME, **changes: Any) -> NewProfile:
    """£420 a week, paid four-weekly, from 1 April 2025, for Testshire County Council."""
    request = NewProfile(name, Money(42000), Frequency.FOUR_WEEKLY, START,
                         council_name="Testshire County Council", council_reference="TC-123")
    return replace(request, **changes)


@pytest.fixture
def make_ctx(data_dir: Path) -> Iterator[Callable[..., ProfileContext]]:
    """Make and open a fresh profile: make_ctx(name=..., any NewProfile field=...)."""
    opened: list[ProfileContext] = []

    def make(name: str = NAME, **changes: Any) -> ProfileContext:
        create_profile(data_dir, new_profile_request(name, **changes), PASSPHRASE)
        ctx = open_context(data_dir, name, PASSPHRASE)
        opened.append(ctx)
        return ctx

    yield make
    for ctx in opened:
        if ctx.profile.lock is not None and ctx.profile.lock.held:
            ctx.close()


@pytest.fixture
def ctx(make_ctx: Callable[..., ProfileContext]) -> ProfileContext:
    """A fresh profile, unlocked: £420 a week from 1 April 2025, no entries yet."""
    return make_ctx()


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo profile on disk with a year of records to DEMO_TODAY, made once per module."""
    folder = tmp_path_factory.mktemp("demo")
    i18n.set_locale("en_GB")
    create_demo_profile(folder, DEMO_NAME, PASSPHRASE, today=DEMO_TODAY)
    return folder


@pytest.fixture
def demo_ctx(demo_dir: Path) -> Iterator[ProfileContext]:
    opened = open_context(demo_dir, DEMO_NAME, PASSPHRASE)
    yield opened
    opened.close()


def read_every_table(ctx: ProfileContext) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every audited table, raw as stored: 'exactly the same' means this."""
    from app.store.writer import TABLES, all_columns

    with ctx.store.read() as repos:
        return {table: [tuple(row) for row in repos.conn.execute(
                    f'SELECT {", ".join(chr(34) + c + chr(34) for c in all_columns(table))} '
                    f'FROM "{table}" ORDER BY 1, 2')]
                for table in TABLES}


@pytest.fixture
def db_state() -> Callable[[ProfileContext], dict[str, list[tuple[object, ...]]]]:
    return read_every_table


@pytest.fixture
def make_profile(data_dir: Path) -> Callable[..., CreatedProfile]:
    """Make a profile without opening it: make_profile(name=..., passphrase=..., any NewProfile
    field=...). Returns what creation returns (its info and one-time recovery code)."""

    def make(name: str = NAME, passphrase: str = PASSPHRASE, **changes: Any) -> CreatedProfile:
        return create_profile(data_dir, new_profile_request(name, **changes), passphrase)

    return make


@pytest.fixture
def created(make_profile: Callable[..., CreatedProfile]) -> CreatedProfile:
    """A fresh profile on disk (NAME, PASSPHRASE), closed."""
    return make_profile()


# --- bank statements as a bank might write them (hypothesis) ----------------------------------

DATE_FORMS = ("%d/%m/%Y", "%Y-%m-%d", "%d %b %Y")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16")
CONTROL_CHARACTERS: tuple[Literal["Cc"]] = ("Cc",)
# Printable Latin-1 (so every encoding above can write it) and the odd line break inside quotes.
STATEMENT_TEXT = st.text(alphabet=st.one_of(st.characters(min_codepoint=32, max_codepoint=255,
                                                          blacklist_categories=CONTROL_CHARACTERS),
                                            st.just("\n")),
                         max_size=30)


def _amount_forms(pence: int) -> st.SearchStrategy[str]:
    whole, part = divmod(abs(pence), 100)
    plain = f"{whole}.{part:02d}"
    grouped = f"{whole:,}.{part:02d}"
    if pence < 0:
        return st.sampled_from([f"-{plain}", f"-{grouped}", f"({grouped})", f"-£{plain}",
                                f"£-{grouped}"])
    return st.sampled_from([plain, grouped, f"£{grouped}", f"+{plain}", f"£{plain}"])


@dataclass
class StatementLine:
    """One generated line: what it means (on, pence, description) and how it was written."""

    on: date
    pence: int
    description: str
    date_text: str
    amount_text: str
    good: bool


@st.composite
def _statement_lines(draw: st.DrawFn) -> StatementLine:
    on = draw(st.dates(date(2000, 1, 1), date(2030, 12, 31)))
    pence = draw(st.integers(-10**8, 10**8).filter(bool))
    broken = draw(st.booleans()) and draw(st.booleans())  # about one line in four
    date_text = on.strftime(draw(st.sampled_from(DATE_FORMS)))
    amount_text = draw(_amount_forms(pence))
    if broken:
        if draw(st.booleans()):
            date_text = draw(st.sampled_from(["", "31/02/2024", "yesterday", "2024-13-01"]))
        else:
            amount_text = draw(st.sampled_from(["", "1.234", "12,34", "ten", "£", "--1"]))
    return StatementLine(on, pence, draw(STATEMENT_TEXT), date_text, amount_text, not broken)


# (file bytes, [(line number, line)], debit/credit columns?, encoding)
GeneratedStatement = tuple[bytes, list[tuple[int, StatementLine]], bool, str]


@st.composite
def _statements(draw: st.DrawFn) -> GeneratedStatement:
    items = draw(st.lists(_statement_lines(), min_size=1, max_size=12))
    split = draw(st.booleans())  # debit/credit columns instead of one signed amount
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    header = ["Date", "Details", "Paid out", "Paid in", "Balance"] if split \
        else ["Date", "Description", "Amount", "Balance"]
    writer.writerow(header)
    placed: list[tuple[int, StatementLine]] = []
    line_no = 1
    for item in items:
        for _blank in range(draw(st.integers(0, 2))):
            out.write("\n")
            line_no += 1
        if split:
            magnitude = item.amount_text.lstrip("-+£(").rstrip(")").replace("£-", "")
            cells = [magnitude, ""] if item.pence < 0 else ["", magnitude]
            if not item.good:
                cells = [item.amount_text, ""]
            writer.writerow([item.date_text, item.description, *cells, "0.00"])
        else:
            writer.writerow([item.date_text, item.description, item.amount_text, "0.00"])
        line_no += 1
        placed.append((line_no, item))
        line_no += item.description.count("\n")
    encoding = draw(st.sampled_from(ENCODINGS))
    return out.getvalue().encode(encoding), placed, split, encoding


@pytest.fixture(scope="session")
def statement_files() -> st.SearchStrategy[GeneratedStatement]:
    """Generated bank statement files that know what each line should read as. Use with
    `@given(data=st.data())` and `data.draw(statement_files)` (a strategy, so session-wide)."""
    return _statements()


@pytest.fixture(scope="session")
def statement_text() -> st.SearchStrategy[str]:
    """Text a statement cell might hold (printable Latin-1 and the odd line break)."""
    return STATEMENT_TEXT


def _make_old_profile(data_dir: Path, name: str, revision: str) -> tuple[ProfileInfo, bytes]:
    directory = ProfileDirectory(data_dir)
    folder = directory.new_folder(name)
    data_key = keys.new_data_key()
    engine = database.open_engine(folder / "ledger.db", data_key)
    database.upgrade(engine, revision)
    with engine.begin() as conn:
        conn.info[MIGRATING_FLAG] = True  # as that version wrote it, before any guard
        try:
            conn.exec_driver_sql(
                "INSERT INTO person (display_name, council_name, council_reference, nhs_number, "
                "postcode, managed_by, preferred_language, is_demo) "
                "VALUES (?, '', '', '', '', 'self', 'en_GB', 0)", (name,))
        finally:
            conn.info.pop(MIGRATING_FLAG)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    directory.write_meta(folder, name, False, [keys.wrap(data_key, PASSPHRASE, "passphrase")])
    info = directory.find(name)
    assert info is not None
    return info, data_key


@pytest.fixture
def make_old_profile(data_dir: Path) -> Callable[[str, str], tuple[ProfileInfo, bytes]]:
    """make_old_profile(name, revision): a profile as an older CareLedger left it (schema at
    `revision`, one person row, PASSPHRASE); returns its info and data key."""
    return lambda name, revision: _make_old_profile(data_dir, name, revision)


def _data_key(info: ProfileInfo, passphrase: str = PASSPHRASE) -> bytes:
    wrapped = ProfileDirectory(info.folder.parent.parent).wrapped_keys(info)
    return keys.unwrap(next(k for k in wrapped if k.purpose == "passphrase"), passphrase)


@pytest.fixture
def data_key_of() -> Callable[..., bytes]:
    """data_key_of(info, passphrase=PASSPHRASE): the profile's data key, unwrapped as the app
    does (to check backups, or to change the file behind the app as an attacker would)."""
    return _data_key


@pytest.fixture
def tamper(data_key_of: Callable[..., bytes]) -> Callable[..., None]:
    """tamper(info, sql, passphrase=PASSPHRASE): change a closed profile's file as an attacker
    with the key would, straight through SQLCipher (past the app and its write guard)."""

    def change(info: ProfileInfo, sql: str, passphrase: str = PASSPHRASE) -> None:
        conn = sqlcipher.connect(str(info.database))
        try:
            conn.execute(f"PRAGMA key = \"x'{data_key_of(info, passphrase).hex()}'\"")
            conn.execute(sql)
            conn.commit()
        finally:
            conn.close()

    return change


def raw_connection(ctx: ProfileContext) -> Any:
    """The profile's database opened as an attacker with the key would: straight through the
    driver, no CareLedger code in between (no writer, no guard, no foreign keys)."""
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(ctx.info.database), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{ctx.profile.data_key.hex()}'\"")
    return conn


@pytest.fixture
def behind_the_app() -> Callable[[ProfileContext], Any]:
    return raw_connection


# --- a keyring in memory --------------------------------------------------------------------

class MemoryKeyring(KeyringBackend):
    """An in-memory keyring, so “remember on this computer” is tested without the OS one."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.stored.pop((service, username), None) is None:
            raise PasswordDeleteError("nothing stored")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A MemoryKeyring set as the keyring for the test; `.stored` holds what was kept."""
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


# --- a real HTTP server on 127.0.0.1, for the register download tests (never the internet) ----
#
# Each test says what the server holds: `server.put(path, body, etag=..., last_modified=...)`;
# `server.cut(path)` makes it promise the whole file and close half way; `server.fail(path)`
# answers 500 and `server.deny(path)` 401. It records every request with its headers.


@dataclass
class Served:
    body: bytes
    etag: str = ""
    last_modified: str = ""
    content_type: str = "application/octet-stream"
    mode: str = "ok"  # ok | cut | fail | deny


@dataclass
class LocalServer:
    base: str = ""
    files: dict[str, Served] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def put(self, path: str, body: bytes, **kwargs: str) -> str:
        self.files[path] = Served(body, **kwargs)
        return self.url(path)

    def cut(self, path: str) -> None:
        self.files[path].mode = "cut"

    def fail(self, path: str) -> None:
        self.files[path].mode = "fail"

    def deny(self, path: str) -> None:
        self.files[path].mode = "deny"


def _handler(state: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            state.requests.append((self.path, dict(self.headers)))
            served = state.files.get(urlsplit(self.path).path)
            if served is None or served.mode in ("fail", "deny"):
                self.send_error(404 if served is None else 500 if served.mode == "fail"
                                else 401)
                return
            if served.etag and self.headers.get("If-None-Match") == served.etag or (
                    served.last_modified
                    and self.headers.get("If-Modified-Since") == served.last_modified):
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", served.content_type)
            self.send_header("Content-Length", str(len(served.body)))
            for name, value in (("ETag", served.etag), ("Last-Modified", served.last_modified)):
                if value:
                    self.send_header(name, value)
            self.end_headers()
            if served.mode == "cut":  # promise the whole file, send half, hang up
                self.wfile.write(served.body[: len(served.body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(served.body)

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up (a cancelled download) is part of the tests


@pytest.fixture
def server() -> Iterator[LocalServer]:
    state = LocalServer()
    httpd = _QuietServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
