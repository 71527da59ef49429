"""Serve a built site on loopback the way GitHub Pages does: files as they are, and the root
404.html, with status 404, for any path that has no file. Used by the browser tests and the
benchmarks; `python -m tools.static_server site/` serves a build by hand.

With per_folder_404 (`--per-folder-404`), it serves instead the 404.html nearest to the missing
path (es/404.html for /es/...), as hosts that honour per-folder 404 pages do."""

from __future__ import annotations

import argparse
import contextlib
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


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

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if self.per_folder_404:
            not_found_page = nearest_not_found_page(Path(self.directory), self.path)
        if code != 404 or not not_found_page.is_file():
            return super().send_error(code, message, explain)
        body = not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep test output quiet
        pass


class PerFolderNotFoundHandler(GitHubPagesHandler):
    per_folder_404 = True


@contextlib.contextmanager
def serve(site_dir: Path, port: int = 0, per_folder_404: bool = False):
    """Serve site_dir on 127.0.0.1 in a background thread; yields the base URL ("http://.../")."""
    handler_class = PerFolderNotFoundHandler if per_folder_404 else GitHubPagesHandler
    handler = partial(handler_class, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site_dir", type=Path, help="a built site, e.g. site/")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument(
        "--per-folder-404", action="store_true", help="nearest 404.html, not the root one"
    )
    args = parser.parse_args()
    with serve(args.site_dir, args.port, args.per_folder_404) as url:
        print(f"Serving {args.site_dir} at {url} (Ctrl+C to stop)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
