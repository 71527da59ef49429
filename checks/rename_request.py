"""What `python -m commands.rename` is asked, and whether it can be done in every language: the
section must be there in each, its new id a free slug on its new page, both pages present.

Every refusal is a sentence for the editor, naming the file and what to do; nothing is written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from checks.markdown_links import Moves
from checks.markdown_sections import SLUG, headings, section_lines, sub_section_ids
from checks.site import Language


class Refused(Exception):
    """Why the command does nothing, in a sentence for the editor."""


@dataclass(frozen=True)
class Request:
    page: str  # "faq.md"
    section: str  # "refund"
    new_page: str  # the same page for a rename
    new_section: str
    after: str | None = None  # the section of new_page to paste it after; None: at the end

    @property
    def moves_text(self) -> bool:
        """The section's Markdown changes place (a rename only changes its id)."""
        return self.new_page != self.page or self.after is not None


def parse_request(old: str, new: str, after: str | None = None) -> Request:
    """From "faq.md#refund" and "money-back", "negotiate.md" or "negotiate.md#money-back"."""
    page, hashed, section = old.partition("#")
    if not (hashed and page.endswith(".md") and section):
        raise Refused(f"{old!r}: write the section as PAGE.md#ID, e.g. faq.md#refund")
    if new.endswith(".md") or "#" in new:
        new_page, _, new_section = new.partition("#")
        if not new_page.endswith(".md"):
            raise Refused(f"{new!r}: write where it goes as NEW-ID, OTHER.md or OTHER.md#NEW-ID")
        return Request(page, section, new_page, new_section or section, after)
    return Request(page, section, page, new, after)


class Sources:
    """The Markdown sources of every language of a project, each read once."""

    def __init__(self, project: Path, langs: list[Language]):
        self.docs = project / "docs"
        self.langs = langs
        self.read: dict[Path, str] = {}

    def path(self, lang: Language, page: str) -> Path:
        return self.docs / lang.locale / page

    def name(self, lang: Language, page: str) -> str:
        return f"docs/{lang.locale}/{page}"

    def lines(self, lang: Language, page: str) -> list[str]:
        path = self.path(lang, page)
        if path not in self.read:
            self.read[path] = path.read_text(encoding="utf-8")
        return self.read[path].split("\n")

    def ids(self, lang: Language, page: str) -> set[str]:
        return {h.id for h in headings(self.lines(lang, page)) if h.id}


def suggested_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "some-id"


def checked_moves(sources: Sources, request: Request) -> Moves:
    """Where each moved section goes, (page, id) -> (page, id): the section and, when it changes
    page, its sub-sections. Refused when something is missing or taken in some language."""
    page, section, new_page, new_section = request.page, request.section, request.new_page, request.new_section
    for name, role in ((page, "page"), (new_page, "target page")):
        absent = [sources.name(lang, name) for lang in sources.langs if not sources.path(lang, name).is_file()]
        if absent:
            raise Refused(f"the {role} {', '.join(absent)} does not exist: every language needs it first")
    if not SLUG.fullmatch(new_section):
        raise Refused(
            f'"{new_section}" is not a simple slug (a-z, 0-9, - between words): '
            f'write e.g. "{suggested_slug(new_section)}"'
        )
    missing = [sources.name(lang, page) for lang in sources.langs if section not in sources.ids(lang, page)]
    if missing:
        raise Refused(f"{page}#{section}: no heading with {{#{section}}} in {', '.join(missing)}: check the id")
    if not request.moves_text and new_section == section:
        raise Refused(f"{page}#{section} is already there: nothing to do")
    level = next(h.level for h in headings(sources.lines(sources.langs[0], page)) if h.id == section)
    if request.moves_text and level == 1:
        raise Refused(f"{page}#{section} is the page's title: it cannot move; move its sections one by one")
    subs = {lang.locale: sub_section_ids(sources.lines(lang, page), section) for lang in sources.langs}
    if request.moves_text and len({tuple(found) for found in subs.values()}) > 1:
        raise Refused(f"{page}#{section}: the languages hold different sub-sections {subs}: bring them in step first")
    own = [section, *subs[sources.langs[0].locale]]
    if request.after in own and new_page == page:
        raise Refused(f"--after {request.after}: a section cannot go after itself or one of its sub-sections")
    carried = own[1:] if new_page != page else []
    for lang in sources.langs:
        ids = sources.ids(lang, new_page) - ({section} if new_page == page else set())
        taken = [found for found in [new_section, *carried] if found in ids]
        if taken:
            raise Refused(f"{new_page}#{taken[0]} is taken: {sources.name(lang, new_page)} has it; choose another id")
        if request.after is not None and request.after not in sources.ids(lang, new_page):
            raise Refused(f"--after {request.after}: no heading with that id in {sources.name(lang, new_page)}")
    return {(page, section): (new_page, new_section), **{(page, sub): (new_page, sub) for sub in carried}}
