"""A reader's languages: the switcher keeps the anchor, the root follows the browser's languages
and the remembered choice, and a missing page answers in its folder's language, on a host that
serves only the root 404.html (GitHub Pages) and on one that serves each folder's own."""

import pytest

from checks.browser import PHONE
from checks.parity import FAQ_PAGE
from checks.seo import language_extra
from checks.site import site_path as url_of

from ..params import LANGUAGES, REFERENCE, TRANSLATIONS, each_language, each_kind_of_page, other_languages
from .recording import other_hosts, record
from .tour import switch_to

pytestmark = pytest.mark.browser


def browser_locale(language) -> str:
    """A browser locale for the language, from its Open Graph locale: fr_FR -> fr-FR."""
    return language_extra(language)["og_locale"].replace("_", "-")


def foreign_locale() -> str:
    """A browser locale in none of the site's languages."""
    ours = {lang.locale for lang in LANGUAGES}
    return next(tag for tag in ("de-DE", "ja-JP", "pt-BR") if tag.split("-")[0] not in ours)


def by_locale(locale: str):
    return next(lang for lang in LANGUAGES if lang.locale == locale)


def reader(browser, base_url, **options):
    """A fresh phone-sized page; page.activity records its errors and requests, page.loads
    the main-frame navigations (a redirect loop would pile them up). The tests of the root wait
    for network idle, on purpose: no single event says that no further redirect is coming."""
    context = browser.new_context(**{"viewport": PHONE, "base_url": base_url, **options})
    page = context.new_page()
    page.activity = record(page)
    return track_loads(page)


def track_loads(page):
    page.loads = []
    page.on(
        "framenavigated", lambda frame: frame == page.main_frame and page.loads.append(frame.url)
    )
    return page


@each_language
@each_kind_of_page
def test_the_switcher_keeps_the_page_and_every_heading_anchor(tours, base_url, language, page):
    """On <page>/#<id>, the switcher leads to each other language's <page>/#<id>, for every
    heading: arriving on the anchor, moving to another one; off any anchor, to its <page>/. Then
    switching for real, to each other language, lands there, in that language (tour.py)."""
    round_ = tours(language, page)
    assert round_.anchors, f"[{language.locale}] {page}: no heading with an id"
    wrong = [
        f"#{anchor}: {locale} link is {href}"
        for anchor, links in round_.links.items()
        for locale, href in links.items()
        if href != base_url + url_of(by_locale(locale), page) + (f"#{anchor}" if anchor else "")
    ]
    assert wrong == [], f"[{language.locale}] {page}: the switcher loses the page or the anchor"
    last = round_.anchors[-1]
    for target in other_languages(language):
        landing = round_.landings[target.locale]
        where = f"[{language.locale}] {page}: switching to {target.locale} on #{last}"
        assert landing.path == f"{url_of(target, page)}#{last}", f"{where} landed on /{landing.path}"
        assert landing.lang == target.locale, f"{where}: the page it landed on is in {landing.lang}"
        assert landing.anchor_found, f"{where}: no #{last} there"


ROOT_VISITS = [(browser_locale(lang), lang) for lang in LANGUAGES] + [(foreign_locale(), REFERENCE)]


@pytest.mark.parametrize("locale, expected", ROOT_VISITS, ids=[locale for locale, _ in ROOT_VISITS])
def test_a_first_visit_to_the_root_goes_to_the_browser_language(
    browser, base_url, locale, expected
):
    """A browser in one of the site's languages lands on its home; any other on the default."""
    page = reader(browser, base_url, locale=locale)
    page.goto("", wait_until="networkidle")
    where = f"[{expected.locale}] root, browser in {locale}"
    assert page.url == base_url + url_of(expected, "index.md"), f"{where}: landed on {page.url}"
    assert page.locator("html").get_attribute("lang") == expected.locale, where
    assert len(page.loads) <= 2, f"{where}: navigations {page.loads}"
    assert page.activity.failed_requests == [], f"{where}: failed requests"
    assert page.activity.console_errors == [], f"{where}: console errors"
    page.context.close()


@each_language
def test_a_language_chosen_with_the_switcher_is_remembered_at_the_root(browser, base_url, language):
    """A browser in another language picks this one: the root then sends it here, no loop."""
    first = other_languages(language)[0]
    page = reader(browser, base_url, locale=browser_locale(first))
    page.goto("", wait_until="networkidle")
    assert page.url == base_url + url_of(first, "index.md"), (
        f"browser in {first.locale}: {page.url}"
    )
    switch_to(page, language)
    for visit in (page, track_loads(page.context.new_page())):  # the same tab, then a new one
        visit.loads.clear()
        visit.goto("", wait_until="networkidle")
        where = f"[{language.locale}] chosen in a browser in {first.locale}"
        assert visit.url == base_url + url_of(language, "index.md"), (
            f"{where}: root went to {visit.url}"
        )
        assert len(visit.loads) <= 2, f"{where}: navigations {visit.loads}"
    page.context.close()


def test_going_home_from_inside_the_site_stays_in_the_language_read(browser, base_url):
    """The logo of a reference-language page leads to its home, whatever the browser's language."""
    reading = TRANSLATIONS[0]
    # A desktop window: on a phone the logo hides in the drawer
    page = reader(
        browser, base_url, locale=browser_locale(reading), viewport={"width": 1280, "height": 800}
    )
    page.goto(url_of(REFERENCE, FAQ_PAGE))  # "load": the logo is there
    page.locator(".md-header a.md-logo").click()
    page.wait_for_load_state("networkidle")  # the home stays, or a redirect has happened
    assert page.url == base_url + url_of(REFERENCE, "index.md"), (
        f"[{REFERENCE.locale}] {FAQ_PAGE}, browser in {reading.locale}: the logo led to {page.url}"
    )
    page.context.close()


def test_without_javascript_the_root_stays_readable_and_the_switcher_works(browser, base_url):
    page = reader(
        browser, base_url, locale=browser_locale(TRANSLATIONS[0]), java_script_enabled=False
    )
    for target in TRANSLATIONS:
        page.goto("")
        where = f"[{REFERENCE.locale}] index.md without JavaScript"
        assert page.url == base_url, f"{where}: the root went to {page.url}"
        assert page.locator("article h1").is_visible(), f"{where}: no title shown"
        switch_to(page, target)
        landed = page.url.removeprefix(base_url)
        assert landed == url_of(target, "index.md"), f"{where}: switching to {target.locale} led to /{landed}"
    page.context.close()


@each_language
@pytest.mark.parametrize("host", ["github-pages", "per-folder-404"])
def test_a_missing_page_answers_in_its_folder_language(browser, request, host, language):
    """Under the language's folder: its "not found", its home link, the search, the address kept."""
    base_url = request.getfixturevalue(
        "base_url" if host == "github-pages" else "per_folder_404_url"
    )
    text = language_extra(language)["not_found"]
    missing = f"{language.prefix}no/such-page/"
    page = reader(browser, base_url)
    response = page.goto(missing, wait_until="networkidle")
    where = f"[{language.locale}] /{missing} on a {host} host"
    assert response.status == 404, f"{where}: status {response.status}"
    assert page.url == base_url + missing, f"{where}: the address became {page.url}"
    assert page.locator("html").get_attribute("lang") == language.locale, where
    assert page.locator("article h1").inner_text() == text["title"], where
    assert page.activity.failed_requests == [f"404 {base_url}{missing}"], where
    assert len(page.activity.console_errors) == 1, f"{where}: {page.activity.console_errors}"
    assert other_hosts(page.activity.requests, base_url) == [], where
    # GitHub Pages serves the root 404: another language's sends the reader on to its own
    detours = [url for url in page.activity.requests if "404.html" in url]
    sent_on = host == "github-pages" and language in TRANSLATIONS
    assert len(detours) == (1 if sent_on else 0), f"{where}: requests for a 404 page {detours}"
    page.locator("article label[for='__search']").click()
    assert page.locator("#__search").is_checked(), f"{where}: the search did not open"
    page.keyboard.press("Escape")
    page.goto(missing)
    page.get_by_role("link", name=text["home"]).click()
    page.wait_for_load_state()
    assert page.url == base_url + url_of(language, "index.md"), (
        f"{where}: home link led to {page.url}"
    )
    page.context.close()


# How each link of the open language menu looks: weight and underline, and whether it is the page's.
MENU_LOOKS = """() => [...document.querySelectorAll(".md-select__list a.md-select__link")].map(link => {
  const style = getComputedStyle(link)
  return {lang: link.hreflang, current: link.hasAttribute("aria-current"),
          look: style.fontWeight + " " + style.textDecorationLine}
})"""


@each_language
def test_the_open_language_menu_shows_which_language_the_page_is_in(phone, language):
    """Not by colour alone: the page's language looks unlike every other in the menu."""
    phone.goto(url_of(language, FAQ_PAGE))
    phone.locator(".md-select button").click()
    phone.locator(".md-select__list").wait_for(state="visible")
    links = phone.evaluate(MENU_LOOKS)
    current = [link for link in links if link["current"]]
    where = f"[{language.locale}] {FAQ_PAGE}: language menu {links}"
    assert [link["lang"] for link in current] == [language.locale], where
    assert all(link["look"] != current[0]["look"] for link in links if not link["current"]), where
