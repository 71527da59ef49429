"""Fidelity to the source article: every paragraph of `provenance/guide.<locale>.txt` is on
the site in that language, once, allowing for mended typos; the blog leftovers are not.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

from checks.parity import HEADINGS, article
from checks.site import ROOT, Language, built_page, soup

# The articles the guide was imported from, kept in the repository (README, "Layout").
SOURCE_DIR = ROOT / "provenance"
# How close a mended paragraph must stay to its source paragraph (1.0: identical). Our mends of
# typos and machine-translation glitches score 0.70 and above; another paragraph scores below.
MIN_SIMILARITY = 0.65


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def source_paragraphs(path: Path) -> list[str]:
    """The source's paragraphs (blank-line separated), in order."""
    return [normalise(p) for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]


def site_blocks(site_dir: Path, language: Language, pages: list[str]) -> list[str]:
    """Every paragraph, list item and heading of the language's articles, in reading order
    (pages in `nav` order), without the permalink symbols."""
    blocks = []
    for page in pages:
        for block in article(soup(built_page(site_dir, language, page))).find_all(["p", "li", *HEADINGS]):
            text = "".join(
                piece if isinstance(piece, str) else piece.get_text()
                for piece in block.children
                if not (getattr(piece, "get", None) and "headerlink" in piece.get("class", []))
            )
            blocks.append(normalise(text))
    return blocks


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def unmatched_paragraphs(source: list[str], blocks: list[str]) -> list[tuple[str, float]]:
    """Source paragraphs with no counterpart on the site, with the best similarity found.

    Both sides are in reading order, so they are aligned first on the paragraphs that stand
    unchanged; a paragraph that was mended must then resemble a site block in the same gap.
    Short headings alike ("Que fait le service ?", "Qu'est-ce que le service ?") cannot stand
    in for each other, as they could in a search of the whole site.
    """
    unmatched = []
    aligned = SequenceMatcher(None, source, blocks, autojunk=False)
    for tag, i1, i2, j1, j2 in aligned.get_opcodes():
        if tag in ("replace", "delete"):
            for paragraph in source[i1:i2]:
                score = max((similarity(paragraph, block) for block in blocks[j1:j2]), default=0.0)
                if score < MIN_SIMILARITY:
                    unmatched.append((paragraph, score))
    return unmatched


def fidelity_problems(source: Path, blocks: list[str], leftovers: list[str], where: str):
    """What of the source is missing from the site, doubled on it, or a leftover that stayed."""
    leftovers = [normalise(text) for text in leftovers]
    paragraphs = source_paragraphs(source)
    title = paragraphs[0]
    guide = [p for n, p in enumerate(paragraphs) if p not in leftovers and p not in paragraphs[:n]]
    problems = [
        f"{where}: source paragraph not on the site (best similarity {score:.2f}): {text[:80]!r}"
        for text, score in unmatched_paragraphs(guide, blocks)
    ]
    problems += [
        f"{where}: blog leftover still on the site: {leftover!r}"
        for leftover in leftovers
        if any(leftover in block for block in blocks)
    ]
    copies = blocks.count(title)
    if copies > 1:
        problems.append(f"{where}: the title stands {copies} times, expected once: {title!r}")
    return problems
