"""The search checks see what they must catch: fed a site whose search is deliberately broken
(its broken twins: tests/browser/search_copies.py)."""

import itertools
import json
import re
import shutil
from contextlib import contextmanager

import pytest

from checks.browser import PHONE
from checks.facts import glossary
from checks.parity import FAQ_PAGE
from checks.search import (
    entries_using,
    expected_offers,
    index_file,
    load_index,
    material_translations,
    none_line,
    queries,
    search_words,
)
from checks.search_ui import (
    heading_misses,
    highlight_problems,
    missing_word_problems,
    offer_problems,
    open_search,
    punctuation_marked,
    query_problems,
    synonym_misses,
    type_whole_query,
)
from checks.site import built_page, site_path
from checks.static_server import serve

from ..params import LANGUAGES, REFERENCE, each_language, each_translation, in_the_last_translation
from . import search_copies
from .test_search_readers import enter_after_prefix, enter_on_first_use, headings, word_to_mark

pytestmark = pytest.mark.browser


def shared_name(site) -> str:
    """A proper name of translations/glossary.yml that every language's pages use: once the
    languages mix, it finds the other one's pages too."""
    for name in glossary():
        if all(entries_using(load_index(site, language), name) for language in LANGUAGES):
            return name
    pytest.fail(f"no name of translations/glossary.yml is used in every language: {glossary()}", pytrace=False)


@pytest.fixture
def broken_site(site_dir, tmp_path):
    """A private copy of the built site, to break."""
    return shutil.copytree(site_dir, tmp_path / "site")


def problems_on(site, browser, language):
    """What query_problems finds searching shared_name() on the language's FAQ page of a site."""
    shared = {"query": shared_name(site)}
    with serve(site) as url:
        context = browser.new_context(viewport=PHONE, base_url=url)
        page = context.new_page()
        page.goto(site_path(language, FAQ_PAGE))
        open_search(page)
        problems = query_problems(page, shared, language, LANGUAGES)
        context.close()
    return problems


@each_translation
def test_results_from_an_index_that_mixes_languages_are_caught(broken_site, browser, language):
    mixed = load_index(broken_site, language)
    mixed["docs"] = load_index(broken_site, REFERENCE)["docs"] + mixed["docs"]
    index_file(broken_site, language).write_text(json.dumps(mixed), encoding="utf-8")
    problems = problems_on(broken_site, browser, language)
    assert any("result from another language" in p for p in problems), (
        f"[{language.locale}] {FAQ_PAGE}: an index holding {REFERENCE.locale}'s pages too went unseen: {problems}"
    )


@each_translation
def test_a_page_without_its_index_redirect_is_caught_searching_the_reference_index(
    broken_site, browser, language
):
    faq = built_page(broken_site, language, FAQ_PAGE)
    html = faq.read_text(encoding="utf-8")
    script = re.compile(r'<script\s+src="[^"]*search-language\.js".*?</script>', re.DOTALL)
    assert script.search(html), f"{faq}: no search-language.js script to remove"
    faq.write_text(script.sub("", html), encoding="utf-8")
    problems = problems_on(broken_site, browser, language)
    assert any("result from another language" in p for p in problems), (
        f"[{language.locale}] {FAQ_PAGE}: searching {REFERENCE.locale}'s index went unseen: {problems}"
    )


def test_queries_typed_without_accents_fail_once_the_worker_stops_folding(broken_site, browser):
    worker = broken_site / "assets" / "javascripts" / "workers" / "search-ranking.js"
    source = worker.read_text(encoding="utf-8")
    assert '.replace(/\\p{M}/gu, "")' in source, f"{worker}: no folding to remove"
    worker.write_text(source.replace('.replace(/\\p{M}/gu, "")', ""), encoding="utf-8")
    with serve(broken_site) as url:
        context = browser.new_context(viewport=PHONE, base_url=url)
        page = context.new_page()
        page.goto(site_path(REFERENCE, FAQ_PAGE))
        open_search(page)
        # Typed one after another until one misses its answer: the first miss is proof enough.
        misses = (
            problem
            for item in queries(REFERENCE)
            for problem in query_problems(page, item, REFERENCE, LANGUAGES)
            if "not in the top 3" in problem or "no top-3 title shows" in problem
        )
        first_miss = next(misses, None)
        context.close()
    assert first_miss is not None, (
        f"[{REFERENCE.locale}] {FAQ_PAGE}: every query still passes without accent folding: "
        "add queries typed without their accents to search_queries.yml"
    )


# -- The twins of what readers get beyond single words (tests/browser/test_search_readers.py) -----
# The twins of checks that judge each language's own queries (typos, synonyms, questions, the
# Enter trap) run in every language: each proves its language's queries depend on what is turned
# off. The twins of checks of the interface alone run in one (params.in_the_last_translation).


@contextmanager
def searching(site, browser, language, page=FAQ_PAGE):
    """A phone on the language's page of a copy of the site, search open and loaded."""
    with serve(site) as url:
        context = browser.new_context(viewport=PHONE, base_url=url)
        tab = context.new_page()
        tab.goto(site_path(language, page))
        open_search(tab)
        yield tab
        context.close()


def misses(tab, language, kind, first_only=False):
    """The queries of a kind of search_queries.yml whose answer is not in the top 3 (with
    first_only, the first such query alone: searched until one misses)."""
    items = [item for item in queries(language) if item["kind"] == kind]
    assert items, f"[{language.locale}] search_queries.yml: no query of kind {kind!r}"
    found = (p for item in items for p in query_problems(tab, item, language, LANGUAGES) if "not in the top 3" in p)
    return list(itertools.islice(found, 1 if first_only else None))


@each_language
def test_typo_queries_miss_once_typo_matching_is_off(broken_site, browser, language):
    with searching(search_copies.without(broken_site, "typo matching"), browser, language) as tab:
        missed = misses(tab, language, "typo")
    typos = [item["query"] for item in queries(language) if item["kind"] == "typo"]
    assert len(missed) == len(typos), (
        f"[{language.locale}] without typo matching, typo queries still found: {typos}; missed: {missed}"
    )


@each_language
def test_synonyms_and_own_word_queries_miss_once_synonyms_are_off(broken_site, site_dir, browser, language):
    index = load_index(site_dir, language)
    groups = search_words(language)["synonyms"]
    with searching(search_copies.without(broken_site, "synonyms"), browser, language) as tab:
        # Each proof needs one miss: the search stops at the first
        synonym_proofs = synonym_misses(tab, language, groups, lambda word: entries_using(index, word))
        synonyms = next((problem for problem in synonym_proofs if ": misses " in problem), None)
        missed = misses(tab, language, "own word", first_only=True)
        missed_english = misses(tab, language, "english", first_only=True)
    assert synonyms, f"[{language.locale}] without synonyms, every synonym still finds its group's entries"
    assert missed, f"[{language.locale}] without synonyms, every own-word query still finds its answer"
    assert missed_english, f"[{language.locale}] without synonyms, every English query still finds its answer"


@each_language
def test_headings_typed_as_questions_lose_their_section_once_question_ranking_is_off(
    broken_site, site_dir, browser, language
):
    broken = search_copies.without_question_ranking(broken_site, LANGUAGES)
    with searching(broken, browser, language) as tab:
        problem = next(heading_misses(tab, language, headings(site_dir, language)), None)  # one is proof
    assert problem, (
        f"[{language.locale}] with question words as content words and no heading closeness, "
        "every heading still ranks its section first"
    )


@each_language
def test_enter_opens_the_prefix_top_or_nothing_without_the_wait(broken_site, browser, traps, language):
    """The two Enter checks of test_search_readers.py on a site where Enter is Material's alone
    (its ranking unchanged: the site's trap holds there)."""
    item, prefix, top, before = traps(language)
    with searching(search_copies.without(broken_site, "the Enter wait"), browser, language) as tab:
        after_prefix = enter_after_prefix(tab, prefix, item["query"][len(prefix):])
        # A waiting Enter acts as soon as the answer shows: a second after it is time enough
        _, first_use = enter_on_first_use(
            tab.context, language, item["query"], keys=False, timeout_ms=1000, answered_first=True
        )
    where = f"[{language.locale}] {item['query']!r} without the wait"
    assert after_prefix == before, f"{where}: Enter after {prefix!r}'s results opened {after_prefix}, not {before}"
    assert first_use is None, f"{where}: Enter on first use opened {first_use}, not nothing"


@in_the_last_translation
def test_a_panel_without_offers_is_caught(broken_site, site_dir, browser, language):
    none = material_translations(language.locale)["search.result.none"]
    expected = expected_offers(site_dir, language)
    with searching(search_copies.without_offers(broken_site, LANGUAGES), browser, language) as tab:
        problems = offer_problems(tab, language, none, none_line(language), expected)
    assert any("offers []" in p for p in problems), f"[{language.locale}] no offers went unseen: {problems}"


@in_the_last_translation
def test_results_that_show_index_terms_for_missing_words_are_caught(broken_site, browser, language):
    word = next(item["query"] for item in queries(language) if item["kind"] == "word")
    with searching(search_copies.without(broken_site, "the reader's words"), browser, language) as tab:
        problems = missing_word_problems(tab, language, word)
    assert problems, f"[{language.locale}] Material's own terms went unseen"


@in_the_last_translation
def test_a_page_opened_from_a_result_without_its_index_marks_nothing(broken_site, browser, language):
    item = next(item for item in queries(language) if "shows" in item)
    with searching(search_copies.without(broken_site, "the index for highlight"), browser, language) as tab:
        # The site marks within a second here: two leave the broken twin time to mark
        problems = highlight_problems(tab, language, item, timeout_ms=2000)
    assert problems, f"[{language.locale}] {item['query']!r}: a page that marks nothing went unseen"


@in_the_last_translation
def test_words_split_at_spaces_alone_are_marked_with_their_punctuation(broken_site, site_dir, browser, language):
    """The separator as it was (spaces, hyphens, apostrophes): "retención?" marked whole."""
    word = word_to_mark(site_dir, language)
    broken = search_copies.with_index_config(broken_site, LANGUAGES, lambda config: config.update(separator="[\\s\\-'’]+"))
    with searching(broken, browser, language) as tab:
        type_whole_query(tab, word)
        marked = punctuation_marked(tab)
    assert marked, f"[{language.locale}] {word!r}: split at spaces alone, no word marked with its punctuation"
