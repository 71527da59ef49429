"""Fidelity to the articles the guide was imported from (provenance/guide.<locale>.txt): every
paragraph is on the site, unless its section was edited and confirmed since; the blog leftovers
and the repeated title are not. A language added after the import has no article to follow."""

import pytest

from checks.fidelity import SOURCE_DIR, fidelity_problems, located_blocks, removed_texts, unmatched_paragraphs
from checks.freshness import edited_sections, load_lock
from checks.site import load_config, nav_pages

from .params import LANGUAGES

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)

# The blog leftovers of the articles: data about provenance/, kept beside them.
LEFTOVERS_YML = SOURCE_DIR / "leftovers.yml"
LEFTOVERS = load_config(LEFTOVERS_YML)["leftovers"]
IMPORTED = [lang for lang in LANGUAGES if (SOURCE_DIR / f"guide.{lang.locale}.txt").is_file()]


def test_the_guide_was_imported_from_articles_in_languages_of_the_site():
    locales = {lang.locale for lang in LANGUAGES}
    strays = [p.name for p in SOURCE_DIR.glob("guide.*.txt") if p.name.split(".")[1] not in locales]
    assert IMPORTED and strays == [], f"provenance/ articles: {sorted(SOURCE_DIR.iterdir())}"


@pytest.mark.parametrize("language", IMPORTED, ids=lambda lang: lang.locale)
def test_every_source_paragraph_is_on_the_site_and_no_leftover(site_dir, language):
    located = located_blocks(site_dir, language, nav_pages())
    lock = load_lock()
    problems = fidelity_problems(
        SOURCE_DIR / f"guide.{language.locale}.txt",
        [text for _, text in located],
        LEFTOVERS,
        f"[{language.locale}]",
        sections=[where for where, _ in located],
        edited=edited_sections(lock),
        removed=removed_texts(lock, language.locale),
    )
    assert problems == []


# A section moved ahead of what it jumped over: synthetic paragraphs, in reading order.
JUMPED = ["a short heading", "a paragraph that stayed exactly where it was imported"]
MOVED = [f"moved paragraph number {n} of the section moved to another page" for n in range(1, 5)]
SOURCE = ["the title", "an introduction", *JUMPED, *MOVED, "the end"]


def test_paragraphs_a_moved_section_jumped_over_are_still_matched():
    """The longer run (the moved section) wins the first alignment; what it jumped over, still
    on the site, is found by aligning what is left."""
    site = ["the title", "an introduction", *MOVED, *JUMPED, "the end"]
    assert unmatched_paragraphs(SOURCE, site) == [], "paragraphs on the site taken for missing"
    mended = ["the title", "an introduction", *MOVED, JUMPED[0], JUMPED[1].replace("exactly", "exacly"), "the end"]
    assert unmatched_paragraphs(SOURCE, mended) == [], "a mended paragraph beside a moved section taken for missing"


def test_broken_twin_a_paragraph_missing_beside_a_moved_section_is_reported_where_it_fell_first():
    """Reported alone, with the blocks around the gap the first alignment left it in (what is
    aligned again later is what is left, scattered: no place to excuse it by)."""
    site = ["the title", "an introduction", *MOVED, JUMPED[1], "the end"]
    found = unmatched_paragraphs(SOURCE, site)
    assert [(text, score) for text, score, _ in found] == [(JUMPED[0], 0.0)], found
    around = [site[n] for n in found[0][2]]
    assert around == ["an introduction", MOVED[0]], f"blocks around the gap: {around}"
