"""A reader following an old address lands on the section, in every language, at phone size
(overrides/hooks/old_addresses.py, on the copy of tests/renamed_copy.py): `old-page/#old` of a
section moved away goes on to its new page's section; `page/#old` of a section renamed on its
page scrolls its heading exactly where `page/#new` does, below Material's sticky header; and the
language switcher carries an old anchor into another language, where it lands too."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from checks.browser import PHONE
from checks.site import site_path

from ..params import LANGUAGES, each_language, in_the_last_translation, other_languages
from .reused_page import ReusedPage, fresh_document
from .tour import switch_to

pytestmark = pytest.mark.browser

# How long a moved section's old address is given to go on to its new page: it goes at once
# (a script of the site's own, before the page's load event); a twin waits this long in vain.
FORWARD_MS = 2000


@pytest.fixture(scope="module")
def readers(browser):
    """reader(site): one phone page per served copy (reused_page.py), made fresh for each use."""
    made = {}

    def reader(site):
        if site.url not in made:
            made[site.url] = ReusedPage(browser.new_context(viewport=PHONE, base_url=site.url))
        return made[site.url].fresh()

    yield reader
    for reused in made.values():
        reused.context.close()


def top_of(page, section: str) -> float:
    """Where the heading with that id stands from the top of the viewport, in CSS pixels."""
    return page.locator(f"[id='{section}']").evaluate("heading => heading.getBoundingClientRect().top")


def below_header_problem(page, section: str, where: str) -> str | None:
    header = page.locator(".md-header").evaluate("header => header.getBoundingClientRect().bottom")
    top = top_of(page, section)
    if not header <= top < PHONE["height"]:
        return f"{where}: the heading #{section} is at {top} px, not in view below the header ({header} px)"
    return None


def moved_landing_problem(page, site, language) -> str | None:
    """Open the old address of the site's moved section: what is wrong with where it lands."""
    old_page, old, new_page, new = site.moved
    target = f"{site.url}{site_path(language, new_page)}#{new}"
    where = f"[{language.locale}] {site_path(language, old_page)}#{old}"
    fresh_document(page, f"{site_path(language, old_page)}#{old}")
    try:
        page.wait_for_url(target, timeout=FORWARD_MS)
    except PlaywrightTimeoutError:
        return f"{where}: stayed on {page.url}, not sent on to {target}"
    return below_header_problem(page, new, where)


def renamed_landing_problem(page, site, language) -> str | None:
    """Open page#new, then page#old, of the site's renamed section: the heading must stand at
    the very same place."""
    page_name, old, new = site.renamed
    path = site_path(language, page_name)
    fresh_document(page, f"{path}#{new}")
    expected = top_of(page, new)
    fresh_document(page, f"{path}#{old}")
    where = f"[{language.locale}] {path}#{old}"
    found = top_of(page, new)
    if abs(found - expected) >= 0.5:
        return f"{where}: the heading #{new} is at {found} px, at {expected} px from #{new}"
    return below_header_problem(page, new, where)


@each_language
def test_the_old_address_of_a_moved_section_lands_on_its_new_page(readers, renamed, language):
    reader = readers(renamed)
    assert moved_landing_problem(reader, renamed, language) is None
    assert reader.activity.console_errors == [], f"[{language.locale}] console errors (a policy violation?)"


@each_language
def test_the_old_address_of_a_renamed_section_scrolls_to_it_as_the_new_one_does(readers, renamed, language):
    reader = readers(renamed)
    assert renamed_landing_problem(reader, renamed, language) is None
    assert reader.activity.console_errors == [], f"[{language.locale}] console errors (a policy violation?)"


def test_an_old_anchor_followed_within_the_old_page_goes_on_too(readers, renamed):
    """A link to #old on the page itself (a hash change, no new load) forwards the same way."""
    old_page, old, new_page, new = renamed.moved
    language = LANGUAGES[0]
    reader = readers(renamed)
    fresh_document(reader, site_path(language, old_page))
    reader.evaluate("old => { location.hash = old }", old)
    target = f"{renamed.url}{site_path(language, new_page)}#{new}"
    reader.wait_for_url(target, timeout=FORWARD_MS)
    assert below_header_problem(reader, new, f"[{language.locale}] {old_page}, hash set to #{old}") is None


@pytest.mark.parametrize("target", other_languages(LANGUAGES[0]), ids=lambda lang: lang.locale)
def test_the_switcher_carries_an_old_anchor_into_another_language_where_it_lands(readers, renamed, target):
    page_name, old, new = renamed.renamed
    reader = readers(renamed)
    fresh_document(reader, f"{site_path(LANGUAGES[0], page_name)}#{old}")
    switch_to(reader, target)
    where = f"[{LANGUAGES[0].locale} -> {target.locale}] {page_name}#{old}"
    assert reader.url == f"{renamed.url}{site_path(target, page_name)}#{old}", f"{where}: landed on {reader.url}"
    assert below_header_problem(reader, new, where) is None


@in_the_last_translation
def test_broken_twin_without_old_addresses_a_moved_section_is_not_reached(readers, renamed_twin, language):
    problem = moved_landing_problem(readers(renamed_twin), renamed_twin, language)
    assert problem is not None and "stayed on" in problem, problem


@in_the_last_translation
def test_broken_twin_without_old_addresses_a_renamed_section_is_not_reached(readers, renamed_twin, language):
    problem = renamed_landing_problem(readers(renamed_twin), renamed_twin, language)
    assert problem is not None, "the old anchor landed with translations/old_addresses.yml emptied"


@in_the_last_translation
def test_broken_twin_without_its_stylesheet_the_old_anchor_lands_off_the_heading_place(readers, renamed, language):
    """The anchor's scroll margin is the heading's: without old-addresses.css it lands elsewhere."""
    reader = readers(renamed)
    reader.route("**/old-addresses.css", lambda route: route.fulfill(body="", content_type="text/css"))
    problem = renamed_landing_problem(reader, renamed, language)
    assert problem is not None and "px, at" in problem, problem
