"""The language menu says which language the page is in, and names each language in its own
(overrides/partials/alternate.html, checked by checks/language_menu.py)."""

from checks.language_menu import language_menu_problems
from checks.site import built_page, soup

from .broken_copy import edit
from .params import LANGUAGES, PAGES, REFERENCE, each_language, each_page


@each_language
@each_page
def test_the_menu_marks_the_page_language_and_names_each_in_its_own(site_dir, language, page):
    assert not language_menu_problems(soup(built_page(site_dir, language, page)), language, page, LANGUAGES)


def test_broken_twins_material_menu_without_marks_is_caught(site_dir, tmp_path):
    """Material's own menu: no aria-current, no lang on the other languages' names."""
    page = PAGES[0]
    copy = tmp_path / "page.html"
    copy.write_text(built_page(site_dir, REFERENCE, page).read_text(encoding="utf-8"), encoding="utf-8")
    edit(copy, ' aria-current="true"', "")
    problems = language_menu_problems(soup(copy), REFERENCE, page, LANGUAGES)
    assert any("aria-current on []" in p for p in problems), problems
    edit(copy, r' lang="[a-z]+" class="md-select__link"', ' class="md-select__link"', regex=True)
    problems = language_menu_problems(soup(copy), REFERENCE, page, LANGUAGES)
    assert any("is marked as" in p for p in problems), problems
