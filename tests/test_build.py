"""The built site: every declared language, every page, the id contract and <html lang>."""

import pytest

from checks.pages import contract_id_problems, html_lang_problems, landing_addresses, page_not_built
from checks.site import PROJECT, built_page

from .params import KEPT_IDS, KEPT_IDS_YML, LANGUAGES, each_language, each_page

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)


@each_language
@each_page
def test_every_page_is_built_in_every_language(site_dir, language, page):
    """A page of any language folder is built in each language."""
    assert page_not_built(site_dir, language, page) == []


@each_language
def test_each_kept_id_stands_exactly_once_on_its_page(site_dir, language):
    """The ids of translations/kept_ids.yml, which links from outside rely on, are present once
    each, in every language, or still land (renamed, moved or removed, as recorded)."""
    problems, landing = [], landing_addresses(PROJECT)
    for page, ids in KEPT_IDS.items():
        if built_page(site_dir, language, page).is_file():
            problems += contract_id_problems(site_dir, language, page, ids, landing)
        else:
            problems.append(f"[{language.locale}] {page}: no such page, yet its ids {ids} are kept")
    assert problems == [], (
        f"outside links rely on these ids ({KEPT_IDS_YML.relative_to(PROJECT)}): give the heading its id "
        "back, rename it with `python -m commands.rename` (which keeps its old address), or change that file"
    )


@each_language
@each_page
def test_html_lang_is_the_page_language(site_dir, language, page):
    """<html lang> names the language the page is written in."""
    assert html_lang_problems(site_dir, language, page) == []


def test_the_languages_come_from_mkdocs_yml_default_first():
    """The parametrisation reads mkdocs.yml: one default language, listed first, each with docs."""
    assert [lang.default for lang in LANGUAGES].count(True) == 1, LANGUAGES
    assert LANGUAGES[0].default, f"default language not first: {LANGUAGES}"
    assert [lang for lang in LANGUAGES if not (PROJECT / "docs" / lang.locale).is_dir()] == []


def test_the_root_answers_favicon_ico_with_an_icon(site_dir):
    """Browsers ask /favicon.ico of a page replaced before its head is read (an old address
    forwarding, a live reload): a 404 there is a console error. overrides/favicon.ico answers."""
    icon = site_dir / "favicon.ico"
    assert icon.is_file(), "no favicon.ico at the site's root (overrides/favicon.ico)"
    data = icon.read_bytes()
    assert data[:4] == b"\x00\x00\x01\x00" and int.from_bytes(data[4:6], "little") >= 1, "favicon.ico is not an icon file"
