"""On a phone, the header and the menu show the site's name whole (site_name of each language,
the short one; a phone trial found « Guide du servic… »): checks/site_name.py."""

import pytest

from checks.seo import language_extra
from checks.site import site_path
from checks.site_name import CUT, cut_names

from ..params import each_language

pytestmark = pytest.mark.browser


@each_language
def test_the_site_name_fits_the_header_and_the_menu_at_phone_widths(phone, language):
    assert cut_names(phone, site_path(language, "index.md")) == []


@each_language
def test_broken_twin_the_full_name_in_the_header_is_cut(phone, language):
    """The language's full name (extra.full_name) put in the header and the menu: cut."""
    full = language_extra(language)["full_name"]
    phone.goto(site_path(language, "index.md"))
    phone.evaluate(
        """full => document.querySelectorAll(".md-header__topic:first-child .md-ellipsis, .md-nav--primary > .md-nav__title")
                   .forEach(box => { [...box.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).pop().textContent = full })""",
        full,
    )
    assert any(found["place"] == "header" for found in phone.evaluate(CUT)), f"[{language.locale}] {full!r} fits the header"
