"""Fidelity to the source article: every paragraph of `provenance/guide.<locale>.txt` is on
the site in that language, once, allowing for mended typos; the blog leftovers are not.

The articles are the provenance of the import, not a cage: a paragraph that is no longer on
the site is excused when it stood in a section edited since, in every language, and confirmed
(translations/lock.yml says when each section was last confirmed: "import" until then), or in a
section removed from every language and confirmed (the lock keeps its last text, `removed`); a
paragraph moved with its section to another page is found wherever it now stands.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

from checks.parity import HEADINGS, SITE_NOTES, article, site_note
from checks.site import PROJECT, Language, built_page, soup

# The articles the guide was imported from, kept in the repository (README, "Layout").
SOURCE_DIR = PROJECT / "provenance"
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
    return [text for _, text in located_blocks(site_dir, language, pages)]


def located_blocks(site_dir: Path, language: Language, pages: list[str]) -> list[tuple[str, str]]:
    """site_blocks, each with the "page#section" it stands in."""
    blocks, section = [], "(top)"
    for page in pages:
        for block in article(soup(built_page(site_dir, language, page))).find_all(["p", "li", *HEADINGS]):
            if site_note(block) or block.find_parent(class_=SITE_NOTES):
                continue
            if block.name in HEADINGS:
                section = block.get("id", "(no id)")
            text = "".join(
                piece if isinstance(piece, str) else piece.get_text()
                for piece in block.children
                if not (getattr(piece, "get", None) and "headerlink" in piece.get("class", []))
            )
            blocks.append((f"{page}#{section}", normalise(text)))
    return blocks


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def window_similarity(paragraph: str, text: str) -> float:
    """How closely the paragraph stands somewhere in a longer text: the best similarity with a
    run of the text's words as long as the paragraph."""
    words, size = text.split(), len(paragraph.split())
    return max(
        (similarity(paragraph, " ".join(words[n : n + size])) for n in range(max(len(words) - size, 0) + 1)),
        default=0.0,
    )


def removed_texts(lock: dict, locale: str) -> list[str]:
    """The last texts of the sections removed from every language since the import, normalised
    as the site's blocks are (less the link targets the lock writes after each link)."""
    return [
        normalise(re.sub(r" \[→ [^\]]*\]", "", entry[locale]["text"]))
        for sections in lock.values()
        for entry in sections.values()
        if "removed" in entry and locale in entry
    ]


# A paragraph this long can be looked for on the whole site, not only where it stood: it cannot
# be mistaken for another (short headings alike can).
MOVABLE_WORDS = 8


def unmatched_paragraphs(source: list[str], blocks: list[str]) -> list[tuple[str, float, list[int]]]:
    """Source paragraphs with no counterpart on the site, with the best similarity found and
    the indexes of the blocks around the gap they fell in.

    Both sides are in reading order, so they are aligned first on the paragraphs that stand
    unchanged; a paragraph that was mended must then resemble a site block in the same gap.
    Short headings alike ("Que fait le service ?", "Qu'est-ce que le service ?") cannot stand
    in for each other, as they could in a search of the whole site.

    A section moved to another page breaks the reading order: the alignment keeps the longer
    run, the moved section or what it jumped over, and leaves the other unmatched though it is
    on the site. So what is left on each side is aligned again, in order, until a round matches
    nothing more; a paragraph still unmatched is reported with the best similarity of its gaps,
    and the blocks around the first (where it fell in reading order: what is left is not).
    """
    sources, sites = list(range(len(source))), list(range(len(blocks)))
    best: dict[int, tuple[float, list[int]]] = {}  # source index: (best similarity, blocks around its first gap)
    while sources:
        aligned = SequenceMatcher(None, [source[i] for i in sources], [blocks[j] for j in sites], autojunk=False)
        left, left_blocks, matched = [], [], False
        for tag, i1, i2, j1, j2 in aligned.get_opcodes():
            if tag == "equal":
                matched = True
                continue
            gap = sites[j1:j2]
            left_blocks += gap
            around = sites[max(j1 - 1, 0) : j2 + 1]
            for i in sources[i1:i2]:
                score = max((similarity(source[i], blocks[j]) for j in gap), default=0.0)
                if score >= MIN_SIMILARITY:
                    best.pop(i, None)
                    continue
                found, first = best.get(i, (0.0, around))
                best[i] = (max(found, score), first)
                left.append(i)
        if not matched:
            break
        best = {i: best[i] for i in left}
        sources, sites = left, left_blocks
    return [(source[i], *best[i]) for i in sources if i in best]


def fidelity_problems(
    source: Path,
    blocks: list[str],
    leftovers: list[str],
    where: str,
    sections: list[str] | None = None,
    edited: frozenset[str] = frozenset(),
    removed: list[str] = (),
):
    """What of the source is missing from the site, doubled on it, or a leftover that stayed.

    sections (the "page#section" of each block) and edited (the sections confirmed since the
    import) excuse a paragraph missing where a section was edited on purpose; removed (the
    texts of sections removed on purpose, removed_texts) one that stood in them."""
    leftovers = [normalise(text) for text in leftovers]
    paragraphs = source_paragraphs(source)
    title = paragraphs[0]
    guide = [p for n, p in enumerate(paragraphs) if p not in leftovers and p not in paragraphs[:n]]
    problems = [
        f"{where}: source paragraph not on the site (best similarity {score:.2f}): {text[:80]!r}"
        for text, score, around in unmatched_paragraphs(guide, blocks)
        if not (sections and edited.intersection(sections[n] for n in around if n < len(sections)))
        and not any(window_similarity(text, gone) >= MIN_SIMILARITY for gone in removed)
        and text not in blocks  # unchanged, elsewhere: moved with its section, or its page
        and not (len(text.split()) >= MOVABLE_WORDS and any(similarity(text, b) >= MIN_SIMILARITY for b in blocks))
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
