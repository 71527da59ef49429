"""Parametrisation shared by the test modules: every language declared in mkdocs.yml, and every
page found in any language folder (so a page missing in one language still gets its own test)."""

import pytest

from checks.freshness import excused_in
from checks.site import PROJECT, Language, languages, load_config, source_pages

LANGUAGES = languages()
# The default language is the reference every translation is compared with.
REFERENCE = LANGUAGES[0]
TRANSLATIONS = LANGUAGES[1:]
# The heading ids that links from outside the site rely on, page by page: editors' data.
KEPT_IDS_YML = PROJECT / "translations" / "kept_ids.yml"
KEPT_IDS = load_config(KEPT_IDS_YML) or {}
PAGES = sorted({page for lang in LANGUAGES for page in source_pages(PROJECT / "docs", lang)})

# A language the site does not have, that lunr can stem and Material can label: the suite builds
# a copy with it (tests/test_third_language.py) to prove a third language needs no change.
THIRD_LANGUAGE = Language(
    next(code for code in ("pt", "it", "de", "nl") if code not in {lang.locale for lang in LANGUAGES}),
    "Third language",
    False,
)


def pending(page: str) -> frozenset[str]:
    """The page's sections pending in some language within the limit (translations/pending.yml):
    the languages may differ there meanwhile (structure, questions, links), as
    `python -m commands.status` lets them."""
    return excused_in(PROJECT, page)


def other_languages(language):
    """Every language but this one, in mkdocs.yml's order: where its language switcher leads."""
    return [lang for lang in LANGUAGES if lang != language]


each_language = pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
each_translation = pytest.mark.parametrize("language", TRANSLATIONS, ids=lambda lang: lang.locale)
each_page = pytest.mark.parametrize("page", PAGES)


def each_kind_of_page(test):
    """For browser tests: each page, those not among the fewest pages that show every kind of
    element skipped (tests/browser/conftest.py, one_page_per_kind)."""
    return each_page(pytest.mark.usefixtures("one_page_per_kind")(test))

# A broken twin proves that its check can fail: where the check judges the interface, not a
# language's own data, one language is proof enough. The last translation, as in the fast tier.
# One language is also enough for the checks whose input belongs to no language (script
# payloads): what shows it escaped is the same code in every language.
in_the_last_translation = pytest.mark.parametrize("language", TRANSLATIONS[-1:], ids=lambda lang: lang.locale)
