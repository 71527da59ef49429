"""An editor's loop: `mkdocs serve` on a copy of the project, a page open in Chromium, the
Markdown edited beside it. The page shows the edit by itself; under the same strict
Content-Security-Policy as a deployment, no page logs an error, and search and the language
switcher work as on the built site."""

import re
from types import SimpleNamespace

import pytest

from checks.parity import FAQ_PAGE
from checks.search import queries
from checks.search_ui import open_search, query_problems
from checks.site import copy_project, mkdocs_serve
from checks.site import site_path as url_of

from ..params import LANGUAGES, each_language, each_kind_of_page, in_the_last_translation, other_languages
from .reused_page import ReusedPage

pytestmark = pytest.mark.browser

# How long an edit may take to show in the open page: a rebuild, then the page's reload.
RELOAD_SECONDS = 15


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A copy of the project under `mkdocs serve`: .url, .project and .log (its terminal)."""
    root = tmp_path_factory.mktemp("serve")
    project = copy_project(root / "project")
    log = root / "mkdocs-serve.log"
    with mkdocs_serve(project, log) as url:
        yield SimpleNamespace(url=url, project=project, log=log)


@pytest.fixture(scope="module")
def editor_page(browser, served):
    """One desktop-sized page on the dev server for the module (reused_page.py), which `editor`
    makes fresh. Its transitions run fast-forward, which no test here times."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=served.url)
    yield ReusedPage(context)
    context.close()


@pytest.fixture
def editor(editor_page):
    """The module's page on the dev server, as a new one would be; page.activity records what
    it logs."""
    return editor_page.fresh()


def live_reload_ran(page) -> bool:
    """Once the page has loaded: did the script `mkdocs serve` injects run (and start polling)?
    The Content-Security-Policy would block it, were its hash not allowed."""
    page.wait_for_load_state("load")
    return page.evaluate("typeof livereload") == "function"


@each_language
def test_an_edit_to_the_markdown_shows_in_the_open_page_by_itself(editor, served, language):
    page = FAQ_PAGE
    editor.goto(url_of(language, page))
    assert live_reload_ran(editor), f"[{language.locale}] {page}: the live-reload script did not run"
    marker = f"Edited under mkdocs serve ({language.locale})"
    source = served.project / "docs" / language.locale / page
    text = source.read_text(encoding="utf-8")
    source.write_text(text + f"\n{marker}\n", encoding="utf-8")
    try:
        editor.locator("article").get_by_text(marker).wait_for(timeout=RELOAD_SECONDS * 1000)
    except Exception:  # Playwright's TimeoutError: say what the editor would have seen
        terminal = served.log.read_text(encoding="utf-8")[-2000:]
        pytest.fail(
            f"[{language.locale}] {page}: the edit did not show in the open page within "
            f"{RELOAD_SECONDS} s; mkdocs serve said:\n{terminal}",
            pytrace=False,
        )
    finally:
        source.write_text(text, encoding="utf-8")
        # Until the page shows the edit undone: the rebuild is over, and cannot reload the next
        # test's page under it ("Execution context was destroyed").
        editor.locator("article").get_by_text(marker).wait_for(state="detached", timeout=RELOAD_SECONDS * 1000)
    assert editor.activity.csp_violations == [], f"[{language.locale}] {page}: CSP violations"
    assert editor.activity.console_errors == [], f"[{language.locale}] {page}: console errors"


def wait_or_fail(locator, state: str, served, what: str) -> None:
    """Wait for the locator's state, or fail saying what the editor would have seen, with what
    mkdocs serve said."""
    try:
        locator.wait_for(state=state, timeout=RELOAD_SECONDS * 1000)
    except Exception:  # Playwright's TimeoutError
        terminal = served.log.read_text(encoding="utf-8")[-2000:]
        pytest.fail(f"{what} within {RELOAD_SECONDS} s; mkdocs serve said:\n{terminal}", pytrace=False)


@in_the_last_translation
def test_a_slip_shows_in_the_open_page_naming_its_line_until_mended(editor, served, language):
    """Under mkdocs serve, a heading written without id: the page reloads with a danger box at
    the top of its content naming docs/<locale>/<page>.md:<line>; mended, the box goes."""
    page = sorted(p.name for p in (served.project / "docs" / language.locale).glob("*.md"))[0]
    editor.goto(url_of(language, page))
    assert live_reload_ran(editor), f"[{language.locale}] {page}: the live-reload script did not run"
    source = served.project / "docs" / language.locale / page
    text = source.read_text(encoding="utf-8")
    slipped = text.rstrip("\n") + "\n\n## A heading without id\n\nText.\n"
    line = slipped.split("\n").index("## A heading without id") + 1
    where = f"docs/{language.locale}/{page}:{line}"
    box = editor.locator("article .admonition.danger.editor-slips")
    source.write_text(slipped, encoding="utf-8")
    try:
        wait_or_fail(box.filter(has_text=where), "visible", served, f"[{language.locale}] {page}: no box naming {where}")
        said = box.inner_text()
        assert 'the heading "A heading without id" has no id: write' in said, f"[{language.locale}] the box says:\n{said}"
        first_heading = editor.locator("article h1, article h2").first
        at_top = box.evaluate("(box, heading) => !!(box.compareDocumentPosition(heading) & 4)", first_heading.element_handle())
        assert at_top, f"[{language.locale}] {page}: the box is not above the page's first heading"
    finally:
        source.write_text(text, encoding="utf-8")
    wait_or_fail(box, "detached", served, f"[{language.locale}] {page}: the box stayed once the slip was mended")
    assert editor.activity.csp_violations == [], f"[{language.locale}] {page}: CSP violations"
    assert editor.activity.console_errors == [], f"[{language.locale}] {page}: console errors {editor.activity.failed_requests}"


@each_language
@each_kind_of_page
def test_every_page_under_mkdocs_serve_is_free_of_console_errors(editor, language, page):
    """The live-reload script runs (by its hash in the policy) and nothing else is blocked."""
    editor.goto(url_of(language, page))
    where = f"[{language.locale}] {page} under mkdocs serve"
    assert live_reload_ran(editor), f"{where}: the live-reload script did not run"
    seen = editor.activity
    assert seen.csp_violations == [], f"{where}: Content-Security-Policy violations"
    assert seen.console_errors == [], f"{where}: console errors"
    assert seen.failed_requests == [], f"{where}: failed requests"


@each_language
def test_search_and_the_switcher_work_under_mkdocs_serve(editor, served, language):
    editor.goto(url_of(language, FAQ_PAGE))
    open_search(editor)
    where = f"[{language.locale}] under mkdocs serve"
    assert query_problems(editor, queries(language)[0], language, LANGUAGES) == [], where
    editor.keyboard.press("Escape")
    for target in other_languages(language):
        editor.goto(url_of(language, FAQ_PAGE))
        editor.locator(".md-header .md-select").hover()
        editor.locator(f'.md-header a.md-select__link[hreflang="{target.locale}"]').click()
        editor.wait_for_url(re.compile(re.escape(served.url + url_of(target, FAQ_PAGE)) + "$"))
        assert editor.locator("html").get_attribute("lang") == target.locale, where
    assert editor.activity.console_errors == [], f"{where}: console errors"

