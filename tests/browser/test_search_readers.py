"""Search as readers type, on a phone: whole questions, a reader's own words, Enter typed fast,
nothing found, the words marked on the page a result opens. Each behaviour has its broken twin in
test_search_checks_fail.py."""

import pytest

from checks.browser import PHONE
from checks.parity import FAQ_PAGE
from checks.search import (
    entries_using,
    expected_offers,
    heading_titles,
    load_index,
    material_translations,
    none_line,
    queries,
    search_words,
    word_before_punctuation,
)
from checks.search_ui import (
    ANSWERED,
    focus_search,
    heading_problems,
    highlight_problems,
    missing_word_problems,
    offer_problems,
    open_search,
    opened,
    punctuation_marked,
    search,
    synonym_problems,
    type_and_enter,
    type_whole_query,
)
from checks.site import site_path

from ..params import PAGES, each_language
from .reused_page import fresh_document

pytestmark = pytest.mark.browser


def headings(site_dir, language) -> dict[str, str]:
    """Every section of every page of the language: site path -> its heading."""
    return {
        f"{site_path(language, page)}#{anchor}": heading
        for page in PAGES
        for anchor, heading in heading_titles(site_dir, language, page).items()
    }


@each_language
def test_every_section_heading_typed_as_a_question_ranks_its_section_first(phone, site_dir, language):
    """A heading that matches the query closely wins, its question words and articles included."""
    phone.goto(site_path(language, FAQ_PAGE))
    open_search(phone)
    assert heading_problems(phone, language, headings(site_dir, language)) == []


@each_language
def test_every_word_of_every_synonym_group_finds_the_entries_that_use_its_group(phone, site_dir, language):
    """search_words.yml: each word, typed alone, finds every section using a word of its group."""
    index = load_index(site_dir, language)
    phone.goto(site_path(language, FAQ_PAGE))
    open_search(phone)
    groups = search_words(language)["synonyms"]
    assert synonym_problems(phone, language, groups, lambda word: entries_using(index, word)) == []


@each_language
def test_with_no_result_the_panel_offers_the_faq_and_the_guide_sections_in_the_page_language(
    phone, site_dir, language
):
    """Material's "no result", a line with the words typed, then links in the page's language."""
    phone.goto(site_path(language, "index.md"))
    open_search(phone)
    none = material_translations(language.locale)["search.result.none"]
    expected = expected_offers(site_dir, language)
    assert offer_problems(phone, language, none, none_line(language), expected) == []


@each_language
def test_the_words_a_result_lacks_are_shown_as_the_reader_typed_them(phone, language):
    """Not stems: the "missing" line of each result shows the word as typed, accents and case."""
    word = next(item["query"] for item in queries(language) if item["kind"] == "word")
    phone.goto(site_path(language, FAQ_PAGE))
    open_search(phone)
    assert missing_word_problems(phone, language, word) == []


@each_language
def test_the_page_a_result_opens_marks_the_words_typed_without_accents(phone, language):
    """Each query of search_queries.yml with `shows`, from the FAQ page loaded anew: Enter, then
    the word marked there."""
    items = [item for item in queries(language) if "shows" in item]
    assert items, f"[{language.locale}] search_queries.yml: no query with `shows` to open"
    problems = []
    for item in items:
        fresh_document(phone, site_path(language, FAQ_PAGE))
        open_search(phone)
        problems += highlight_problems(phone, language, item)
    assert problems == []


def enter_on_first_use(context, language, query, keys, timeout_ms=15_000, answered_first=False):
    """A fresh page, the search box focused, query typed and Enter pressed while the index is
    still on its way (held back until then): (the index requests held, the site path Enter
    opened within timeout_ms, None for nothing). answered_first: timeout_ms counts from the
    moment the query's answer is on screen, when an Enter that waits for it acts."""
    page = context.new_page()
    try:
        held = []
        page.route("**/search_index.json", lambda route: held.append(route))
        page.goto(site_path(language, FAQ_PAGE))
        with page.expect_request("**/search_index.json"):
            focus_search(page)
        start = type_and_enter(page, query, keys)
        requests = len(held)
        for route in held:
            route.continue_()
        if answered_first:
            page.wait_for_function(ANSWERED, arg=query, timeout=15_000)
        return requests, opened(page, start, timeout_ms)
    finally:
        page.close()


def enter_after_prefix(page, prefix, rest):
    """The prefix's results on screen, the rest of the query lands as a phone keyboard's
    suggestion does (no key), then Enter: the site path it opens."""
    search(page, prefix)
    return opened(page, type_and_enter(page, rest, keys=False))


@each_language
def test_enter_typed_fast_on_first_use_opens_the_whole_query_top_result(browser, slow_search_url, traps, language):
    """Search not loaded yet, every answer late, keys typed fast: Enter waits for the whole
    query's answer and opens its top result."""
    item, _, top, _ = traps(language)
    context = browser.new_context(viewport=PHONE, base_url=slow_search_url)
    held, went = enter_on_first_use(context, language, item["query"], keys=True)
    context.close()
    where = f"[{language.locale}] {item['query']!r} typed fast on first use"
    assert held == 1, f"{where}: {held} index requests held back while typing, expected 1"
    assert went == top, f"{where}, Enter: opened {went}, not its top result {top}"


@each_language
def test_enter_on_first_use_right_after_a_suggestion_opens_the_whole_query_top_result(phone, traps, language):
    """Search not loaded yet, the query landing without keys: Enter waits for its answer."""
    item, _, top, _ = traps(language)
    held, went = enter_on_first_use(phone.context, language, item["query"], keys=False)
    where = f"[{language.locale}] {item['query']!r} landing on first use"
    assert held == 1, f"{where}: {held} index requests held back while typing, expected 1"
    assert went == top, f"{where}, Enter: opened {went}, not its top result {top}"


@each_language
def test_enter_right_after_a_prefix_results_opens_the_whole_query_top_result(phone, traps, language):
    """A prefix's results on screen, the last word landing and Enter at once: the whole
    query's top result, not the prefix's."""
    item, prefix, top, before = traps(language)
    phone.goto(site_path(language, FAQ_PAGE))
    open_search(phone)
    opened = enter_after_prefix(phone, prefix, item["query"][len(prefix):])
    assert opened == top, (
        f"[{language.locale}] {item['query']!r} after {prefix!r}'s results, Enter: opened {opened}, "
        f"not the whole query's top {top} ({prefix!r}'s is {before})"
    )


def word_to_mark(site_dir, language) -> str:
    """A word the language's pages write with punctuation stuck to it, chosen from the index."""
    word = word_before_punctuation(load_index(site_dir, language))
    if word is None:
        pytest.skip(f"[{language.locale}] no page writes a word of five letters with punctuation after it")
    return word


@each_language
def test_results_mark_the_words_found_without_the_punctuation_stuck_to_them(phone, site_dir, language):
    word = word_to_mark(site_dir, language)
    phone.goto(site_path(language, FAQ_PAGE))
    open_search(phone)
    type_whole_query(phone, word)
    where = f"[{language.locale}] {word!r}"
    assert phone.locator(".md-search-result mark").count(), f"{where}: nothing marked in the results"
    assert punctuation_marked(phone) == [], f"{where}: marked with their punctuation"
