"""axe-core finds no WCAG 2.2 A/AA violation on any page, in either palette, at rest, with the
search dialog open and with the language menu open."""

import pytest

from checks.site import site_path

from ..params import each_language, each_page
from .axe import violations

pytestmark = pytest.mark.browser

# "Spectrum" is a word of every language's guide: the dialog shows results whatever the language.
QUERY = "Spectrum"


def open_search(page):
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially(QUERY)
    page.locator(".md-search-result__item").first.wait_for()


def open_language_menu(page):
    page.locator(".md-header .md-select").hover()
    page.locator(".md-header .md-select__inner").wait_for(state="visible")


def close_language_menu(page):
    page.mouse.move(0, 400)
    page.locator(".md-header .md-select__inner").wait_for(state="hidden")


@each_language
@each_page
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violation_at_rest_with_menu_or_search_open(phone, language, page, scheme):
    phone.emulate_media(color_scheme=scheme)
    phone.goto(site_path(language, page))
    found = {"at rest": violations(phone)}
    open_language_menu(phone)
    found["language menu open"] = violations(phone)
    close_language_menu(phone)
    open_search(phone)
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
        assert rule in found, found
