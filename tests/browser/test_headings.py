"""On a phone, a heading's permalink mark never wraps alone onto a line of its own (a phone trial
found an empty-looking line under some headings): every page, at four phone widths."""

import pytest

from checks.permalinks import orphan_marks
from checks.site import site_path

from ..params import PAGES, each_language
from .stylesheet import serve_without

pytestmark = pytest.mark.browser


@each_language
def test_no_permalink_mark_wraps_alone_at_phone_widths(phone, language):
    assert orphan_marks(phone, [site_path(language, page) for page in PAGES]) == []


@each_language
def test_broken_twin_material_inline_block_mark_wraps_alone_somewhere(phone, language):
    """The stylesheet served without its permalink rules: some heading of the content, at some
    phone width, then shows its mark alone (if none is long enough, the content offers no case)."""
    serve_without(phone, r"\.md-typeset \.headerlink(::before)? \{[^}]*\}")
    found = orphan_marks(phone, [site_path(language, page) for page in PAGES], first_only=True)
    if not found:
        pytest.skip(f"[{language.locale}] no heading wraps its mark alone even without the rule: nothing to prove")
    assert found
