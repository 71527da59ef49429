"""A reader searching on a phone: answers in the page's language, accents optional, by keyboard."""

import pytest

from checks.parity import FAQ_PAGE
from checks.search import material_translations, queries
from checks.search_ui import QUERY, meta_text, open_search, query_problems, type_query
from checks.site import site_path as url_of

from ..params import LANGUAGES, each_language
from .recording import other_hosts

pytestmark = pytest.mark.browser


def language_queries(language):
    try:
        return queries(language)
    except LookupError as error:
        pytest.fail(str(error), pytrace=False)


@each_language
def test_real_queries_find_their_answer_in_the_top_3_and_only_in_the_page_language(phone, language):
    """Every query of search_queries.yml, in the search box of the language's FAQ page."""
    listed = language_queries(language)
    phone.goto(url_of(language, FAQ_PAGE))
    open_search(phone)
    problems = [problem for item in listed for problem in query_problems(phone, item, language, LANGUAGES)]
    assert problems == []


@each_language
def test_search_loads_only_its_language_index_from_this_site(phone, base_url, language):
    phone.goto(url_of(language, "index.md"))
    open_search(phone)
    type_query(phone, language_queries(language)[0]["query"])
    seen = phone.activity
    indexes = [url.removeprefix(base_url) for url in seen.requests if url.endswith("search_index.json")]
    where = f"[{language.locale}] search"
    assert indexes == [f"{language.prefix}search/search_index.json"], f"{where}: indexes loaded"
    assert other_hosts(seen.requests, base_url) == [], f"{where}: requests to other hosts"
    assert seen.failed_requests == [], f"{where}: failed requests"
    assert seen.console_errors == [], f"{where}: console errors"


@each_language
def test_the_search_interface_speaks_the_page_language(phone, language):
    """Placeholder, prompt, "no results" and counts: Material's words for the page's language."""
    words = material_translations(language.locale)
    phone.goto(url_of(language, "index.md"))
    where = f"[{language.locale}] search"
    assert phone.locator(QUERY).get_attribute("placeholder") == words["search.placeholder"], where
    open_search(phone)
    assert meta_text(phone) == words["search.result.placeholder"], f"{where}: prompt"
    type_query(phone, "zqxwv")
    assert meta_text(phone) == words["search.result.none"], f"{where}: no results"
    type_query(phone, language_queries(language)[0]["query"])
    count = phone.locator(".md-search-result__item").count()
    expected = words["search.result.one"] if count == 1 else words["search.result.other"]
    assert meta_text(phone) == expected.replace("#", str(count)), f"{where}: result count"


@each_language
def test_search_opens_browses_and_closes_with_the_keyboard(phone, language):
    """"/" opens it, the arrows walk the results, Escape closes it."""
    phone.goto(url_of(language, "index.md"))
    where = f"[{language.locale}] keyboard"
    is_open = lambda: phone.locator("#__search").is_checked()  # noqa: E731
    # The focused element: a result link's href, "summary" for a "more on this page" toggle
    focused = lambda: phone.evaluate(  # noqa: E731
        """() => {
             const el = document.activeElement
             if (!el.closest(".md-search-result")) return el.className
             return el.getAttribute("href") || el.tagName.toLowerCase()
           }"""
    )
    open_search(phone, "/")
    assert is_open() and "md-search__input" in focused(), f"{where}: '/' did not open search"
    type_query(phone, language_queries(language)[0]["query"])
    first = phone.locator(".md-search-result__link").first.get_attribute("href")
    phone.keyboard.press("ArrowDown")
    assert focused() == first, f"{where}: ArrowDown did not reach the first result"
    phone.keyboard.press("ArrowDown")
    second = focused()
    assert second != first and (second.startswith("http") or second == "summary"), (
        f"{where}: ArrowDown did not move on to the next result: {second!r}"
    )
    phone.keyboard.press("ArrowUp")
    assert focused() == first, f"{where}: ArrowUp did not come back to the first result"
    phone.keyboard.press("Escape")
    assert not is_open(), f"{where}: Escape did not close search"
