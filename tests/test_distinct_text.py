"""benchmarks/distinct_text.py: the copies of a page keep its Markdown's structure (ids, link
targets, front matter, numbers, names) and change its words; the real page stays as it is."""

import re

from benchmarks.distinct_text import Replacer
from checks.site import PROJECT, source_pages

from .params import each_language

STRUCTURE = re.compile(r"\{[^}\n]*\}|\]\([^)\n]*\)|^[a-z_]+:|^#+|\d+", re.M)


@each_language
def test_a_copy_of_each_page_keeps_its_structure_and_changes_its_words(language):
    folder = PROJECT / "docs" / language.locale
    pages = {page: (folder / page).read_text(encoding="utf-8") for page in source_pages(PROJECT / "docs", language)}
    replacer = Replacer(" ".join(pages.values()), 10, seed="test")
    for page, markdown in pages.items():
        where = f"[{language.locale}] {page}"
        assert replacer.markdown(markdown, 0) == markdown, f"{where}: the real page was changed"
        copy = replacer.markdown(markdown, 3)
        assert STRUCTURE.findall(copy) == STRUCTURE.findall(markdown), f"{where}: ids, links, keys or numbers changed"
        assert copy.count("\n") == markdown.count("\n"), f"{where}: lines added or lost"
        assert copy != markdown, f"{where}: no word replaced"
        assert replacer.markdown(markdown, 3) == copy, f"{where}: the same copy differs from one call to the next"
        assert replacer.markdown(markdown, 4) != copy, f"{where}: two copies have the same text"
