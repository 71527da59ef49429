"""The pages that show, between them, every kind of element of a language's built site.

A browser test that judges how a page behaves (axe, the policy, the language switcher, what
Chromium fetches) learns nothing from a second page built of the same elements by the same
templates and scripts, and at 2,000 pages a language it could not visit them all. It visits
these: the fewest pages, chosen greedily, whose elements cover every kind the
site has. A kind is an element's tag with its classes and the names of its attributes, under its
parent's tag (a table, a pending notice, a lazy image, a footer link to the previous page), and a
step between two heading levels (h2 then h4). The sidebars, the same templates on every page and
the part of a page that grows with the site, are left out.
What differs from page to page in words and ids is checked on every page's HTML by the fast tier.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from checks.site import Language, built_page, soup_without_sidebars

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def kinds(html: Path) -> frozenset[tuple]:
    """The kinds of element of a built page's body (see the module's docstring)."""
    body = soup_without_sidebars(html).find("body")
    if body is None:
        raise ValueError(f"{html}: no <body>")
    found = {(element.parent.name, element.name, tuple(sorted(element.get("class", []))),
              tuple(sorted(name for name in element.attrs if name != "class")))
             for element in body.find_all(True)}
    article = body.find("article")
    levels = [int(heading.name[1]) for heading in article.find_all(HEADINGS)] if article else []
    found.update(("heading step", before, after) for before, after in zip(levels, levels[1:]))
    return frozenset(found)


def cover(pages: dict[str, frozenset]) -> dict[str, str]:
    """Of pages (name → kinds), those that cover every kind, each with what it was first to
    show; ties go to the page given first."""
    left = set().union(*pages.values()) if pages else set()
    chosen = {}
    while left:
        page = max(pages, key=lambda name: len(pages[name] & left))  # max keeps the first of ties
        new = pages[page] & left
        chosen[page] = f"{len(new)} kinds of element first seen there"
        left -= new
    return chosen


@lru_cache(maxsize=32)
def one_of_each_kind(site_dir: Path, language: Language, pages: tuple[str, ...]) -> dict[str, str]:
    """Of a language's pages (source names), those a browser test visits."""
    return cover({page: kinds(built_page(site_dir, language, page)) for page in pages})
