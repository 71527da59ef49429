"""The browser fixtures see what they must catch: fed a deliberately broken page."""

import pytest

from checks.static_server import serve

from .recording import other_hosts, record

pytestmark = pytest.mark.browser

BROKEN_PAGE = """<!doctype html><html lang="fr"><title>cassée</title>
<img src="missing.png" alt=""><img src="http://localhost:9/elsewhere.png" alt="">
<script>throw new Error("deliberate")</script></html>"""


def test_console_errors_failed_and_foreign_requests_are_recorded(browser, tmp_path):
    (tmp_path / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    with serve(tmp_path) as url:
        context = browser.new_context()
        page = context.new_page()
        seen = record(page)
        page.goto(url)  # "load": both images have failed, the script has thrown
        context.close()
    assert any("deliberate" in error for error in seen.console_errors), seen
    assert f"404 {url}missing.png" in seen.failed_requests, seen
    assert other_hosts(seen.requests, url) == ["localhost:9"], seen
