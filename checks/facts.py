"""Facts that must agree between languages without any lock: in a paragraph and its
counterparts (same page, same section, same position), the same numbers, the same link targets
and the same proper names (translations/glossary.yml). These catch a drift the lock was told to
accept (a wrong confirmation) as well as one it has not seen yet.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from babel.numbers import NumberFormatError, parse_decimal

from checks.freshness import Pending
from checks.parity import HEADINGS, article, site_note
from checks.site import PROJECT, Language, built_page, internal_target, language_of, site_path, soup_without_sidebars
from checks.yaml_files import read_yaml

GLOSSARY = PROJECT / "translations" / "glossary.yml"
# A number as written in running text: "30", "1 000", "1,5", "2.500" (spaces of any width inside)
NUMBER = re.compile(r"\d(?:[\d\u00a0\u202f .,]*\d)?")


@lru_cache(maxsize=4)
def glossary(path: Path = GLOSSARY) -> tuple[str, ...]:
    return tuple(read_yaml(path)["names"])


def numbers(text: str, locale: str) -> list[str]:
    """The numbers of a text as values, in the text's own notation: "1 000" and "1.000" are 1000."""
    found = []
    for token in NUMBER.findall(text):
        try:
            found.append(str(parse_decimal(re.sub(r"[\u00a0\u202f ]", "\u00a0", token), locale=locale)))
        except NumberFormatError:
            found += re.findall(r"\d+", token)
    return sorted(found)


def paragraphs(site_dir: Path, languages: list[Language], language: Language, page: str):
    """(section id, position, text, link targets) of each paragraph and list item of a page."""
    found, section, position = [], "(top)", 0
    page_url = site_path(language, page)
    for child in article(soup_without_sidebars(built_page(site_dir, language, page))).find_all(recursive=False):
        if site_note(child):
            continue
        if child.name in HEADINGS:
            section, position = child.get("id", "(no id)"), 0
            continue
        for block in [child] if child.name == "p" else child.find_all("li"):
            position += 1
            targets = []
            for link in block.find_all("a", href=True):
                target = internal_target(page_url, link["href"])
                path = target and target[0].removeprefix(language_of(target[0], languages).prefix)
                targets.append(f"/{path}#{target[1]}" if target else link["href"])
            found.append((section, position, block.get_text(" ", strip=True), targets))
    return found


def fact_problems(
    site_dir: Path,
    languages: list[Language],
    reference: Language,
    language: Language,
    page: str,
    pending: list[Pending] = (),
):
    """Where a paragraph of the language states other facts than its counterpart in the reference.
    A section pending in either of the two is left out: its facts may differ, for a while."""
    names = glossary()
    waiting = {p.section for p in pending if p.page == page and p.language in (language.locale, reference.locale)}
    ours = paragraphs(site_dir, languages, language, page)
    theirs = {(section, n): (text, links) for section, n, text, links in paragraphs(site_dir, languages, reference, page)}
    problems = []
    for section, n, text, links in ours:
        if (section, n) not in theirs or section in waiting:
            continue  # without counterpart (the parity structure check names it), or pending
        other, other_links = theirs[section, n]
        where = f"[{language.locale}] {page}#{section} paragraph {n}"
        facts = {
            "numbers": (numbers(text, language.locale), numbers(other, reference.locale)),
            "link targets": (links, other_links),
            "names": (
                sorted(Counter(name for name in names if name in text)),
                sorted(Counter(name for name in names if name in other)),
            ),
        }
        problems += [
            f"{where}: {what} {mine} where {reference.locale} has {its}"
            for what, (mine, its) in facts.items()
            if mine != its
        ]
    return problems
