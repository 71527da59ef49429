"""Browser fixtures: Debian's Chromium driven by Playwright, against the session's built site
served on loopback. Without a Chromium these tests skip, unless REQUIRE_BROWSER=1."""

import os
from pathlib import Path

import pytest

from checks.browser import PHONE, chromium_unavailable, launch
from checks.page_kinds import one_of_each_kind
from checks.parity import FAQ_PAGE
from checks.search import queries
from checks.search_ui import open_search, prefix_trap
from checks.site import PROJECT, build_site, site_path
from checks.static_server import serve

from ..params import PAGES, other_languages
from .recording import first_visit
from .reused_page import ReusedPage
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
    result = build_site(PROJECT, site, site_url=url)
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
    shared by the tests that judge it; all rounds on one phone page, fresh for each."""
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    reader = ReusedPage(context)
    rounds = {}

    def round_of(language, page):
        if (language, page) not in rounds:
            others = other_languages(language)
            rounds[language, page] = tour(reader.fresh(), base_url, site_dir, language, page, others)
        return rounds[language, page]

    yield round_of
    context.close()


@pytest.fixture(scope="session")
def phone_page(browser, base_url):
    """One phone-sized page for the session (reused_page.py), which `phone` makes fresh."""
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    yield ReusedPage(context)
    context.close()


@pytest.fixture
def phone(phone_page):
    """The session's phone page, as a new one would be (ReusedPage.fresh); page.activity keeps
    what it logs and requests. A test that opens another page in its context closes it."""
    page = phone_page.fresh()
    yield page
    leftovers = [other for other in page.context.pages if other is not page]
    for other in leftovers:  # closed here, so that the next test starts clean all the same
        other.close()
    assert leftovers == [], f"pages left open in the phone's context: {[other.url for other in leftovers]}"


@pytest.fixture(scope="session")
def traps(browser, base_url):
    """trap(language): the Enter trap of the language's queries (search_queries.yml), as
    checks.search_ui.prefix_trap finds it in the site's search: a query of several words whose
    top result differs from that of its words but the last, with that prefix and both tops.
    Found once a session (it searches the queries one by one) and shared by the Enter tests and
    their twins; fails naming the file when the queries offer none."""
    found = {}

    def trap(language):
        if language not in found:
            context = browser.new_context(viewport=PHONE, base_url=base_url)
            try:
                page = context.new_page()
                page.goto(site_path(language, FAQ_PAGE))
                open_search(page)
                found[language] = prefix_trap(page, queries(language))
            finally:
                context.close()
        if found[language] is None:
            pytest.fail(f"[{language.locale}] search_queries.yml: no query of several words whose top result "
                        "differs from that of its words but the last; add one", pytrace=False)
        return found[language]

    return trap


@pytest.fixture(scope="session")
def slow_search_url(site_dir, tmp_path_factory):
    """The built site, its search worker answering each query 60 ms late (search_copies.py),
    served on loopback: Enter is pressed before the answers, as on a slow phone."""
    site = slow_answers(copy_site(site_dir, tmp_path_factory.mktemp("slow-search") / "site"))
    with serve(site) as url:
        yield url


@pytest.fixture
def one_page_per_kind(request, site_dir):
    """For a test of each page: skip the page unless it is one of the fewest pages that show
    between them every kind of element (checks/page_kinds.py); the fast tier checks every page's
    HTML."""
    language, page = request.node.callspec.params["language"], request.node.callspec.params["page"]
    if page not in one_of_each_kind(site_dir, language, tuple(PAGES)):
        pytest.skip("built of the kinds of element other pages show: the browser visits those (checks/page_kinds.py)")
