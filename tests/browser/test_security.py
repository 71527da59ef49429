"""Under the Content-Security-Policy the whole site works with no violation, and markup or
script typed into the search box or put into the URL never runs."""

import pytest

from checks.site import site_path

from ..params import each_language, each_page, other_languages
from .recording import record

pytestmark = pytest.mark.browser

# Each payload sets window.__xss or opens a dialog if it ever runs.
PAYLOADS = [
    '<img src=x onerror="window.__xss=1">',
    '"><script>window.__xss=1</script>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
]


def nothing_ran(page, dialogs) -> bool:
    return page.evaluate("() => window.__xss === undefined") and dialogs == []


@each_language
@each_page
def test_page_used_under_the_policy_has_no_violation(phone, language, page):
    """Load, search, close the search, switch language: nothing is blocked, nothing errs."""
    phone.goto(site_path(language, page))
    phone.keyboard.press("/")
    phone.locator("input.md-search__input").press_sequentially("Spectrum")
    phone.locator(".md-search-result__item").first.wait_for()
    phone.keyboard.press("Escape")
    other = other_languages(language)[0]
    phone.locator(".md-header .md-select").hover()
    phone.locator(f'.md-header a.md-select__link[hreflang="{other.locale}"]').click()
    phone.wait_for_load_state("networkidle")
    seen = phone.activity
    where = f"[{language.locale}] {page}"
    assert seen.csp_violations == [], f"{where}: Content-Security-Policy violations"
    assert seen.console_errors == [], f"{where}: console errors"


@each_language
@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_typed_into_search_is_shown_as_text(phone, language, payload):
    dialogs = []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone.goto(site_path(language, "index.md"))
    phone.keyboard.press("/")
    search_box = phone.locator("input.md-search__input")
    search_box.press_sequentially(payload)
    phone.wait_for_timeout(300)
    assert search_box.input_value() == payload, f"[{language.locale}] the box does not hold {payload!r}"
    assert nothing_ran(phone, dialogs), f"[{language.locale}] {payload!r} ran from the search box"
    # Enter opens the first result, if any (an earlier, shorter query may have found one)
    phone.keyboard.press("Enter")
    phone.wait_for_load_state()
    assert nothing_ran(phone, dialogs), f"[{language.locale}] {payload!r} ran after Enter"


@each_language
@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("where", ["?q=", "?h=", "#"])
def test_markup_in_the_url_never_runs(phone, language, payload, where):
    """?q= fills Material's search, ?h= its highlighting, # an anchor: all of it stays inert."""
    dialogs = []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone.goto(site_path(language, "faq.md") + where + payload, wait_until="networkidle")
    phone.wait_for_timeout(200)
    assert nothing_ran(phone, dialogs), f"[{language.locale}] {where}{payload!r} ran"
    assert phone.activity.console_errors == [], f"[{language.locale}] {where}{payload!r}"


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
        page.goto(url + "strict.html", wait_until="networkidle")
        assert seen.csp_violations and seen.csp_violations[0].startswith("script-src-elem"), seen
        page.goto(url + "loose.html", wait_until="networkidle")
        assert not nothing_ran(page, []), "a payload that runs was not seen running"
        page.close()
