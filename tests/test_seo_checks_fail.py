"""Each check of test_seo.py catches its fault in a copy of the built site broken on purpose."""

import re
import shutil
from functools import partial

import pytest

from checks import seo
from checks.site import built_page, nav_pages, page_url

from .broken_copy import edit
from .content import ContentLacks
from .params import LANGUAGES, PAGES, REFERENCE, TRANSLATIONS

# Two pages of the site, neither the home: the last two of nav.
NAV = nav_pages()
if len(NAV) < 3:
    raise ContentLacks(f"mkdocs.yml: nav lists {NAV}: these tests need two pages besides the home")
PAGE, OTHER = NAV[-1], NAV[-2]


@pytest.fixture
def broken(site_dir, tmp_path):
    """A copy of the built site's pages, sitemaps and robots.txt (no assets) to break."""
    return shutil.copytree(
        site_dir, tmp_path / "site", ignore=shutil.ignore_patterns("assets", "search")
    )


@pytest.fixture(scope="module")
def base():
    return seo.site_url()


def url(base, language, page):
    return base + seo.site_path(language, page)


# Each fault replaces the first match of a pattern in the built files.
replace_first = partial(edit, regex=True, count=1)


def test_a_non_reciprocal_hreflang_link_is_caught(broken, base):
    """The translation's PAGE names the default language's OTHER page as its version."""
    ours, other = url(base, REFERENCE, PAGE), url(base, REFERENCE, OTHER)
    replace_first(
        built_page(broken, TRANSLATIONS[-1], PAGE),
        f'hreflang="{REFERENCE.locale}" href="{re.escape(ours)}"',
        f'hreflang="{REFERENCE.locale}" href="{other}"',
    )
    assert seo.hreflang_problems(broken, base, LANGUAGES, TRANSLATIONS[-1], PAGE) == [
        f"[{TRANSLATIONS[-1].locale}] {PAGE}: hreflang link missing: {REFERENCE.locale} {ours}",
        f"[{TRANSLATIONS[-1].locale}] {PAGE}: unexpected hreflang link: {REFERENCE.locale} {other}",
    ]
    assert seo.reciprocity_problems(broken, base, TRANSLATIONS[-1], PAGE) == [
        f"[{TRANSLATIONS[-1].locale}] {PAGE}: {other} ({REFERENCE.locale}) does not link back to "
        f"{url(base, TRANSLATIONS[-1], PAGE)} as {TRANSLATIONS[-1].locale}"
    ]
    assert seo.reciprocity_problems(broken, base, REFERENCE, PAGE) == [
        f"[{REFERENCE.locale}] {PAGE}: {url(base, TRANSLATIONS[-1], PAGE)} ({TRANSLATIONS[-1].locale}) does not link "
        f"back to {ours} as {REFERENCE.locale}"
    ]


def test_a_missing_x_default_a_relative_link_and_a_duplicate_are_caught(broken, base):
    page = built_page(broken, REFERENCE, PAGE)
    replace_first(page, r'\s*<link rel="alternate" hreflang="x-default"[^>]*>', "")
    replace_first(
        page,
        f'hreflang="{TRANSLATIONS[-1].locale}" href="{re.escape(base)}',
        f'hreflang="{TRANSLATIONS[-1].locale}" href="/',
    )
    problems = seo.hreflang_problems(broken, base, LANGUAGES, REFERENCE, PAGE)
    missing = f"[{REFERENCE.locale}] {PAGE}: hreflang link missing:"
    assert problems[:2] == [
        f"{missing} {TRANSLATIONS[-1].locale} {url(base, TRANSLATIONS[-1], PAGE)}",
        f"{missing} x-default {url(base, REFERENCE, PAGE)}",
    ], problems
    replace_first(page, r'(<link rel="alternate" hreflang="[^"]*" href="[^"]*">)', r"\1\1")
    assert any(
        "listed more than once" in p
        for p in seo.hreflang_problems(broken, base, LANGUAGES, REFERENCE, PAGE)
    )


def test_a_page_missing_from_the_sitemap_or_with_other_alternates_is_caught(broken, base):
    sitemap = broken / "sitemap.xml"
    replace_first(sitemap, rf"(?s)<url>\s*<loc>{re.escape(url(base, TRANSLATIONS[-1], PAGE))}</loc>.*?</url>", "")
    assert seo.sitemap_missing(broken, base, LANGUAGES, PAGES) == [
        f"[{TRANSLATIONS[-1].locale}] {PAGE}: {url(base, TRANSLATIONS[-1], PAGE)} not in sitemap.xml"
    ]
    replace_first(sitemap, r'hreflang="x-default" href="[^"]*"', 'hreflang="x-default" href="elsewhere"')
    assert (
        "differ from head" in seo.sitemap_alternate_problems(broken, base, REFERENCE, NAV[0])[0]
    )


def test_a_missing_or_wrong_folder_sitemap_is_caught(broken, base):
    (broken / seo.site_path(TRANSLATIONS[-1], PAGE) / "sitemap.xml").unlink()
    assert "no " in seo.folder_sitemap_problems(broken, base, TRANSLATIONS[-1], PAGE)[0]
    replace_first(
        broken / seo.site_path(REFERENCE, PAGE) / "sitemap.xml",
        r"<loc>[^<]*</loc>",
        "<loc>x</loc>",
    )
    assert "does not list" in seo.folder_sitemap_problems(broken, base, REFERENCE, PAGE)[0]


def test_robots_txt_without_the_sitemap_is_caught(broken, base):
    replace_first(broken / "robots.txt", r"Sitemap: .*", "")
    problems = seo.robots_problems(broken, base)
    assert [p.split(" in ")[0] for p in problems] == [
        f"robots.txt: no line 'Sitemap: {base}sitemap.xml'"
    ]
    (broken / "robots.txt").unlink()
    assert seo.robots_problems(broken, base) == ["robots.txt: not built"]


def test_a_relative_canonical_is_caught(broken, base):
    replace_first(
        built_page(broken, TRANSLATIONS[-1], PAGE),
        r'rel="canonical" href="[^"]*"',
        'rel="canonical" href="./"',
    )
    assert seo.canonical_problems(broken, base, TRANSLATIONS[-1], PAGE) == [
        f"[{TRANSLATIONS[-1].locale}] {PAGE}: canonical ['./'], expected [{url(base, TRANSLATIONS[-1], PAGE)!r}]"
    ]


def test_a_borrowed_description_a_wrong_locale_and_a_shared_title_are_caught(broken, base):
    page, other = built_page(broken, TRANSLATIONS[-1], PAGE), built_page(broken, TRANSLATIONS[-1], OTHER)
    borrowed = seo.page_description(seo.soup(other))
    replace_first(
        page,
        r'<meta name="description" content="[^"]*"',
        f'<meta name="description" content="{borrowed}"',
    )
    replace_first(page, r'property="og:locale" content="[^"]*"', 'property="og:locale" content="xx_XX"')
    replace_first(page, r"<title>[^<]*</title>", f"<title>{seo.page_title(seo.soup(other))}</title>")
    problems = seo.metadata_problems(broken, base, LANGUAGES, TRANSLATIONS[-1], PAGE)
    assert [p.split(" is ")[0] for p in problems] == [
        f"[{TRANSLATIONS[-1].locale}] {PAGE}: description",
        f"[{TRANSLATIONS[-1].locale}] {PAGE}: og:title",
        f"[{TRANSLATIONS[-1].locale}] {PAGE}: og:locale",
    ], problems
    assert len(seo.duplicates(broken, TRANSLATIONS[-1], PAGES, seo.page_description)) == 1
    assert len(seo.duplicates(broken, TRANSLATIONS[-1], PAGES, seo.page_title)) == 1


def test_a_not_found_page_in_the_wrong_language_or_indexable_is_caught(broken, base):
    """Also one whose switcher leads elsewhere than the homes (the third-language leak)."""
    page = seo.not_found_page(broken, TRANSLATIONS[-1])
    replace_first(page, f'<html lang="{TRANSLATIONS[-1].locale}"', f'<html lang="{REFERENCE.locale}"')
    replace_first(page, r'<meta name="robots" content="noindex">', "")
    replace_first(page, r'<a href="[^"]*"( hreflang="[^"]*" class="md-select__link")', rf'<a href="{page_url(PAGE)}"\1')
    problems = seo.not_found_problems(broken, base, LANGUAGES, TRANSLATIONS[-1])
    assert [p.split(" is ")[0] for p in problems] == [
        f"[{TRANSLATIONS[-1].locale}] {TRANSLATIONS[-1].prefix}404.html: language switcher",
        f"[{TRANSLATIONS[-1].locale}] {TRANSLATIONS[-1].prefix}404.html: <html lang>",
        f"[{TRANSLATIONS[-1].locale}] {TRANSLATIONS[-1].prefix}404.html: robots meta",
    ], problems
    page.unlink()
    assert seo.not_found_problems(broken, base, LANGUAGES, TRANSLATIONS[-1]) == [
        f"[{TRANSLATIONS[-1].locale}] {TRANSLATIONS[-1].prefix}404.html: not built"
    ]
