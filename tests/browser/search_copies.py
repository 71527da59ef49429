"""Copies of the built site whose search is changed in one way, for the tests that prove each
search behaviour is really seen: slowed (every answer late, as on a slow phone), or with one
behaviour turned off (the broken twins). Each edits the built files where they say it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from checks.search import index_file
from checks.site import Language

JAVASCRIPTS = Path("assets") / "javascripts"
PAGE_SCRIPT = JAVASCRIPTS / "search-language.js"
RANKING = JAVASCRIPTS / "workers" / "search-ranking.js"


def copy_site(site_dir: Path, dest: Path) -> Path:
    return shutil.copytree(site_dir, dest)


def edit(site: Path, file: Path, old: str, new: str) -> None:
    """Replace old by new in a built file; a file that no longer holds old cannot be broken so."""
    path = site / file
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{file}: no {old!r} to change: update tests/browser/search_copies.py")
    path.write_text(text.replace(old, new), encoding="utf-8")


def with_index_config(site: Path, languages: list[Language], change) -> Path:
    """Each language's search index with change(its config) applied, in place."""
    for language in languages:
        index = json.loads(index_file(site, language).read_text(encoding="utf-8"))
        change(index["config"])
        index_file(site, language).write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return site


def slow_answers(site: Path, ms: int = 60) -> Path:
    """Every query takes the worker ms more (a busy wait before the ranking sees it)."""
    slow = (
        'addEventListener("message", function (ev) { if (ev.data.type === 2) '
        f"{{ var end = Date.now() + {ms}; while (Date.now() < end); }} }});\n"
    )
    path = site / RANKING
    path.write_text(slow + path.read_text(encoding="utf-8"), encoding="utf-8")
    return site


# Two behaviours live partly in each language's index config: they are turned off by functions.
def without_question_ranking(site: Path, languages: list[Language]) -> Path:
    """Question words count as content words, and headings neither match nor define a query."""
    edit(site, RANKING, "CLOSENESS = 3", "CLOSENESS = 0")
    edit(site, RANKING, "DEFINITION = 1", "DEFINITION = 0")
    return with_index_config(site, languages, lambda config: config["words"].update(questions=[]))


def without_offers(site: Path, languages: list[Language]) -> Path:
    """The indexes offer nothing when nothing matches."""
    return with_index_config(site, languages, lambda config: config.update(offers=[]))


# One behaviour turned off by one edit of a built file: (file, what it says, what it says then)
TURNED_OFF = {
    # forms at one edit from a word weigh nothing: typos find nothing
    "typo matching": (RANKING, "FUZZY = 0.5", "FUZZY = 0"),
    # the other words of a synonym group weigh nothing
    "synonyms": (RANKING, "SYNONYM = 0.9", "SYNONYM = 0"),
    # Enter is Material's alone: it opens whatever results are on screen
    "the Enter wait": (PAGE_SCRIPT, 'window.addEventListener("keydown"', 'window.addEventListener("keydown-off"'),
    # a page opened from a result waits for the search box before loading the index, as before
    "the index for highlight": (PAGE_SCRIPT, 'new URLSearchParams(location.search).has("h")', "false"),
    # results keep Material's own terms: the index terms matched, none of the reader's words
    "the reader's words": (RANKING, "item.terms = readable(item.location, asking.units, asking.matched)", "void 0"),
}


def without(site: Path, behaviour: str) -> Path:
    """The site, in place, with one behaviour of TURNED_OFF turned off."""
    edit(site, *TURNED_OFF[behaviour])
    return site
