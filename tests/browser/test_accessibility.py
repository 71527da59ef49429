"""axe-core finds no WCAG 2.2 A/AA violation on a page of each kind (checks/page_kinds.py), in
language menu open and with the search dialog open: the three states of one page load."""

import pytest

from checks.browser import fast_forward_transitions
from checks.search import queries
from checks.site import site_path

from ..params import each_language, each_kind_of_page
from .axe import violations

pytestmark = pytest.mark.browser



def open_language_menu(page):
    page.locator(".md-header .md-select").hover()
    page.locator(".md-header .md-select__inner").wait_for(state="visible")


def open_search(page, query: str):
    """Click the search button, which takes the pointer off the language menu: it closes; type
    a query that finds something."""
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for()
    page.locator(".md-header .md-select__inner").wait_for(state="hidden")


@each_language
@each_kind_of_page
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violation_at_rest_with_menu_or_search_open(phone, language, page, scheme):
    """Transitions run fast (the phone fixture): axe judges where they end, as it always did."""
    phone.emulate_media(color_scheme=scheme)
    phone.goto(site_path(language, page))
    found = {"at rest": violations(phone)}
    open_language_menu(phone)
    found["language menu open"] = violations(phone)
    open_search(phone, queries(language)[0]["query"])  # search_queries.yml: it has results
    found["search open"] = violations(phone)
    found = {state: rules for state, rules in found.items() if rules}
    assert found == {}, f"[{language.locale}] {page}, {scheme}: {found}"


def test_axe_reports_a_deliberately_inaccessible_page(browser, tmp_path):
    """Low-contrast text, an unnamed button and an image without alt are all reported."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="fr"><title>t</title><main>'
        '<p style="color:#bbb;background:#fff">pâle</p><button></button><img src="x.png">'
        "</main></html>",
        encoding="utf-8",
    )
    page = browser.new_page()
    page.goto(tmp_path.joinpath("index.html").as_uri())
    found = " ".join(violations(page))
    page.close()
    for rule in ("color-contrast", "button-name", "image-alt"):
        assert rule in found, f"{rule} not reported: {found}"


def test_axe_still_sees_pale_text_that_fades_in_when_transitions_are_fast_forwarded(browser, tmp_path):
    """Text fading in over 2 s after a 1 s delay: axe, run once the fade is over, reports it."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="fr"><title>t</title><main>'
        '<p id="pale" style="color:#bbb;background:#fff;opacity:0;transition:opacity 2s 1s">pâle</p>'
        "</main><script>"
        'const pale = document.getElementById("pale"); getComputedStyle(pale).opacity; pale.style.opacity = 1'
        "</script></html>",
        encoding="utf-8",
    )
    page = browser.new_page()
    fast_forward_transitions(page)
    page.goto(tmp_path.joinpath("index.html").as_uri())
    found = " ".join(violations(page))
    page.close()
    assert "color-contrast" in found, f"the pale text, once faded in, is not reported: {found}"
