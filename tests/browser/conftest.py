"""Browser fixtures: Debian's Chromium driven by Playwright, against the session's built site
served on loopback. Without a Chromium these tests skip, unless REQUIRE_BROWSER=1."""

import os
from pathlib import Path

import pytest

from checks.browser import PHONE, chromium_unavailable, fast_forward_transitions, launch
from checks.site import ROOT, build_site, site_path
from checks.static_server import serve

from ..params import other_languages
from .recording import first_visit, record
from .search_copies import copy_site, slow_answers
from .tour import tour


@pytest.fixture(autouse=True, scope="session")
def chromium_available():
    """Skip the browser tests without a Chromium, or fail them where REQUIRE_BROWSER=1."""
    reason = chromium_unavailable()
    if reason and os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    if reason:
        pytest.skip(reason)


def build_for(url: str, site: Path) -> None:
    """Build the site into the folder served at url, with url as its site_url."""
    result = build_site(ROOT, site, site_url=url)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.log}", pytrace=False)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    """The site served the GitHub Pages way on 127.0.0.1 (root 404.html for any missing path),
    built with that address as its site_url, as a deployment is built for its own host: the
    absolute hreflang links, and the sitemaps Material fetches next to them, stay on it."""
    site = tmp_path_factory.mktemp("served-site")
    with serve(site) as url:
        build_for(url, site)
        yield url


@pytest.fixture(scope="session")
def per_folder_404_url(tmp_path_factory):
    """The same, on a host that answers a missing path with the nearest folder's 404.html."""
    site = tmp_path_factory.mktemp("served-site-per-folder-404")
    with serve(site, per_folder_404=True) as url:
        build_for(url, site)
        yield url


@pytest.fixture(scope="session")
def browser(chromium_available):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def first_visits(browser, base_url, site_dir):
    """visit(language, page): the page's first load (recording.first_visit), made once a session
    and shared by the tests that judge it."""
    visits = {}

    def visit(language, page):
        if (language, page) not in visits:
            visits[language, page] = first_visit(browser, base_url, site_dir, site_path(language, page))
        return visits[language, page]

    return visit


@pytest.fixture(scope="session")
def tours(browser, base_url, site_dir):
    """round(language, page): a reader's round of the page (tour.tour), made once a session and
    shared by the tests that judge it."""
    rounds = {}

    def round_of(language, page):
        if (language, page) not in rounds:
            others = other_languages(language)
            rounds[language, page] = tour(browser, base_url, site_dir, language, page, others)
        return rounds[language, page]

    return round_of


@pytest.fixture(scope="session")
def phone_tab(browser, base_url):
    """One phone-sized page for the session, which `phone` resets for each test. A new page costs
    Chromium a renderer process, about 0.4 s of CPU; the reset, a tenth of that. Its transitions
    run fast-forward: the tests judge where they end, none how they move."""
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    page = context.new_page()
    page.devtools = fast_forward_transitions(page)
    page.activity = record(page)
    yield page
    context.close()


@pytest.fixture
def phone(phone_tab, base_url):
    """The session's phone page, as a new one would be: no colour scheme emulated, nothing stored
    by the site, nothing cached, nothing recorded yet; page.activity keeps what it logs and
    requests. Between tests it rests on the site's robots.txt: a document of the site's own
    origin, where the site's storage can be emptied.
    A test that adds a listener removes it; one that opens another page in its context closes it."""
    page = phone_tab
    page.goto(base_url + "robots.txt")
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear() }")
    page.context.clear_cookies()
    page.devtools.send("Network.clearBrowserCache")
    page.emulate_media(color_scheme="light")  # Playwright's default
    fast_forward_transitions(page, page.devtools)  # robots.txt, a text file, undid it
    page.activity.clear()
    yield page
    leftovers = [other.url for other in page.context.pages if other is not page]
    assert leftovers == [], f"pages left open in the phone's context: {leftovers}"


@pytest.fixture(scope="session")
def slow_search_url(site_dir, tmp_path_factory):
    """The built site, its search worker answering each query 60 ms late (search_copies.py),
    served on loopback: Enter is pressed before the answers, as on a slow phone."""
    site = slow_answers(copy_site(site_dir, tmp_path_factory.mktemp("slow-search") / "site"))
    with serve(site) as url:
        yield url
