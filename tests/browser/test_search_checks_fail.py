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

from ..params import LANGUAGES

pytestmark = pytest.mark.browser

DEFAULT, OTHER = LANGUAGES[0], LANGUAGES[-1]
# A word in every language's pages: once the languages mix, it finds the other one's pages too.
SHARED = {"query": "Spectrum", "expect": "faq.md"}


@pytest.fixture
def broken_site(site_dir, tmp_path):
    """A private copy of the built site, to break."""
    return shutil.copytree(site_dir, tmp_path / "site")


def problems_on(site, browser):
    with serve(site) as url:
        context = browser.new_context(viewport=PHONE, base_url=url)
        page = context.new_page()
        page.goto(site_path(OTHER, "faq.md"))
        open_search(page)
        problems = query_problems(page, SHARED, OTHER, LANGUAGES)
        context.close()
    return problems


def test_results_from_an_index_that_mixes_languages_are_caught(broken_site, browser):
    mixed = load_index(broken_site, OTHER)
    mixed["docs"] = load_index(broken_site, DEFAULT)["docs"] + mixed["docs"]
    index_file(broken_site, OTHER).write_text(json.dumps(mixed), encoding="utf-8")
    problems = problems_on(broken_site, browser)
    assert any("result from another language" in p for p in problems), problems


def test_a_page_without_its_index_redirect_is_caught_searching_the_default_index(broken_site, browser):
    faq = built_page(broken_site, OTHER, "faq.md")
    html = faq.read_text(encoding="utf-8")
    script = re.compile(r'<script\s+src="[^"]*search-language\.js".*?</script>', re.DOTALL)
    assert script.search(html), f"{faq}: no search-language.js script to remove"
    faq.write_text(script.sub("", html), encoding="utf-8")
    problems = problems_on(broken_site, browser)
    assert any("result from another language" in p for p in problems), problems


def test_queries_typed_without_accents_fail_once_the_worker_stops_folding(broken_site, browser):
    worker = broken_site / "assets" / "javascripts" / "workers" / "search-language.js"
    source = worker.read_text(encoding="utf-8")
    assert '.replace(/\\p{M}/gu, "")' in source, f"{worker}: no folding to remove"
    worker.write_text(source.replace('.replace(/\\p{M}/gu, "")', ""), encoding="utf-8")
    with serve(broken_site) as url:
        context = browser.new_context(viewport=PHONE, base_url=url)
        page = context.new_page()
        page.goto(site_path(DEFAULT, "faq.md"))
        open_search(page)
        problems = [p for item in queries(DEFAULT) for p in query_problems(page, item, DEFAULT, LANGUAGES)]
        context.close()
    assert any("not in the top 3" in p or "no top-3 title shows" in p for p in problems), (
        f"[{DEFAULT.locale}] every query still passes without accent folding: "
        "add queries typed without their accents to tests/search_queries.yml"
    )
