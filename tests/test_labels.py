"""The navigation and the footer call each page by its title, or by the title's beginning
(checks/labels.py): a phone trial found labels that said something else."""

import pytest

from checks.labels import label_problems
from checks.site import built_page, soup

from .params import PAGES, REFERENCE, each_language, each_page

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)


@each_language
@each_page
def test_the_nav_label_says_what_the_page_title_says(site_dir, language, page):
    assert not label_problems(soup(built_page(site_dir, language, page)), language, page)


def test_broken_twin_a_label_that_says_something_else_is_named(site_dir):
    page = next(p for p in PAGES if p != "index.md")
    html = soup(built_page(site_dir, REFERENCE, page))
    html.select_one(".md-nav--primary .md-nav__link--active").string = "Zzz autre chose"
    found = label_problems(html, REFERENCE, page)
    assert found and f"docs/{REFERENCE.locale}/{page}" in found[0], found
