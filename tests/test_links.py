"""Links: every internal link and anchor resolves, stays in its language, and matches the
default language's link to the same place."""

import pytest

from checks.parity import counterpart_link_problems, link_problems

from .params import LANGUAGES, REFERENCE, each_language, each_page, each_translation, pending

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)


@each_language
@each_page
def test_every_internal_link_resolves_and_stays_in_the_page_language(site_dir, language, page):
    """The switcher's hreflang links aside, a page links only within its own language."""
    assert link_problems(site_dir, LANGUAGES, language, page) == []


@each_translation
@each_page
def test_each_link_points_to_the_counterpart_of_the_default_language_link(site_dir, language, page):
    """A section pending in some language aside, meanwhile."""
    assert counterpart_link_problems(site_dir, LANGUAGES, REFERENCE, language, page, pending(page)) == []
