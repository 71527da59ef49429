"""The browser fixtures see what they must catch, fed a deliberately broken page; and a reused
page keeps nothing of the test before."""

import pytest

from checks.browser import PHONE, PLAYBACK_RATE
from checks.site import site_path
from checks.static_server import serve

from ..params import REFERENCE
from .recording import other_hosts, record
from .reused_page import ReusedPage

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


def test_a_reused_page_made_fresh_keeps_nothing_of_the_test_before(browser, base_url):
    """What a test may leave on the shared phone page (reused_page.py) is gone from the next
    one's: the site's storage, a route, another viewport, the dark scheme, what was recorded;
    and its transitions still run fast-forward (another DevTools session would undo that)."""
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    reused = ReusedPage(context)
    page = reused.fresh()
    page.goto(site_path(REFERENCE, "index.md"))
    page.evaluate("() => { localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1') }")
    page.route("**/*.css", lambda route: route.abort())
    page.reload()  # its stylesheets fail: recorded
    page.set_viewport_size({"width": 1000, "height": 500})
    page.emulate_media(color_scheme="dark")
    page = reused.fresh()
    page.goto(site_path(REFERENCE, "index.md"))
    stored = page.evaluate("() => localStorage.getItem('left') ?? sessionStorage.getItem('left')")
    dark = page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
    viewport, failed = page.viewport_size, list(page.activity.failed_requests)
    # A 2 s fade ends within a second only if it runs fast-forward
    page.evaluate(FADE)
    try:
        page.wait_for_function("() => document.getAnimations().length === 0", timeout=1000)
        fast = True
    except Exception:  # Playwright's TimeoutError: the fade still runs
        fast = False
    context.close()
    assert stored is None, f"the site's storage kept {stored!r}"
    assert not dark, "the dark scheme is still emulated"
    assert viewport == PHONE, f"viewport left at {viewport}"
    assert failed == [], f"recorded before, or a route left: {failed}"
    assert fast, "transitions no longer run fast-forward"


# A box fading in over 2 s, once it has been drawn transparent
FADE = """() => {
  const box = document.body.appendChild(document.createElement("div"))
  box.style.cssText = "opacity: 0; transition: opacity 2s; width: 10px; height: 10px"
  getComputedStyle(box).opacity
  box.style.opacity = 1
}"""
