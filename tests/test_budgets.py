"""Byte budgets (tests/budgets.yml): what the first load of every page weighs, gzipped."""

import pytest

from checks.first_load import gzipped_size, weights
from checks.search import index_file
from checks.site import ROOT, load_config, site_path

from .params import each_language, each_page

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)

BUDGETS = load_config(ROOT / "tests" / "budgets.yml")


def over_budget(measured: dict, budgets: dict) -> dict:
    """The kinds whose measured bytes exceed their budget: {kind: (bytes, budget)}."""
    return {kind: (measured[kind], cap) for kind, cap in budgets.items() if measured[kind] > cap}


@each_language
@each_page
def test_first_load_of_the_page_is_within_its_budgets(site_dir, language, page):
    measured = weights(site_dir, site_path(language, page))
    over = over_budget(measured, BUDGETS["per_page"])
    assert over == {}, f"[{language.locale}] {page}: over budget {over}; measured {measured}"


@each_language
def test_the_language_search_index_is_within_its_budget(site_dir, language):
    """Loaded when the reader first opens the search, not with the page: a budget of its own."""
    index = index_file(site_dir, language)
    measured = gzipped_size(index)
    cap = BUDGETS["search_index_per_language"]
    assert measured <= cap, f"[{language.locale}] search index {index.relative_to(site_dir)}: {measured} > {cap} bytes"


def test_over_budget_names_each_kind_over_its_cap():
    measured = {"total": 90000, "html": 5000, "css": 20000}
    assert over_budget(measured, {"total": 81920, "html": 8000, "css": 18000}) == {
        "total": (90000, 81920),
        "css": (20000, 18000),
    }
