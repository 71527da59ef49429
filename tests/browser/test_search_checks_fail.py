"""The search checks see what they must catch: fed a site whose search is deliberately broken."""

import json
import re
import shutil

import pytest

from checks.browser import PHONE
from checks.search import index_file, load_index, queries
from checks.search_ui import open_search, query_problems
from checks.site import built_page, site_path
from checks.static_server import serve

from ..params import LANGUAGES, REFERENCE, each_translation

pytestmark = pytest.mark.browser

# A word in every language's pages: once the languages mix, it finds the other one's pages too.
SHARED = {"query": "Spectrum", "expect": "faq.md"}


@pytest.fixture
def broken_site(site_dir, tmp_path):
    """A private copy of the built site, to break."""
    return shutil.copytree(site_dir, tmp_path / "site")


def problems_on(site, browser, language):
    """What query_problems finds searching SHARED on the language's FAQ page of a site."""
    with serve(site) as url:
        context = browser.new_context(viewport=PHONE, base_url=url)
        page = context.new_page()
        page.goto(site_path(language, "faq.md"))
        open_search(page)
        problems = query_problems(page, SHARED, language, LANGUAGES)
        context.close()
    return problems


@each_translation
def test_results_from_an_index_that_mixes_languages_are_caught(broken_site, browser, language):
    mixed = load_index(broken_site, language)
    mixed["docs"] = load_index(broken_site, REFERENCE)["docs"] + mixed["docs"]
    index_file(broken_site, language).write_text(json.dumps(mixed), encoding="utf-8")
    problems = problems_on(broken_site, browser, language)
    assert any("result from another language" in p for p in problems), (
        f"[{language.locale}] faq.md: an index holding {REFERENCE.locale}'s pages too went unseen: {problems}"
    )


@each_translation
def test_a_page_without_its_index_redirect_is_caught_searching_the_reference_index(
    broken_site, browser, language
):
    faq = built_page(broken_site, language, "faq.md")
    html = faq.read_text(encoding="utf-8")
    script = re.compile(r'<script\s+src="[^"]*search-language\.js".*?</script>', re.DOTALL)
    assert script.search(html), f"{faq}: no search-language.js script to remove"
    faq.write_text(script.sub("", html), encoding="utf-8")
    problems = problems_on(broken_site, browser, language)
    assert any("result from another language" in p for p in problems), (
        f"[{language.locale}] faq.md: searching {REFERENCE.locale}'s index went unseen: {problems}"
    )


def test_queries_typed_without_accents_fail_once_the_worker_stops_folding(broken_site, browser):
    worker = broken_site / "assets" / "javascripts" / "workers" / "search-ranking.js"
    source = worker.read_text(encoding="utf-8")
    assert '.replace(/\\p{M}/gu, "")' in source, f"{worker}: no folding to remove"
    worker.write_text(source.replace('.replace(/\\p{M}/gu, "")', ""), encoding="utf-8")
    with serve(broken_site) as url:
        context = browser.new_context(viewport=PHONE, base_url=url)
        page = context.new_page()
        page.goto(site_path(REFERENCE, "faq.md"))
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
        f"[{REFERENCE.locale}] faq.md: every query still passes without accent folding: "
        "add queries typed without their accents to tests/search_queries.yml"
    )
