"""Readers can write to the editors from every FAQ answer and every page, with a message already
filled in (overrides/hooks/answer_back.py, checked by checks/answer_back.py); nothing but a link."""

import pytest
from mkdocs.exceptions import PluginError

from checks.answer_back import destination, page_problems
from checks.parity import ANSWER_CLASS, FAQ_PAGE
from checks.site import built_page, soup

from .broken_copy import edit
from .hooks import load_hook
from .params import LANGUAGES, PAGES, REFERENCE, each_language, each_page


@each_language
@each_page
def test_every_answer_and_page_ends_with_a_message_naming_page_section_language_and_address(site_dir, language, page):
    assert not page_problems(soup(built_page(site_dir, language, page)), language, page, FAQ_PAGE, destination())


def test_broken_twins_a_lost_link_a_wrong_address_and_another_destination_are_caught(site_dir, tmp_path):
    """On a copy of the built FAQ (or the first page without it): its first answer-back link's
    address changed, then its destination, then the link taken out."""
    page = FAQ_PAGE if FAQ_PAGE in PAGES else PAGES[0]
    copy = tmp_path / "page.html"
    copy.write_text(built_page(site_dir, REFERENCE, page).read_text(encoding="utf-8"), encoding="utf-8")
    found = lambda: page_problems(soup(copy), REFERENCE, page, FAQ_PAGE, destination())  # noqa: E731
    edit(copy, "%23", "%23gone-", count=1)
    assert any("does not say" in p for p in found()), found()
    edit(copy, destination(), "mailto:elsewhere@example.org", count=1)
    assert any("writes to 'mailto:elsewhere@example.org'" in p for p in found()), found()
    edit(copy, rf'<p class="{ANSWER_CLASS}"', '<p class="x"', count=1)
    assert any("answer-back link" in p for p in found()), found()


def test_the_destination_must_be_an_address_or_a_new_issue_page():
    hook = load_hook("answer_back")
    assert hook.message_link("mailto:a@b.example", "S", "B é").startswith("mailto:a@b.example?subject=S&body=B%20%C3%A9")
    assert "?title=S&body=" in hook.message_link("https://git.example/o/r/issues/new", "S", "B")
    for wrong in ("a@b.example", "https://git.example/o/r", "javascript:alert(1)"):
        with pytest.raises(PluginError, match="extra.answer_back_to must be"):
            hook.message_link(wrong, "S", "B")
