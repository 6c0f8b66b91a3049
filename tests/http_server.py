"""A real HTTP server on 127.0.0.1 for the register download tests (never the internet).

Each test says what the server holds: `server.put(path, body, etag=..., last_modified=...)`;
`server.cut(path)` makes it promise the whole file and close half way; `server.fail(path)`
answers 500 and `server.deny(path)` 401. It records every request with its headers.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest


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
