"""Serve a built site on loopback the way GitHub Pages does: files as they are, and the root
404.html, with status 404, for any path that has no file; with gzip=True, text responses are
gzipped for clients that accept it, as GitHub Pages does. Used by the browser tests and the
benchmarks; `python -m commands.static_server site/ [--gzip]` serves a build by hand.

With per_folder_404 (`--per-folder-404`), it serves instead the 404.html nearest to the missing
path (es/404.html for /es/...), as hosts that honour per-folder 404 pages do."""

from __future__ import annotations

import contextlib
import gzip
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# What GitHub Pages compresses: text formats. Images and fonts are already compressed.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header allows gzip (and does not refuse it with q=0)."""
    for part in accept_encoding.split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() not in ("gzip", "*"):
            continue
        try:
            return float(params.strip().removeprefix("q=") or 1) > 0
        except ValueError:
            return False
    return False


def nearest_not_found_page(site_dir: Path, url_path: str) -> Path:
    """The 404.html of the deepest folder of url_path that has one, else the root one."""
    folders = url_path.split("?")[0].split("#")[0].strip("/").split("/")[:-1]
    for depth in range(len(folders), 0, -1):
        candidate = site_dir.joinpath(*folders[:depth], "404.html")
        if candidate.resolve().is_relative_to(site_dir.resolve()) and candidate.is_file():
            return candidate
    return site_dir / "404.html"


class GitHubPagesHandler(SimpleHTTPRequestHandler):
    per_folder_404 = False
    compress_text = False  # set by serve(gzip=True)

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if self.per_folder_404:
            not_found_page = nearest_not_found_page(Path(self.directory), self.path)
        if code != 404 or not not_found_page.is_file():
            return super().send_error(code, message, explain)
        self._send_body(HTTPStatus.NOT_FOUND, not_found_page.read_bytes(), "text/html; charset=utf-8", ".html")

    def send_head(self):
        """A text file gzipped when the client accepts it; anything else as the parent serves it
        (directory redirects, binary files, errors, the 404 page)."""
        path = self._text_file()
        if path is None:
            return super().send_head()
        self._send_body(HTTPStatus.OK, path.read_bytes(), self.guess_type(str(path)), path.suffix)
        return None

    def _text_file(self) -> Path | None:
        """The compressible file this request will get gzipped, or None."""
        if not (self.compress_text and accepts_gzip(self.headers.get("Accept-Encoding", ""))):
            return None
        local = self.translate_path(self.path)
        if local.endswith("/"):  # a directory's index page; the parent redirects "/dir" to "/dir/"
            local += "index.html"
        path = Path(local)
        return path if path.suffix in COMPRESSIBLE and path.is_file() else None

    def _send_body(self, status: int, body: bytes, content_type: str, suffix: str) -> None:
        compress = (
            self.compress_text
            and suffix in COMPRESSIBLE
            and accepts_gzip(self.headers.get("Accept-Encoding", ""))
        )
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        if self.compress_text:
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep test output quiet
        pass


class QuietServer(ThreadingHTTPServer):
    """Says nothing of a connection the client dropped mid-answer (a page closed, or navigated
    away, while a file was on its way): ordinary for a browser, not an error of the site."""

    def handle_error(self, request, client_address):
        # ConnectionError: a broken pipe, a reset or an aborted connection; anything else is printed
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site_dir: Path, port: int = 0, per_folder_404: bool = False, gzip: bool = False):
    """Serve site_dir on 127.0.0.1 in a background thread; yields the base URL ("http://.../").
    With gzip=True, text files (html, css, js, json, xml, svg) go out gzipped when accepted."""
    handler_class = type(
        "Handler", (GitHubPagesHandler,), {"per_folder_404": per_folder_404, "compress_text": gzip}
    )
    handler = partial(handler_class, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", port), handler)
    # Polled every 50 ms for shutdown, not 500: each test that serves a site stops sooner.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()

