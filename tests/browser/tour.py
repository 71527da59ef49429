"""A reader's round of one page on a phone, made once and judged by two tests: where the
language switcher leads from every heading anchor, and where switching lands
(test_languages.py); what the page did under its Content-Security-Policy all along
(test_security.py)."""

import copy
from dataclasses import dataclass

from checks.search import queries
from checks.site import Language, built_page, heading_ids, site_path

from .recording import Activity


def switcher_link(page, target: Language):
    return page.locator(f'.md-header a.md-select__link[hreflang="{target.locale}"]')


def switch_to(page, target: Language) -> None:
    """Hover the header's language menu and pick the target: its page has loaded."""
    page.locator(".md-header .md-select").hover()
    switcher_link(page, target).click()
    page.wait_for_load_state()


@dataclass
class Landing:
    path: str  # where switching led, from the site root: "<locale>/<page>/#<id>"
    lang: str | None  # the <html lang> there
    anchor_found: bool  # whether the anchor switched from is there too


@dataclass
class Tour:
    anchors: list[str]  # the page's heading ids, in order
    links: dict[str, dict[str, str]]  # hash ("" for none) -> {locale: the switcher's href}
    landings: dict[str, Landing]  # locale -> where switching to it from the last anchor led
    activity: Activity  # what the page did, from the first load to the last landing


def tour(reader, base_url: str, site_dir, language: Language, page: str, others: list[Language]) -> Tour:
    """On a fresh phone page, fast-forwarded and recording (reused_page.ReusedPage.fresh):
    load the page, search for the language's first query (search_queries.yml: it has results)
    and close the search; arrive on the page again, at its first
    heading's anchor (a reload); read the switcher's links there, at each other anchor, then off
    any anchor; then, from the last anchor, switch to each other language in turn. The search
    comes before any anchor: on a phone, on a page arrived at an anchor, "/" only focuses the
    hidden search box, and a search opened with the button was sometimes closed again under a
    loaded machine.
    """
    anchors = heading_ids(built_page(site_dir, language, page))
    last = f"#{anchors[-1]}" if anchors else ""
    here = site_path(language, page)
    reader.goto(here)
    reader.keyboard.press("/")
    reader.locator("input.md-search__input").press_sequentially(queries(language)[0]["query"])
    reader.locator(".md-search-result__item").first.wait_for()
    reader.keyboard.press("Escape")
    if anchors:
        reader.evaluate("anchor => { location.hash = anchor }", anchors[0])
        reader.reload()
    links = {}
    for anchor in [*anchors, ""]:  # the first as arrived on (no hashchange); "" last: off any
        reader.evaluate("anchor => { location.hash = anchor }", anchor)
        links[anchor] = {t.locale: switcher_link(reader, t).evaluate("link => link.href") for t in others}
    landings = {}
    for target in others:
        reader.goto(here + last)
        switch_to(reader, target)
        landings[target.locale] = Landing(
            reader.url.removeprefix(base_url),
            reader.locator("html").get_attribute("lang"),
            bool(last) and reader.locator(last).count() == 1,
        )
    return Tour(anchors, links, landings, copy.deepcopy(reader.activity))
