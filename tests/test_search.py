"""Each language's search index: its own, in its own language, one entry per section."""

import pytest

from collections import Counter

from checks.search import (
    QUERIES_YML,
    QUERY_KINDS,
    MIN_QUERIES,
    MIN_QUERIES_OF_A_KIND,
    expected_offers,
    foreign_entries,
    index_offers,
    index_words_problems,
    search_words,
    index_config_problems,
    index_file,
    load_index,
    lost_accents,
    missing_sections,
    queries,
    heading_titles,
)
from checks.parity import FAQ_PAGE, article, faq_questions
from checks.site import PROJECT, built_page, soup, source_pages

from .params import LANGUAGES, PAGES, each_language

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)

WHERE = QUERIES_YML.relative_to(PROJECT)


@each_language
def test_each_language_has_its_own_index_with_its_own_stemmer_and_stop_words(site_dir, language):
    """lunr runs the language's own pipeline: lang is that language alone, stemmer included."""
    assert index_file(site_dir, language).is_file(), f"[{language.locale}] no search index"
    assert index_config_problems(load_index(site_dir, language), language) == []


@each_language
def test_the_index_holds_only_its_language_pages(site_dir, language):
    """No entry of another language: a French reader never gets a Spanish hit."""
    assert foreign_entries(load_index(site_dir, language), language, LANGUAGES) == []


@each_language
def test_every_section_and_faq_question_is_its_own_entry_with_its_title(site_dir, language):
    """Each h2 of each page is an entry linking to its anchor, titled as on the page."""
    index = load_index(site_dir, language)
    faq = built_page(site_dir, language, FAQ_PAGE)
    questions = [anchor for anchor, _ in faq_questions(article(soup(faq)))]
    found = list(heading_titles(site_dir, language, FAQ_PAGE))
    assert questions and found == questions, f"[{language.locale}] {FAQ_PAGE}: questions {questions}, sections read {found}"
    assert missing_sections(index, site_dir, language, PAGES) == []


@each_language
def test_the_index_keeps_the_accents_of_the_pages(site_dir, language):
    """Folding is lunr's business: the text shown in results is the page's own."""
    index = load_index(site_dir, language)
    assert lost_accents(index, language, PROJECT / "docs", PAGES) == []


@each_language
def test_each_language_has_search_queries_of_every_kind_that_name_real_sections(site_dir, language):
    """search_queries.yml: at least 20 queries per language, two of each kind at least,
    each expecting a page or section the language has."""
    listed = queries(language)
    where = f"{WHERE}: [{language.locale}]"
    assert len(listed) >= MIN_QUERIES, f"{where} only {len(listed)} search queries, need {MIN_QUERIES}"
    kinds = Counter(item.get("kind") for item in listed)
    few = {kind: kinds[kind] for kind in QUERY_KINDS if kinds[kind] < MIN_QUERIES_OF_A_KIND}
    assert few == {}, f"{where} fewer than {MIN_QUERIES_OF_A_KIND} queries of these kinds: {few}"
    unknown = sorted(set(kinds) - set(QUERY_KINDS), key=str)
    assert unknown == [], f"{where} queries of unknown kinds {unknown}; kinds: {QUERY_KINDS}"
    pages = source_pages(PROJECT / "docs", language)
    for item in listed:
        assert item.get("expect"), f"{where} {item}: expects nothing"
        page, _, anchor = item["expect"].partition("#")
        assert page in pages, f"{where} {item['query']!r} expects {page}, no such page: write the page it should find"
        sections = heading_titles(site_dir, language, page)
        assert not anchor or anchor in sections, (
            f"{where} {item['query']!r} expects {item['expect']}: {page} has no #{anchor}; "
            f"its sections: {', '.join(sections)}"
        )


@each_language
def test_each_index_carries_its_language_search_words(site_dir, language):
    """search_words.yml's questions, definitions and synonyms ride in the language's index."""
    assert index_words_problems(load_index(site_dir, language), language, search_words(language)) == []


@each_language
def test_each_index_offers_the_faq_then_every_guide_section_for_a_search_that_finds_nothing(site_dir, language):
    """In reading order, each with its title as the page shows it; the home aside."""
    offers = index_offers(load_index(site_dir, language))
    assert offers == expected_offers(site_dir, language), f"[{language.locale}] search offers"
