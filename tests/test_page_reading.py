"""How the parity checks read a built page: less its sidebars (the nav MkDocs writes from
mkdocs.yml, and the table of contents it writes from the page's headings), which is all that
grows with the site; everything else of the page is read as it stands."""

import pytest

from checks.site import built_page, soup, soup_without_sidebars

from .params import LANGUAGES, each_language, each_page

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)


def hrefs(tags) -> list[str]:
    return [a["href"] for a in tags]


@each_language
@each_page
def test_a_page_less_its_sidebars_keeps_the_head_the_switcher_and_the_article(site_dir, language, page):
    html = soup_without_sidebars(built_page(site_dir, language, page))
    where = f"[{language.locale}] {page}"
    assert html.title and html.find("meta", attrs={"name": "description"}), f"{where}: the head is gone"
    assert html.select_one("article.md-content__inner"), f"{where}: the article is gone"
    switcher = [a["hreflang"] for a in html.select("header a[hreflang]")]
    assert switcher == [lang.locale for lang in LANGUAGES], f"{where}: the header's language switcher"
    assert html.select(".md-sidebar") == [], f"{where}: a sidebar is left"


@each_language
@each_page
def test_only_the_sidebars_are_cut_their_links_and_ids_alone(site_dir, language, page):
    """Every link and id of the whole page is either in a sidebar or read, in the same order."""
    path = built_page(site_dir, language, page)
    whole, read = soup(path), soup_without_sidebars(path)
    kept = [a for a in whole.find_all("a", href=True) if not a.find_parent(class_="md-sidebar")]
    assert hrefs(read.find_all("a", href=True)) == hrefs(kept), f"[{language.locale}] {page}: links"
    kept_ids = [t["id"] for t in whole.find_all(id=True) if not t.find_parent(class_="md-sidebar")]
    assert [t["id"] for t in read.find_all(id=True)] == kept_ids, f"[{language.locale}] {page}: ids"


def test_a_page_without_sidebars_is_read_whole(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<html><head><title>T</title></head><body><div class="md-content">x</div></body></html>')
    assert str(soup_without_sidebars(page)) == page.read_text()


@pytest.mark.parametrize(
    "body",
    [
        '<div class="md-sidebar md-sidebar--primary"><div><div class="md-content">x</div></div></div>',
        '<div class="md-sidebar md-sidebar--primary"></div><main>no content</main>',
    ],
    ids=["a sidebar that holds the content", "no content after the sidebars"],
)
def test_sidebars_that_do_not_end_where_the_content_begins_fail_loudly(tmp_path, body):
    """Material's layout changed: say so, rather than cut part of the page with the sidebars."""
    page = tmp_path / "index.html"
    page.write_text(f"<html><body>{body}</body></html>")
    with pytest.raises(ValueError, match="has Material's page layout changed"):
        soup_without_sidebars(page)
