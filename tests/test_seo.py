"""What search engines and link previews read: hreflang, canonical, sitemaps, robots.txt,
titles, descriptions, Open Graph tags, and a 404 page per language."""

import pytest

from checks import seo

from .params import LANGUAGES, PAGES, each_language, each_page

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)


@pytest.fixture(scope="module")
def base():
    """site_url, as the session's build used it."""
    return seo.site_url()


@each_language
@each_page
def test_every_page_lists_every_language_version_and_x_default_and_each_links_back(
    site_dir, base, language, page
):
    """hreflang links: every built language, the page itself included, then x-default, as
    absolute URLs; and reciprocal: each version lists this page under its language."""
    assert (
        seo.hreflang_problems(site_dir, base, LANGUAGES, language, page)
        + seo.reciprocity_problems(site_dir, base, language, page)
    ) == []


@each_language
@each_page
def test_the_canonical_link_is_the_page_own_absolute_url(site_dir, base, language, page):
    assert seo.canonical_problems(site_dir, base, language, page) == []


def test_the_sitemap_lists_every_page_of_every_language(site_dir, base):
    assert seo.sitemap_missing(site_dir, base, LANGUAGES, PAGES) == []


@each_language
@each_page
def test_the_sitemaps_give_each_page_the_alternates_of_its_head(site_dir, base, language, page):
    """sitemap.xml, and the one Material fetches next to each alternate link: both must exist
    and agree with the page's head."""
    assert (
        seo.sitemap_alternate_problems(site_dir, base, language, page)
        + seo.folder_sitemap_problems(site_dir, base, language, page)
    ) == []


def test_robots_txt_names_the_sitemap(site_dir, base):
    assert seo.robots_problems(site_dir, base) == []


@each_language
@each_page
def test_every_page_has_its_own_description_and_open_graph_tags(site_dir, base, language, page):
    """meta description from the front matter; og:title, og:description, og:url, og:locale(s)."""
    assert seo.metadata_problems(site_dir, base, LANGUAGES, language, page) == []


@each_language
def test_no_two_pages_of_a_language_share_a_title_or_a_description(site_dir, language):
    assert seo.duplicates(site_dir, language, PAGES, seo.page_title) == []
    assert seo.duplicates(site_dir, language, PAGES, seo.page_description) == []


@each_language
def test_each_language_has_its_own_not_found_page_in_its_folder(site_dir, base, language):
    """404.html at the root for the default language, <locale>/404.html for the others."""
    assert seo.not_found_problems(site_dir, base, LANGUAGES, language) == []
