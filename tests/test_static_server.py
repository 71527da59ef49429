"""checks/static_server.py answers missing paths as GitHub Pages does, or per folder when asked."""

import socket
import struct
import threading
import urllib.error
import urllib.request
from http.server import SimpleHTTPRequestHandler
from urllib.parse import urlsplit

import pytest

from checks import static_server
from checks.static_server import QuietServer, nearest_not_found_page, serve


@pytest.fixture
def site(tmp_path):
    """A tiny site: a page, the root 404.html and a folder's own."""
    (tmp_path / "part" / "some-page").mkdir(parents=True)
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    (tmp_path / "404.html").write_text("root 404", encoding="utf-8")
    (tmp_path / "part" / "404.html").write_text("folder 404", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/part/no-such-page/", "part/404.html"),
        ("/part/some-page/missing?q=1#x", "part/404.html"),
        ("/no-such-page/", "404.html"),
        ("/some-page/part/missing", "404.html"),
        ("/../part/missing", "404.html"),
    ],
)
def test_the_nearest_folder_404_is_found(site, path, expected):
    found = nearest_not_found_page(site, path).relative_to(site).as_posix()
    assert found == expected, f"{path}: {found}"


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.parametrize("per_folder_404, expected", [(False, "root 404"), (True, "folder 404")])
def test_a_missing_path_gets_404_and_the_right_page(site, per_folder_404, expected):
    with serve(site, per_folder_404=per_folder_404) as url:
        assert fetch(url) == (200, "home"), "the existing page is not served as is"
        assert fetch(url + "part/no-such-page/") == (404, expected), (
            f"per_folder_404={per_folder_404}"
        )
        assert fetch(url + "no-such-page/") == (404, "root 404"), f"per_folder_404={per_folder_404}"


def reset_mid_answer(url: str, path: str) -> None:
    """Ask for path and drop the connection unread, with a reset (as a closed tab does)."""
    address = urlsplit(url)
    with socket.create_connection((address.hostname, address.port)) as client:
        client.sendall(f"GET /{path} HTTP/1.1\r\nHost: test\r\n\r\n".encode())
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_connection_dropped_mid_answer_says_nothing_and_the_server_answers_on(site, capfd, monkeypatch):
    """Through serve(): the failed answer reaches the server's error handler, which prints no
    traceback, and the next request is answered."""
    handled = threading.Event()

    class Watched(QuietServer):
        def handle_error(self, request, client_address):
            super().handle_error(request, client_address)
            handled.set()

    monkeypatch.setattr(static_server, "QuietServer", Watched)
    (site / "big.txt").write_bytes(b"x" * 8_000_000)  # more than the socket buffers hold
    with serve(site) as url:
        reset_mid_answer(url, "big.txt")
        assert handled.wait(10), "the dropped connection never reached the server's error handler"
        assert fetch(url)[0] == 200, "no answer after a dropped connection"
    assert "Traceback" not in capfd.readouterr().err, "a dropped connection printed a traceback"


@pytest.mark.parametrize(
    "error, said",
    [(BrokenPipeError, False), (ConnectionResetError, False), (ValueError, True)],
    ids=["broken pipe", "reset", "another error"],
)
def test_only_a_real_error_of_the_server_is_printed(capsys, error, said):
    """The handler's choice, one error at a time: a dropped connection is quiet, any other
    error still prints its traceback."""
    server = QuietServer(("127.0.0.1", 0), SimpleHTTPRequestHandler)
    try:
        try:
            raise error("while answering")
        except error:
            server.handle_error(None, ("127.0.0.1", 1))
    finally:
        server.server_close()
    printed = capsys.readouterr().err
    assert (error.__name__ in printed) == said, f"{error.__name__}: printed {printed!r}"
