"""A third language needs no change: a copy of the project with one more language (the last
translation's pages under another locale) builds strictly, and every check that does not read
the text's language holds for all three: hreflang, sitemaps, the 404 of each folder, search
isolation, parity of structure, questions and links."""

from checks import parity, search, seo
from checks.freshness import excused_in
from checks.pages import html_lang_problems, page_not_built

from .params import LANGUAGES, PAGES, REFERENCE, THIRD_LANGUAGE, each_page

ALL = [*LANGUAGES, THIRD_LANGUAGE]


def page_problems(built, base, language, page) -> dict[str, list[str]]:
    """Every language-generic check of one language's page, by name, those that find anything."""
    site, languages = built.site, built.languages
    excused = excused_in(built.project, page)
    report = {
        "built": page_not_built(site, language, page),
        "html lang": html_lang_problems(site, language, page),
        "hreflang": seo.hreflang_problems(site, base, languages, language, page),
        "reciprocity": seo.reciprocity_problems(site, base, language, page),
        "sitemap alternates": seo.sitemap_alternate_problems(site, base, language, page),
        "folder sitemap": seo.folder_sitemap_problems(site, base, language, page),
        "links": parity.link_problems(site, languages, language, page),
    }
    if language != REFERENCE:
        report["structure"] = parity.structure_problems(site, REFERENCE, language, page, excused)
        report["link targets"] = parity.counterpart_link_problems(site, languages, REFERENCE, language, page, excused)
        if page == parity.FAQ_PAGE:
            report[parity.FAQ_CHECK] = parity.faq_problems(site, REFERENCE, language, excused)
    return {check: problems for check, problems in report.items() if problems}


def test_the_copy_declares_the_site_languages_and_one_more(third_language):
    assert [lang.locale for lang in third_language.languages] == [lang.locale for lang in ALL]


@each_page
def test_every_language_generic_check_holds_for_each_of_three_languages(third_language, page):
    base = seo.site_url(third_language.project / "mkdocs.yml")
    problems = {
        language.locale: found
        for language in third_language.languages
        if (found := page_problems(third_language, base, language, page))
    }
    assert problems == {}, f"{page} with a third language ({THIRD_LANGUAGE.locale})"


def test_the_sitemap_lists_every_page_of_the_three_languages(third_language):
    base = seo.site_url(third_language.project / "mkdocs.yml")
    assert seo.sitemap_missing(third_language.site, base, third_language.languages, PAGES) == []


def test_each_of_three_languages_has_its_own_404_whose_links_lead_home(third_language):
    """The 404 of the third language once linked to the second's last page (an i18n leak)."""
    base = seo.site_url(third_language.project / "mkdocs.yml")
    yml = third_language.project / "mkdocs.yml"
    problems = [
        problem
        for language in third_language.languages
        for problem in seo.not_found_problems(third_language.site, base, third_language.languages, language, yml)
    ]
    assert problems == []


def test_each_of_three_search_indexes_holds_only_its_language(third_language):
    problems = []
    for language in third_language.languages:
        index = search.load_index(third_language.site, language)
        problems += search.index_config_problems(index, language)
        problems += search.foreign_entries(index, language, third_language.languages)
        problems += search.missing_sections(index, third_language.site, language, PAGES)
    assert problems == []
