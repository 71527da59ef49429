"""Fidelity to the articles the guide was imported from (provenance/guide.<locale>.txt): every
paragraph is on the site, unless its section was edited and confirmed since; the blog leftovers
and the repeated title are not. A language added after the import has no article to follow."""

import pytest

from checks.fidelity import SOURCE_DIR, fidelity_problems, located_blocks, removed_texts
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
