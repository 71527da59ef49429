"""Each check of test_seo.py catches its fault in a copy of the built site broken on purpose."""

import re
import shutil

import pytest

from checks import seo
from checks.site import built_page

from .params import LANGUAGES, PAGES

DEFAULT, OTHER = LANGUAGES[0], LANGUAGES[-1]  # the default language and a translation


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


def edit(path, pattern, new, count=1):
    text = path.read_text(encoding="utf-8")
    changed, done = re.subn(pattern, new, text, count=count)
    assert done, f"{path}: nothing matches {pattern!r}"
    path.write_text(changed, encoding="utf-8")


def test_a_non_reciprocal_hreflang_link_is_caught(broken, base):
    """The translation's FAQ names the default language's 'negotiate' page as its version."""
    faq, negotiate = url(base, DEFAULT, "faq.md"), url(base, DEFAULT, "negotiate.md")
    edit(
        built_page(broken, OTHER, "faq.md"),
        f'hreflang="{DEFAULT.locale}" href="{re.escape(faq)}"',
        f'hreflang="{DEFAULT.locale}" href="{negotiate}"',
    )
    assert seo.hreflang_problems(broken, base, LANGUAGES, OTHER, "faq.md") == [
        f"[{OTHER.locale}] faq.md: hreflang link missing: {DEFAULT.locale} {faq}",
        f"[{OTHER.locale}] faq.md: unexpected hreflang link: {DEFAULT.locale} {negotiate}",
    ]
    assert seo.reciprocity_problems(broken, base, OTHER, "faq.md") == [
        f"[{OTHER.locale}] faq.md: {negotiate} ({DEFAULT.locale}) does not link back to "
        f"{url(base, OTHER, 'faq.md')} as {OTHER.locale}"
    ]
    assert seo.reciprocity_problems(broken, base, DEFAULT, "faq.md") == [
        f"[{DEFAULT.locale}] faq.md: {url(base, OTHER, 'faq.md')} ({OTHER.locale}) does not link "
        f"back to {faq} as {DEFAULT.locale}"
    ]


def test_a_missing_x_default_a_relative_link_and_a_duplicate_are_caught(broken, base):
    page = built_page(broken, DEFAULT, "faq.md")
    edit(page, r'\s*<link rel="alternate" hreflang="x-default"[^>]*>', "")
    edit(
        page,
        f'hreflang="{OTHER.locale}" href="{re.escape(base)}',
        f'hreflang="{OTHER.locale}" href="/',
    )
    problems = seo.hreflang_problems(broken, base, LANGUAGES, DEFAULT, "faq.md")
    missing = f"[{DEFAULT.locale}] faq.md: hreflang link missing:"
    assert problems[:2] == [
        f"{missing} {OTHER.locale} {url(base, OTHER, 'faq.md')}",
        f"{missing} x-default {url(base, DEFAULT, 'faq.md')}",
    ], problems
    edit(page, r'(<link rel="alternate" hreflang="[^"]*" href="[^"]*">)', r"\1\1")
    assert any(
        "listed more than once" in p
        for p in seo.hreflang_problems(broken, base, LANGUAGES, DEFAULT, "faq.md")
    )


def test_a_page_missing_from_the_sitemap_or_with_other_alternates_is_caught(broken, base):
    sitemap = broken / "sitemap.xml"
    edit(sitemap, rf"(?s)<url>\s*<loc>{re.escape(url(base, OTHER, 'faq.md'))}</loc>.*?</url>", "")
    assert seo.sitemap_missing(broken, base, LANGUAGES, PAGES) == [
        f"[{OTHER.locale}] faq.md: {url(base, OTHER, 'faq.md')} not in sitemap.xml"
    ]
    edit(sitemap, r'hreflang="x-default" href="[^"]*"', 'hreflang="x-default" href="elsewhere"')
    assert (
        "differ from head" in seo.sitemap_alternate_problems(broken, base, DEFAULT, "index.md")[0]
    )


def test_a_missing_or_wrong_folder_sitemap_is_caught(broken, base):
    (broken / seo.site_path(OTHER, "faq.md") / "sitemap.xml").unlink()
    assert "no " in seo.folder_sitemap_problems(broken, base, OTHER, "faq.md")[0]
    edit(
        broken / seo.site_path(DEFAULT, "faq.md") / "sitemap.xml",
        r"<loc>[^<]*</loc>",
        "<loc>x</loc>",
    )
    assert "does not list" in seo.folder_sitemap_problems(broken, base, DEFAULT, "faq.md")[0]


def test_robots_txt_without_the_sitemap_is_caught(broken, base):
    edit(broken / "robots.txt", r"Sitemap: .*", "")
    problems = seo.robots_problems(broken, base)
    assert [p.split(" in ")[0] for p in problems] == [
        f"robots.txt: no line 'Sitemap: {base}sitemap.xml'"
    ]
    (broken / "robots.txt").unlink()
    assert seo.robots_problems(broken, base) == ["robots.txt: not built"]


def test_a_relative_canonical_is_caught(broken, base):
    edit(
        built_page(broken, OTHER, "faq.md"),
        r'rel="canonical" href="[^"]*"',
        'rel="canonical" href="./"',
    )
    assert seo.canonical_problems(broken, base, OTHER, "faq.md") == [
        f"[{OTHER.locale}] faq.md: canonical ['./'], expected [{url(base, OTHER, 'faq.md')!r}]"
    ]


def test_a_borrowed_description_a_wrong_locale_and_a_shared_title_are_caught(broken, base):
    faq, home = built_page(broken, OTHER, "faq.md"), built_page(broken, OTHER, "index.md")
    home_description = seo.page_description(seo.soup(home))
    edit(
        faq,
        r'<meta name="description" content="[^"]*"',
        f'<meta name="description" content="{home_description}"',
    )
    edit(faq, r'property="og:locale" content="[^"]*"', 'property="og:locale" content="xx_XX"')
    edit(faq, r"<title>[^<]*</title>", f"<title>{seo.page_title(seo.soup(home))}</title>")
    problems = seo.metadata_problems(broken, base, LANGUAGES, OTHER, "faq.md")
    assert [p.split(" is ")[0] for p in problems] == [
        f"[{OTHER.locale}] faq.md: description",
        f"[{OTHER.locale}] faq.md: og:title",
        f"[{OTHER.locale}] faq.md: og:locale",
    ], problems
    assert len(seo.duplicates(broken, OTHER, PAGES, seo.page_description)) == 1
    assert len(seo.duplicates(broken, OTHER, PAGES, seo.page_title)) == 1


def test_a_not_found_page_in_the_wrong_language_or_indexable_is_caught(broken, base):
    page = seo.not_found_page(broken, OTHER)
    edit(page, f'<html lang="{OTHER.locale}"', f'<html lang="{DEFAULT.locale}"')
    edit(page, r'<meta name="robots" content="noindex">', "")
    problems = seo.not_found_problems(broken, base, OTHER)
    assert [p.split(" is ")[0] for p in problems] == [
        f"[{OTHER.locale}] {OTHER.prefix}404.html: <html lang>",
        f"[{OTHER.locale}] {OTHER.prefix}404.html: robots meta",
    ], problems
    page.unlink()
    assert seo.not_found_problems(broken, base, OTHER) == [
        f"[{OTHER.locale}] {OTHER.prefix}404.html: not built"
    ]
