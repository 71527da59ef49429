"""Under the Content-Security-Policy the whole site works with no violation, and markup or
script typed into the search box or put into the URL never runs."""

from contextlib import contextmanager

import pytest

from checks.parity import FAQ_PAGE
from checks.search_ui import open_search, type_query, wait_for_answer
from checks.site import site_path
from checks.static_server import serve

from ..params import each_language, each_kind_of_page, in_the_last_translation
from ..planted_copy import PLANTED_IN
from .recording import CSP_PREFIX, record
from .reused_page import fresh_document

pytestmark = pytest.mark.browser

# Each payload sets window.__xss or opens a dialog if it ever runs.
PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    '"><script>window.__xss=1</script>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
]


def nothing_ran(page, dialogs) -> bool:
    """No payload set window.__xss in the page's document, and no dialog opened (dialogs: those
    opened since the payload was put in)."""
    return page.evaluate("() => window.__xss === undefined") and dialogs == []


def wait_for_images(page) -> None:
    """Until every image of the page has loaded or failed: an onerror payload has had its turn."""
    page.wait_for_function("() => [...document.images].every(image => image.complete)")


@each_language
@each_kind_of_page
def test_page_used_under_the_policy_has_no_violation(tours, language, page):
    """Load, move from anchor to anchor, search, close the search, switch to each other language
    (a reader's round, tour.py, also judged by test_languages): nothing is blocked, nothing errs."""
    seen = tours(language, page).activity
    where = f"[{language.locale}] {page}"
    assert seen.csp_violations == [], f"{where}: Content-Security-Policy violations"
    assert seen.console_errors == [], f"{where}: console errors"


@contextmanager
def dialogs_caught(page):
    """The messages of the dialogs the page opens meanwhile (each dismissed)."""
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    try:
        yield dialogs
    finally:
        page.remove_listener("dialog", dismiss)


@in_the_last_translation
def test_markup_typed_into_search_is_shown_as_text(phone, language):
    """Each payload typed key by key, then Enter, each in a fresh document of the home page. In
    one language: a payload is no language's, and the code that shows it is the same in all."""
    search_box = phone.locator("input.md-search__input")
    problems = []
    with dialogs_caught(phone) as dialogs:
        for payload in PAYLOADS:
            before = len(dialogs)
            fresh_document(phone, site_path(language, "index.md"))
            open_search(phone)
            type_query(phone, payload)  # key by key; returns once its results (or none) are on screen
            wait_for_images(phone)
            where = f"[{language.locale}] index.md, search box, {payload!r}"
            if search_box.input_value() != payload:
                problems.append(f"{where}: the box holds {search_box.input_value()!r}")
            if not nothing_ran(phone, dialogs[before:]):
                problems.append(f"{where}: ran")
            # Enter submits the search form (Material keeps the reader on the page)
            phone.keyboard.press("Enter")
            phone.wait_for_load_state()
            wait_for_images(phone)
            if not nothing_ran(phone, dialogs[before:]):
                problems.append(f"{where}: ran after Enter")
    assert problems == []


@in_the_last_translation
@pytest.mark.parametrize("where", ["?q=", "?h=", "#"])
def test_markup_in_the_url_never_runs(phone, language, where):
    """?q= fills Material's search, ?h= its highlighting, # an anchor: each payload, in a fresh
    document of the FAQ page, stays inert. In one language, as above."""
    problems = []
    with dialogs_caught(phone) as dialogs:
        for payload in PAYLOADS:
            errors, before = len(phone.activity.console_errors), len(dialogs)
            fresh_document(phone, site_path(language, FAQ_PAGE) + where + payload)
            if where == "?q=":  # the search opens with the payload as its query: wait for its answer
                wait_for_answer(phone)
            wait_for_images(phone)
            at = f"[{language.locale}] {FAQ_PAGE}{where}{payload}"
            if not nothing_ran(phone, dialogs[before:]):
                problems.append(f"{at}: the payload ran")
            if phone.activity.console_errors[errors:]:
                problems.append(f"{at}: console errors {phone.activity.console_errors[errors:]}")
    assert problems == []


def test_a_script_planted_in_a_page_does_not_run_under_the_policy(phone, unguarded):
    """The copy without overrides/hooks/content_safety.py (tests/planted_copy.py): the script
    planted in a page is in its article, and the policy blocks it."""
    where = f"docs/{PLANTED_IN.locale}/{unguarded.page}"
    with serve(unguarded.site) as url:
        blocked = f"{CSP_PREFIX}script-src-elem inline"
        with phone.expect_console_message(lambda message: message.text == blocked):
            fresh_document(phone, url + site_path(PLANTED_IN, unguarded.page))
        planted = phone.locator("article.md-content__inner script").all_text_contents()
        assert any("__planted" in script for script in planted), f"{where}: the planted script is not in the article"
        assert nothing_ran(phone, []), f"{where}: the planted script ran"


def test_the_recorder_sees_a_violation_and_a_payload_that_runs(browser, tmp_path):
    """On a page whose policy blocks its own inline script, and one without a policy at all."""
    from checks.static_server import serve

    (tmp_path / "strict.html").write_text(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">"
        "<script>window.__xss=1</script>",
        encoding="utf-8",
    )
    (tmp_path / "loose.html").write_text('<img src=x onerror="window.__xss=1">', encoding="utf-8")
    with serve(tmp_path) as url:
        page = browser.new_page()
        seen = record(page)
        with page.expect_console_message(lambda message: message.text.startswith(CSP_PREFIX)):
            page.goto(url + "strict.html")
        assert seen.csp_violations and seen.csp_violations[0].startswith("script-src-elem"), (
            f"strict.html: the blocked inline script is not recorded: {seen}"
        )
        page.goto(url + "loose.html")  # "load": the image has failed, its onerror has run
        assert not nothing_ran(page, []), "loose.html: a payload that runs was not seen running"
        page.close()
