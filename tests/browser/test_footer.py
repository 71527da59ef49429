"""On a phone, the footer names the page its links lead to: never a bar of bare arrows
(checks/footer.py), on every page of every language."""

import pytest

from checks.footer import unnamed_footers
from checks.site import site_path

from ..params import PAGES, each_language
from .stylesheet import serve_without

pytestmark = pytest.mark.browser


@each_language
def test_the_footer_names_where_its_links_go_on_every_page(phone, language):
    assert unnamed_footers(phone, [site_path(language, page) for page in PAGES]) == []


@each_language
def test_broken_twin_material_bare_arrow_is_caught(phone, language):
    """The stylesheet served without its footer rule: the page whose footer has only a previous
    link (the last of the nav) shows a bare arrow again."""
    serve_without(phone, r"@media screen and \(max-width: 44\.984375em\) \{\s*\.md-footer__link--prev:only-child.*?\n\}\n")
    found = unnamed_footers(phone, [site_path(language, page) for page in PAGES])
    if not found:
        pytest.skip(f"[{language.locale}] no page's footer holds a previous link alone: nothing to prove")
    assert found
