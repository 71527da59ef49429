"""No translation falls behind silently: every section of every page, in every language, is as
the lock last confirmed it (or pending within the time limit), and counterpart paragraphs state
the same numbers, link targets and names."""

from datetime import date

import pytest

from checks.facts import fact_problems
from checks.freshness import freshness_problems, limit_days, load_lock, load_pending, removed, section_states
from checks.site import load_config

from .params import LANGUAGES, PAGES, REFERENCE, each_page, each_translation

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)

LIMIT = limit_days(load_config())


@each_page
def test_every_section_is_in_step_with_the_lock_in_every_language(site_dir, page):
    """Two-way: a section changed in any language and not in the others fails, naming them."""
    states = section_states(site_dir, LANGUAGES, page, load_lock())
    assert freshness_problems(states, load_pending(), date.today(), LIMIT) == []


@each_translation
@each_page
def test_counterpart_paragraphs_state_the_same_facts(site_dir, language, page):
    """Numbers, link targets and glossary names, paragraph by paragraph, against the reference."""
    assert fact_problems(site_dir, LANGUAGES, REFERENCE, language, page, load_pending()) == []


def test_the_lock_holds_no_page_the_site_lost(site_dir):
    """A page removed from docs/ leaves the lock only through `python -m commands.confirm`."""

    lock = load_lock()
    kept = {page for page, sections in lock.items() if not all(removed(entry) for entry in sections.values())}
    assert sorted(kept - set(PAGES)) == [], "translations/lock.yml: run `python -m commands.confirm`"
