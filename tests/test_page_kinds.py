"""checks/page_kinds.py: the browser tests visit, per language, the fewest pages that show every
kind of element; a page with a kind of its own is never left out."""

import pytest

from checks.page_kinds import cover, kinds

PLAIN = "<h1>T</h1><h2>A</h2><p>text <a href='x'>link</a></p>"


def page(tmp_path, name: str, article: str):
    path = tmp_path / f"{name}.html"
    path.write_text(f"<html><body><header class='md-header'></header><article>{article}</article></body></html>",
                    encoding="utf-8")
    return kinds(path)


def test_pages_of_the_same_elements_are_visited_once_whatever_their_words(tmp_path):
    pages = {
        "first": page(tmp_path, "first", PLAIN),
        "same-elements": page(tmp_path, "same", "<h1>Other</h1><h2>Words</h2><p>more <a href='y'>here</a></p>"),
    }
    assert list(cover(pages)) == ["first"]


@pytest.mark.parametrize("unusual", [
    "<table><tr><td>1</td></tr></table>",  # an element no other page has
    "<p class='pending-notice'>n</p>",  # a known element with a class of its own
    "<h4>skipped a level</h4>",  # a heading step (h2 then h4) no other page takes
    "<p>text <a href='x' rel='nofollow'>link</a></p>",  # a known element with an attribute of its own
])
def test_a_page_with_a_kind_of_its_own_is_visited(tmp_path, unusual):
    pages = {"plain": page(tmp_path, "plain", PLAIN), "unusual": page(tmp_path, "unusual", PLAIN + unusual)}
    assert set(cover({"plain": pages["plain"], "unusual": pages["unusual"]})) == {"unusual"}, (
        "the page showing every kind should stand for the plain one"
    )
    pages["plain"] = page(tmp_path, "plain2", PLAIN + "<ul><li>only here</li></ul>")
    assert set(cover(pages)) == {"plain", "unusual"}, "each page has a kind of its own: both are visited"
