"""What a test may pick from the content when it runs, never what the content says today: the
pages, sections, paragraphs and links of a language's Markdown, in the project's docs/ or in a
copy's.

A broken twin asks here for "a paragraph holding a number" or "a link to a section of another
page", breaks what it gets and derives what its check must then say. When the content offers
nothing of the kind, ContentLacks says what is missing and where ("no paragraph holding a number
on any page of docs/es"): the twin cannot prove anything there, and says so rather than pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from checks.parity import FAQ_PAGE, MIN_WORDS_TO_DETECT
from checks.search import search_words
from checks.site import PROJECT, Language, nav_pages, source_pages

from .hooks import load_hook

DOCS = PROJECT / "docs"
# Headings found as the build finds them (overrides/hooks/heading_ids.py): code blocks skipped.
_headings = load_hook("heading_ids").headings
# The synonym groups no page uses, as the build judges them (overrides/hooks/search_words.py).
_unused_groups = load_hook("search_words").unused_groups
# A Markdown link to a page of the site, anchor or not: [text](page.md#anchor)
PAGE_LINK = re.compile(r"\[[^\]\n]*\]\((?P<target>[A-Za-z0-9/_.-]+\.md)(?:#(?P<anchor>[A-Za-z0-9_-]+))?\)")
# How a block that is not a plain paragraph begins: a list, quote, table, HTML, code, admonition,
# rule, attribute list or heading.
NOT_PARAGRAPH = re.compile(r"(?:[-*+] |\d+[.)] |>|\||<|```|~~~|!!!|\?\?\?|---|===|\{|#| {4}|\t)")
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# A number as a word of its own: digits alone between spaces (not "1 000", "30%" or "**30**"),
# so that changing it changes exactly one word of the built text, and one number of the facts.
NUMBER_WORD = re.compile(r"(?<!\S)\d+(?!\S)")


class ContentLacks(LookupError):
    """The content offers no target of the kind a test needs; the message says which, where."""


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines of a section (a fenced code block whole)."""

    first: int  # index of its first line in the file, from 0
    lines: tuple[str, ...]

    @property
    def end(self) -> int:
        return self.first + len(self.lines)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def is_paragraph(self) -> bool:
        return not NOT_PARAGRAPH.match(self.lines[0])

    @property
    def words(self) -> list[str]:
        """Its words as a reader reads them: link targets and emphasis marks left out."""
        return re.sub(r"[*_`\[\]]", "", re.sub(r"\]\([^)]*\)", "]", self.text)).split()

    @property
    def plain(self) -> bool:
        """Words and punctuation only (no link, emphasis or HTML): its words can move freely."""
        return self.is_paragraph and not re.search(r"[\[\]*_`<>{}]", self.text)


@dataclass(frozen=True)
class Section:
    page: str
    id: str
    level: int  # 1 for "#", 2 for "##"...
    first: int  # index of its heading line in the file
    end: int  # index of the next heading line, or the number of lines
    blocks: tuple[Block, ...]

    @property
    def key(self) -> str:
        """As the parity checks name it: "h2#some-id"."""
        return f"h{self.level}#{self.id}"

    @property
    def paragraphs(self) -> list[Block]:
        return [block for block in self.blocks if block.is_paragraph]


@dataclass(frozen=True)
class Link:
    page: str  # the page it stands on
    section: str  # the id of the section it stands in
    line: int  # index of its line in the file
    start: int  # where it stands in that line
    end: int
    target: str  # the page it leads to
    anchor: str | None

    @property
    def href(self) -> str:
        return self.target + (f"#{self.anchor}" if self.anchor else "")


@dataclass(frozen=True)
class Page:
    name: str
    locale: str
    path: Path
    lines: tuple[str, ...]
    sections: tuple[Section, ...]

    def section(self, section_id: str) -> Section:
        found = [s for s in self.sections if s.id == section_id]
        if not found:
            raise ContentLacks(f"{where(self.path)}: no section #{section_id}")
        return found[0]

    @property
    def body(self) -> str:
        """Its Markdown from its first heading on: the front matter left out, as search leaves it."""
        return "\n".join(self.lines[self.sections[0].first if self.sections else 0 :])

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.sections]

    @property
    def links(self) -> list[Link]:
        """Its links to pages of the site (its own included), headings aside."""
        found = []
        for section in self.sections:
            for n in range(section.first + 1, section.end):
                for match in PAGE_LINK.finditer(self.lines[n]):
                    target = match["target"]
                    found.append(Link(self.name, section.id, n, match.start(), match.end(), target, match["anchor"]))
        return found


def where(path: Path) -> str:
    """A path as an editor names it: relative to the project when inside it."""
    try:
        return path.relative_to(PROJECT).as_posix()
    except ValueError:
        return str(path)


def blocks(lines: list[str], first: int, end: int) -> Iterator[Block]:
    """The blocks of lines[first:end]: runs of non-blank lines, a fenced code block whole."""
    n = first
    while n < end:
        if not lines[n].strip():
            n += 1
            continue
        start, fence = n, FENCE.match(lines[n])
        n += 1
        if fence:  # up to its closing fence, blank lines and all
            while n < end and not lines[n].strip().startswith(fence.group(1)):
                n += 1
            n = min(n + 1, end)
        else:
            while n < end and lines[n].strip():
                n += 1
        yield Block(start, tuple(lines[start:n]))


def read_page(path: Path, name: str, locale: str) -> Page:
    """A Markdown page cut at each heading with an id, as the built page is."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    heads = [h for h in _headings(text) if h.id]
    sections = []
    for n, head in enumerate(heads):
        first = head.line - 1
        end = heads[n + 1].line - 1 if n + 1 < len(heads) else len(lines)
        level = len(head.marker) if head.marker.startswith("#") else 1 + head.marker.startswith("-")
        sections.append(Section(name, head.id, level, first, end, tuple(blocks(lines, first + 1, end))))
    return Page(name, locale, path, tuple(lines), tuple(sections))


def page(language: Language, name: str, docs: Path = DOCS) -> Page:
    path = docs / language.locale / name
    if not path.is_file():
        raise ContentLacks(f"no page {where(path)}")
    return read_page(path, name, language.locale)


def pages(language: Language, docs: Path = DOCS) -> list[Page]:
    """The language's pages, in reading order (nav:, then the others by name)."""
    return [read_page(docs / language.locale / name, name, language.locale) for name in page_names(language, docs)]


def page_names(language: Language, docs: Path = DOCS) -> list[str]:
    present = source_pages(docs, language)
    yml = docs.parent / "mkdocs.yml"
    nav = [name for name in _nav(yml, yml.stat().st_mtime_ns) if name in present]
    return nav + [name for name in present if name not in nav]


@lru_cache(maxsize=8)
def _nav(mkdocs_yml: Path, mtime_ns: int) -> tuple[str, ...]:
    """nav_pages, read again when mkdocs.yml changes: MkDocs' YAML loader is slow to call per page."""
    return tuple(nav_pages(mkdocs_yml))


def first(found: Iterable, what: str, language: Language, docs: Path = DOCS):
    """The first of found, or ContentLacks: "no <what> on any page of docs/<locale>"."""
    for item in found:
        return item
    raise ContentLacks(f"no {what} on any page of {where(docs / language.locale)}")


# -- Targets -------------------------------------------------------------------------------------


def sections(language: Language, docs: Path = DOCS, level: int | None = None) -> Iterator[Section]:
    """Every section of every page, in reading order; only those of a level, if given."""
    for found in pages(language, docs):
        yield from (s for s in found.sections if level is None or s.level == level)


def faq_questions(language: Language, docs: Path = DOCS) -> list[Section]:
    """The FAQ's questions (its h2 sections, as checks.parity reads them), in order."""
    questions = [s for s in page(language, FAQ_PAGE, docs).sections if s.level == 2]
    if not questions:
        raise ContentLacks(f"no question (## heading) on {where(docs / language.locale / FAQ_PAGE)}")
    return questions


def numbers_as_words(block: Block) -> Iterator[tuple[int, re.Match]]:
    """(line index, match) of each number standing as a word of its own in a paragraph, its
    neighbours not numbers (so "1 000" is not taken for two)."""
    for n, line in enumerate(block.lines, start=block.first):
        for match in NUMBER_WORD.finditer(line):
            before, after = line[: match.start()].split(), line[match.end() :].split()
            if not (before and before[-1][-1].isdigit()) and not (after and after[0][0].isdigit()):
                yield n, match


def paragraphs_with_number(language: Language, docs: Path = DOCS) -> Iterator[tuple[Section, Block]]:
    """Each paragraph holding a number as a word of its own, with its section."""
    for section in sections(language, docs):
        for block in section.paragraphs:
            if next(numbers_as_words(block), None):
                yield section, block


def links_to_sections(language: Language, docs: Path = DOCS) -> Iterator[Link]:
    """Each link to a section (page.md#id) of a page of the site."""
    return (link for found in pages(language, docs) for link in found.links if link.anchor)


def links_to_pages(language: Language, docs: Path = DOCS) -> Iterator[Link]:
    """Each link to another page of the site."""
    return (link for found in pages(language, docs) for link in found.links if link.target != found.name)


def detectable(block: Block) -> bool:
    """A paragraph long enough for its language to be told (checks.parity.detect_language)."""
    return block.is_paragraph and len(block.words) >= MIN_WORDS_TO_DETECT


def keeps_search_words(language: Language, removed: str | Iterable[str], docs: Path = DOCS) -> bool:
    """Whether the language's pages, less the text removed (one text, or several), still use a
    word of each of its synonym groups: without, the build stops (search_words.yml), and the copy
    proves nothing."""
    text = " ".join(found.body for found in pages(language, docs))
    for gone in [removed] if isinstance(removed, str) else removed:
        text = text.replace(gone, " ", 1)
    return not _unused_groups(search_words(language)["synonyms"], [{"title": "", "text": text}])


# -- Edits ---------------------------------------------------------------------------------------


def rewrite(path: Path, change: Callable[[list[str]], list[str]]) -> None:
    """A Markdown file's lines passed through change(); one final newline kept."""
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(change(lines)).rstrip("\n") + "\n", encoding="utf-8")


def splice(path: Path, first: int, end: int, new: Iterable[str]) -> None:
    """Lines first..end (end excluded) of a Markdown file replaced by new."""
    rewrite(path, lambda lines: [*lines[:first], *new, *lines[end:]])


def replace_span(path: Path, line: int, start: int, end: int, new: str) -> None:
    """Characters start..end of one line replaced by new."""
    rewrite(path, lambda lines: [*lines[:line], lines[line][:start] + new + lines[line][end:], *lines[line + 1 :]])


def front_matter_value(lines: tuple[str, ...] | list[str], key: str) -> tuple[int, int]:
    """(first, end) line indexes of a key of the front matter, its indented continuation lines
    included: what to copy to give another page the same value."""
    if not lines or lines[0] != "---":
        raise ContentLacks("no front matter")
    close = lines.index("---", 1)
    for n in range(1, close):
        if lines[n].startswith(f"{key}:"):
            end = n + 1
            while end < close and lines[end].startswith((" ", "\t")):
                end += 1
            return n, end
    raise ContentLacks(f"no {key} in the front matter")


@lru_cache(maxsize=None)
def unused_id(base: str) -> str:
    """An id no page of docs/ holds, made of base: for a section or an anchor planted on purpose."""
    taken = set(re.findall(r"\{#([A-Za-z0-9_-]+)\}", " ".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md"))))
    return next(f"{base}{n or ''}" for n in range(1000) if f"{base}{n or ''}" not in taken)
