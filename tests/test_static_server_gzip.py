"""The loopback server of the browser tests and the benchmarks: GitHub Pages' 404 behaviour, and
gzip for text files when asked for (serve(..., gzip=True)), as GitHub Pages serves them."""

import gzip
import http.client
from urllib.parse import urlsplit

import pytest

from checks.static_server import accepts_gzip, serve

FILES = {
    "index.html": b"<!doctype html><title>home</title>" + b"<p>accueil</p>" * 50,
    "404.html": b"<!doctype html><title>not found</title>" + b"<p>introuvable</p>" * 50,
    "some-page/index.html": b"<!doctype html><title>some page</title>" + b"<p>question</p>" * 50,
    "assets/style.css": b"body { color: black; }\n" * 50,
    "search/search_index.json": b'{"docs": []}' * 50,
    "assets/logo.png": b"\x89PNG\r\n\x1a\n" + bytes(500),
}


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny_site")
    for name, body in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(body)
    return root


@pytest.fixture(scope="module")
def servers(tiny_site):
    """The tiny site served twice: {False: plain URL, True: gzip URL}."""
    with serve(tiny_site) as plain, serve(tiny_site, gzip=True) as gzipped:
        yield {False: plain, True: gzipped}


def fetch(base_url: str, path: str, accept_encoding: str | None = "gzip, deflate", method="GET"):
    """(status, headers, raw body) of one request, with no decoding on the client's side."""
    connection = http.client.HTTPConnection(urlsplit(base_url).netloc, timeout=10)
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {}
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return result


@pytest.mark.parametrize("path, name", [
    ("/", "index.html"),
    ("/some-page/", "some-page/index.html"),
    ("/assets/style.css", "assets/style.css"),
    ("/search/search_index.json", "search/search_index.json"),
])
def test_gzip_serves_text_files_compressed_to_clients_that_accept_it(servers, path, name):
    status, headers, body = fetch(servers[True], path)
    assert status == 200, f"{path}: status {status}"
    assert headers.get("content-encoding") == "gzip", f"{path}: headers {headers}"
    assert int(headers["content-length"]) == len(body) < len(FILES[name]), f"{path}: not smaller"
    assert gzip.decompress(body) == FILES[name], f"{path}: the body does not decompress to the file"


def test_gzip_leaves_binary_files_and_clients_without_gzip_alone(servers):
    png = fetch(servers[True], "/assets/logo.png")
    plain = fetch(servers[True], "/some-page/", accept_encoding=None)
    refused = fetch(servers[True], "/some-page/", accept_encoding="gzip;q=0, identity")
    assert "content-encoding" not in png[1] and png[2] == FILES["assets/logo.png"], f"png: {png[1]}"
    assert "content-encoding" not in plain[1] and plain[2] == FILES["some-page/index.html"], f"plain: {plain[1]}"
    assert "content-encoding" not in refused[1], f"q=0 must refuse gzip: {refused[1]}"


def test_without_the_gzip_option_nothing_is_compressed(servers):
    status, headers, body = fetch(servers[False], "/some-page/")
    assert (status, headers.get("content-encoding"), body) == (200, None, FILES["some-page/index.html"]), headers


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_an_unknown_path_gets_the_root_404_page_with_status_404(servers, compress):
    status, headers, body = fetch(servers[compress], "/es/no-such-page/")
    head_status, _, head_body = fetch(servers[compress], "/no-such-file.css", method="HEAD")
    if compress:
        assert headers.get("content-encoding") == "gzip", f"the 404 page is html, hence gzipped: {headers}"
        body = gzip.decompress(body)
    assert (status, body) == (404, FILES["404.html"]), f"status {status}, headers {headers}"
    assert (head_status, head_body) == (404, b""), "HEAD of a missing file: 404 with no body"


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_a_directory_without_its_slash_is_redirected(servers, compress):
    status, headers, _ = fetch(servers[compress], "/some-page")
    assert (status, headers.get("location")) == (301, "/some-page/"), headers


@pytest.mark.parametrize("header, accepted", [
    ("gzip", True), ("deflate, gzip;q=0.5", True), ("*", True), ("", False),
    ("br, deflate", False), ("gzip;q=0", False), ("gzip;q=bad", False),
])
def test_accept_encoding_is_read_like_a_browser_sends_it(header, accepted):
    assert accepts_gzip(header) is accepted, f"Accept-Encoding: {header!r}"
