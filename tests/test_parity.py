"""Every translation carries the same guide as the default language, page by page."""

import pytest

from checks.parity import (
    FAQ_PAGE,
    faq_problems,
    faq_questions,
    head_problems,
    page_set_problems,
    structure_problems,
    untranslated_problems,
)
from checks.site import PROJECT, built_page, soup

from .params import LANGUAGES, REFERENCE, each_language, each_page, each_translation, pending

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)


@each_translation
def test_same_set_of_pages_as_the_default_language(language):
    """Each page has its counterpart in every language folder, and no page is extra."""
    assert page_set_problems(PROJECT / "docs", REFERENCE, language) == []


@each_translation
@each_page
def test_same_headings_and_blocks_as_the_default_language(site_dir, language, page):
    """The same ordered heading ids and levels; under each, the same number of blocks."""
    assert structure_problems(site_dir, REFERENCE, language, page, pending(page)) == []


@each_translation
def test_faq_has_the_same_questions_in_the_same_order_each_answered(site_dir, language):
    assert faq_problems(site_dir, REFERENCE, language, pending(FAQ_PAGE)) == []


def test_faq_of_the_default_language_has_questions_and_answers_every_one(site_dir):
    """The FAQ every translation is compared with: were it empty, those checks would compare nothing."""
    where = f"[{REFERENCE.locale}] {FAQ_PAGE}"
    assert faq_questions(soup(built_page(site_dir, REFERENCE, FAQ_PAGE))) != [], f"{where}: no question (h2)"
    assert faq_problems(site_dir, REFERENCE, REFERENCE) == [], f"{where}: unanswered questions"


@each_language
@each_page
def test_no_text_is_left_in_another_language(site_dir, language, page):
    """Each paragraph, list item and heading is in the page's language."""
    assert untranslated_problems(site_dir, LANGUAGES, language, page) == []


@each_language
@each_page
def test_title_and_meta_description_are_present_in_the_page_language(site_dir, language, page):
    assert head_problems(site_dir, LANGUAGES, language, page) == []
