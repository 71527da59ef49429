"""A page printed, or saved as PDF from the phone, to keep at hand during the call: the content
and its date alone, each link's address written out (accessibility.css, checks/printing.py), rendered as
print media in Chromium."""

import pytest

from checks.printing import print_problems
from checks.site import site_path as url_of

from .. import content
from ..params import each_kind_of_page, each_language

pytestmark = pytest.mark.browser


@each_language
@each_kind_of_page
def test_a_printed_page_gives_its_content_and_date_alone_links_written_out(phone, language, page):
    phone.goto(url_of(language, page))
    phone.emulate_media(media="print")
    try:
        assert not print_problems(phone, language, page)
    finally:
        phone.emulate_media(media="screen")


@each_language
def test_broken_twin_the_screen_rendering_is_caught(phone, language):
    """The same check on screen media, on a page with a link to another (chosen from the content):
    the header, the answer-back link and the links without their addresses are named."""
    page = content.first(content.links_to_pages(language), "link to another page", language).page
    phone.goto(url_of(language, page))
    problems = print_problems(phone, language, page)
    assert any("shows .md-header" in p for p in problems), problems
    assert any("shows .answer-back" in p for p in problems), problems
    assert any("without its address" in p for p in problems), problems
