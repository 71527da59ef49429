"""What the change-path tests (tests/test_change_paths.py) edit, chosen from the content when
they run: the sections of a page's Markdown with their line spans, its plain paragraphs, the
sections that can go or change their id (their links taken out, keeping the link text), a
paragraph of the language to reuse as new text, and the line edits an editor would make. Nothing
here names a page, a section or a sentence of today's docs/; and whatever legitimate state the
guide is in (translations pending, old addresses, sections removed on record), the changes leave
it alone: they go where nothing is pending, and take no id the lock or an old address holds."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from itertools import permutations
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from checks.fidelity import MIN_SIMILARITY, similarity, source_paragraphs
from checks.fidelity import normalise as fidelity_normalise
from checks.freshness import load_lock, load_pending, project_files, removed
from checks.markdown_links import Place, built_pages, rewrite_links, source_files
from checks.markdown_sections import code_lines, section_lines, sub_section_ids
from checks.old_addresses import OLD_ADDRESSES, load_addresses
from checks.parity import detect_language
from checks.site import nav_pages, source_pages

from . import content
from .params import LANGUAGES, PAGES


# A heading as the build lets it stand (overrides/hooks/heading_ids.py stops on any other):
# `## Words {#id}` at the start of a line (a line of fenced code written so would pass for one).
HEADING = re.compile(r"^(#{1,6}) +(.*?) +\{#([a-z0-9-]+)\} *$", re.M)


@dataclass(frozen=True)
class Section:
    id: str
    marker: str  # "##"
    heading: str  # the heading's words, without its {#id}
    start: int  # index of its heading line
    end: int  # index past its last line: the next heading's line, or the end of the file


def page_file(project: Path, language, page: str) -> Path:
    return project / "docs" / language.locale / page


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def sections(path: Path) -> list[Section]:
    """The sections of a page's Markdown, in order, each with the span of its lines."""
    text = path.read_text(encoding="utf-8")
    body = YAML_RE.match(text)  # after the front matter
    found = [(text.count("\n", 0, m.start()), m) for m in HEADING.finditer(text, body.end() if body else 0)]
    ends = [line for line, _ in found[1:]] + [text.count("\n") + 1]
    return [Section(m[3], m[1], m[2].strip(), line, end) for (line, m), end in zip(found, ends)]


def section(path: Path, section_id: str) -> Section:
    found = {s.id: s for s in sections(path)}
    if section_id not in found:
        raise LookupError(f"{path}: no section #{section_id} (sections: {', '.join(found)})")
    return found[section_id]


def paragraphs(path: Path, where: Section) -> list[tuple[int, int]]:
    """The (first line, line past the last) of each plain paragraph of a section: a block of
    lines starting with a letter (not a list, a table, an admonition or raw HTML)."""
    lines, spans, start = lines_of(path), [], None
    for n in range(where.start + 1, where.end + 1):
        blank = n == where.end or not lines[n].strip()
        if start is None and not blank:
            start = n
        elif start is not None and blank:
            if lines[start][:1].isalpha():
                spans.append((start, n))
            start = None
    return spans


def paragraph_text(path: Path, span: tuple[int, int]) -> str:
    return "\n".join(lines_of(path)[span[0] : span[1]])


# -- What the project already holds, that the changes must leave alone ----------------------------


@dataclass(frozen=True)
class Standing:
    """What a legitimate state of the guide may hold besides its pages, read from the project
    before any change: the translations pending (sections, titles, descriptions), the sections
    old addresses land on, and the ids a new section may not take on each page (those the lock
    keeps, removed ones included, and the old addresses)."""

    pending: frozenset[tuple[str, str]]  # (page, section or ":title" / ":description")
    landing: frozenset[tuple[str, str]]  # (page, id) an old address leads to
    taken: dict  # page -> set of ids
    lock: dict

    @property
    def pending_pages(self) -> set[str]:
        """The pages with a section pending: their languages differ there on purpose, and their
        readers see notices, which would stand in the way of a change's own."""
        return {page for page, section in self.pending if not section.startswith(":")}


def standing(project: Path) -> Standing:
    lock_file, pending_file = project_files(project)
    lock = load_lock(lock_file)
    addresses = load_addresses(project / OLD_ADDRESSES)
    taken: dict[str, set[str]] = {page: set(sections) for page, sections in lock.items()}
    for old in addresses:
        page, _, section = old.partition("#")
        taken.setdefault(page, set()).add(section)
    return Standing(
        frozenset((p.page, p.section) for p in load_pending(pending_file)),
        frozenset(tuple(new.partition("#")[::2]) for new in addresses.values()),
        taken,
        lock,
    )


# -- Links to a section, and taking them out --------------------------------------------------------

# An inline Markdown link (not an image): [text](target "title")
MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)")
# Any link's target: an inline one's, a raw <a href>'s, a reference definition's
ANY_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|href=[\"']?([^\"'\s>]+)|^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)", re.M)


def leads_to(href: str, linking_page: str, page: str, section_id: str) -> bool | None:
    """Whether a Markdown target written on linking_page leads to page#section_id; None when it
    cannot tell (a built address, as raw HTML writes it, with that fragment)."""
    path, _, fragment = href.partition("#")
    if fragment != section_id or "://" in path:
        return False
    if not path:
        return linking_page == page
    if not path.endswith(".md"):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(linking_page), path)) == page


@dataclass(frozen=True)
class LinkTo:
    """An inline link to a section: where it stands, and its text."""

    language: object
    page: str
    section: str | None  # the id of the section it stands in (None: before the first heading)
    line: int
    start: int
    end: int
    text: str


def links_to(project: Path, page: str, section_id: str, pages=None, languages=None) -> list[LinkTo] | None:
    """Every inline link to page#section_id in every page of every language; None when another
    kind of link (raw HTML, a reference definition) may lead there too: it cannot be taken out
    as simply."""
    found = []
    for lang in languages or LANGUAGES:
        for linking in pages or PAGES:
            path = page_file(project, lang, linking)
            lines, spans = lines_of(path), sections(path)
            inline = 0
            for n, line in enumerate(lines):
                for match in MARKDOWN_LINK.finditer(line):
                    if leads_to(match[2], linking, page, section_id):
                        where = next((s.id for s in spans if s.start <= n < s.end), None)
                        found.append(LinkTo(lang, linking, where, n, match.start(), match.end(), match[1]))
                        inline += 1
            targets = [t for match in ANY_TARGET.findall("\n".join(lines)) for t in match if t]
            if sum(leads_to(t, linking, page, section_id) is not False for t in targets) != inline:
                return None
    return found


def unlink(project: Path, links: list[LinkTo]) -> None:
    """Each link replaced by its text, as an editor unlinks a section about to go."""
    by_file: dict[Path, list[LinkTo]] = {}
    for link in links:
        by_file.setdefault(page_file(project, link.language, link.page), []).append(link)
    for path, found in by_file.items():
        lines = lines_of(path)
        for link in sorted(found, key=lambda k: (k.line, -k.start)):
            line = lines[link.line]
            lines[link.line] = line[: link.start] + link.text + line[link.end :]
        write_lines(path, lines)


@dataclass(frozen=True)
class Removable:
    """A section that can go, or change its id, in some language or all: present in every
    language, not its page's first, locked, pending in none, no old address landing on it,
    followed by no pending section (whose notice would move), and reached by inline links
    only, from the same sections in every language, none of them pending nor itself (the
    linkers: unlinked in every language, they changed in every language, to confirm)."""

    page: str
    id: str
    linkers: frozenset[tuple[str, str]]  # (page, section) holding a link to it
    links: tuple[LinkTo, ...]
    has_links: bool  # the section itself holds a link: gone in one language, the link counts differ

    @property
    def key(self) -> tuple[str, str]:
        return self.page, self.id

    def text(self, project: Path, language) -> str:
        path = page_file(project, language, self.page)
        found = section(path, self.id)
        return "\n".join(lines_of(path)[found.start : found.end])


def removable_sections(project: Path, state: Standing) -> list[Removable]:
    result = []
    for page in PAGES:
        spans = {lang.locale: sections(page_file(project, lang, page)) for lang in LANGUAGES}
        ids = {locale: [s.id for s in found] for locale, found in spans.items()}
        for sid in ids[LANGUAGES[0].locale][1:]:
            if not all(sid in ids[lang.locale][1:] for lang in LANGUAGES):
                continue
            entry = state.lock.get(page, {}).get(sid)
            if (page, sid) in state.pending or (page, sid) in state.landing or not entry or removed(entry):
                continue
            following = {found[found.index(sid) + 1] for found in ids.values() if found.index(sid) + 1 < len(found)}
            if any((page, f) in state.pending for f in following):
                continue
            links = links_to(project, page, sid)
            if links is None:
                continue
            linkers = [frozenset((k.page, k.section) for k in links if k.language == lang) for lang in LANGUAGES]
            if len(set(linkers)) > 1 or any(
                section_id is None or (linking, section_id) in state.pending or (linking, section_id) == (page, sid)
                for linking, section_id in linkers[0]
            ):
                continue
            own = [
                MARKDOWN_LINK.search("\n".join(lines_of(page_file(project, lang, page))[s.start + 1 : s.end]))
                for lang in LANGUAGES
                for s in spans[lang.locale]
                if s.id == sid
            ]
            result.append(Removable(page, sid, linkers[0], tuple(links), any(own)))
    return result


def reusable_paragraphs(project: Path, language, avoid: set[str] = frozenset()) -> list[tuple[str, str, int, str]]:
    """(page, section, position, text) of each paragraph of the language's pages that can stand
    anywhere as new text: plain, without a link or a number, long enough for the language check to
    read it as that language. Pages in avoid are left out."""
    found = []
    locales = [lang.locale for lang in LANGUAGES]
    for page in PAGES:
        if page in avoid:
            continue
        path = page_file(project, language, page)
        for where in sections(path):
            for position, span in enumerate(paragraphs(path, where)):
                text = paragraph_text(path, span)
                if re.search(r"[\[\]<>\d]", text) or detect_language(text, locales) != language.locale:
                    continue
                found.append((page, where.id, position, text))
    return found


def all_counterpart_paragraphs(
    project: Path, avoid: set[str] = frozenset(), skip: frozenset[tuple[str, str]] = frozenset()
):
    """Each paragraph reusable in every language at the same page, section and position (a
    paragraph and its translations), out of the sections in skip (page, id: those pending, whose
    languages differ): (its page, {locale: the heading of its section}, {locale: its text}), in
    reading order."""
    per_language = [
        {(page, sid, pos): text for page, sid, pos, text in reusable_paragraphs(project, lang, avoid)} for lang in LANGUAGES
    ]
    for key in per_language[0]:
        if key[:2] not in skip and all(key in found for found in per_language):
            page, sid, _ = key
            headings = {lang.locale: section(page_file(project, lang, page), sid).heading for lang in LANGUAGES}
            yield page, headings, {lang.locale: found[key] for lang, found in zip(LANGUAGES, per_language)}


def counterpart_paragraphs(
    project: Path, avoid: set[str] = frozenset(), skip: frozenset[tuple[str, str]] = frozenset()
) -> tuple[str, dict, dict]:
    """The first of all_counterpart_paragraphs; raises when there is none."""
    for found in all_counterpart_paragraphs(project, avoid, skip):
        return found
    raise LookupError("no paragraph of the docs is plain (no link, no number) in every language at the same place")


# -- Edits, as an editor makes them -------------------------------------------------------------


def write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines), encoding="utf-8")


def remove_lines(path: Path, start: int, end: int) -> str:
    """Remove lines [start, end) of a file; returns what was removed."""
    lines = lines_of(path)
    gone = lines[start:end]
    write_lines(path, lines[:start] + lines[end:])
    return "\n".join(gone)


def insert_lines(path: Path, at: int, new: list[str]) -> None:
    """Insert lines before line index at (len(lines) for the end), each block a blank line apart."""
    lines = lines_of(path)
    before = [""] if at and lines[at - 1].strip() else []
    write_lines(path, lines[:at] + before + new + [""] + lines[at:])


def new_section_lines(marker: str, heading: str, section_id: str, paragraph: str) -> list[str]:
    return [f"{marker} {heading} {{#{section_id}}}", "", paragraph]


def front_matter(path: Path) -> dict:
    found = YAML_RE.match(path.read_text(encoding="utf-8"))
    if not found:
        raise LookupError(f"{path}: no front matter")
    return yaml.safe_load(found.group(1))


def set_front_matter(path: Path, key: str, value: str) -> str:
    """Set a key of the page's front matter (written anew, as YAML); returns the old value."""
    text = path.read_text(encoding="utf-8")
    found = YAML_RE.match(text)
    meta = yaml.safe_load(found.group(1))
    old, meta[key] = meta[key], value
    body = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"---\n{body}---\n{text[found.end():]}", encoding="utf-8")
    return old


def fresh_id(project: Path, page: str, stem: str, state: Standing | None = None) -> str:
    """An id no language's page uses yet, made of stem, that neither the lock nor an old address
    holds for the page (a new section there would take the place of a removed one, or stop the
    build). state: the project's standing, read now when not given."""
    state = state or standing(project)
    taken = {s.id for lang in LANGUAGES for s in sections(page_file(project, lang, page))} | state.taken.get(page, set())
    n, candidate = 1, stem
    while candidate in taken:
        n, candidate = n + 1, f"{stem}-{n + 1}"
    return candidate


# -- The changes, each on its own page or section -----------------------------------------------


@dataclass(frozen=True)
class Change:
    """One editor's change: what, where, in which language, and whether the others are marked
    pending for it (with `python -m commands.pending`)."""

    kind: str  # "new section", "paragraph added", "paragraph removed", "section removed", "title", "description"
    page: str
    section: str  # a heading id, or ":title" / ":description"
    edited: object  # the Language changed
    pending: bool
    after: str | None = None  # a new section: the heading of the section it follows (its notice follows it)
    before: str | None = None  # a new section: the heading it stands before (None: at the page's end)
    old: object = ""  # a title or description: as it was, and as it is now
    new: object = ""

    @property
    def lagging(self) -> list:
        return [lang for lang in LANGUAGES if lang != self.edited]

    def __str__(self) -> str:
        where = f"{self.page}{self.section}" if self.section.startswith(":") else f"{self.page}#{self.section}"
        return f"{where} ({self.kind} in {self.edited.locale})"


def first_heading_words(project: Path, language, page: str) -> str:
    return sections(page_file(project, language, page))[0].heading


def retitled_pages(project: Path, languages) -> list[str]:
    """Pages whose first heading's words differ from their title in each of these languages: a new
    title, in the right language, for a word diff."""
    return [
        page
        for page in PAGES
        if all(
            first_heading_words(project, lang, page) != front_matter(page_file(project, lang, page))["title"]
            for lang in languages
        )
    ]


def add_section(project: Path, language, page: str, section_id: str, heading: str, paragraph: str) -> tuple[str, str | None]:
    """Add a section to a language's page, before its second heading (or at its end): returns the
    ids of the headings it follows and stands before (None at the end)."""
    path = page_file(project, language, page)
    found = sections(path)
    at = found[1] if len(found) > 1 else None
    insert_lines(path, at.start if at else len(lines_of(path)), new_section_lines("##", heading, section_id, paragraph))
    return found[0].id, at and at.id


def add_paragraph(project: Path, language, page: str, section_id: str, paragraph: str) -> None:
    """A paragraph added after the last plain paragraph of a section."""
    path = page_file(project, language, page)
    spans = paragraphs(path, section(path, section_id))
    insert_lines(path, spans[-1][1], [paragraph])


def remove_paragraph(project: Path, language, page: str, section_id: str) -> str:
    """The last plain paragraph of a section removed, and the blank line after it."""
    path = page_file(project, language, page)
    start, end = paragraphs(path, section(path, section_id))[-1]
    return remove_lines(path, start, end + 1)


def remove_section(project: Path, language, page: str, section_id: str) -> str:
    path = page_file(project, language, page)
    found = section(path, section_id)
    return remove_lines(path, found.start, found.end)


def with_paragraphs(project: Path, language, page: str) -> list[str]:
    path = page_file(project, language, page)
    return [s.id for s in sections(path) if paragraphs(path, s)]


def has_two_sections(project: Path, page: str) -> bool:
    return len(sections(page_file(project, LANGUAGES[0], page))) > 1


def gone_trio(project: Path, candidates: list[Removable], busy_pages: set[str], busy_sections: set) -> tuple | None:
    """Three sections to remove, in this order: in the reference (drift), in the last translation
    (drift), in the last translation with the others pending. Off the busy pages, none linked from
    a busy section or from another of the three, from as few pages as can be (the others stay
    free); the third not on the page of one holding a link (the link counts would differ there,
    drift beside a pending section); the search words still used in each language."""
    ref, last = LANGUAGES[0], LANGUAGES[-1]
    free = [c for c in candidates if c.page not in busy_pages and not c.linkers & busy_sections]
    counts = {page: sum(c.page == page for c in free) for page in PAGES}
    for trio in permutations(sorted(free, key=lambda c: -counts[c.page]), 3):
        keys = {c.key for c in trio}
        if any(c.linkers & keys for c in trio):
            continue
        if any(c.page == trio[2].page and c.has_links for c in trio[:2]):
            continue
        if content.keeps_search_words(ref, trio[0].text(project, ref), project / "docs") and content.keeps_search_words(
            last, [c.text(project, last) for c in trio[1:]], project / "docs"
        ):
            return trio
    return None


def one_language_plan(project: Path, state: Standing, candidates: list[Removable]) -> tuple[dict, dict, tuple]:
    """The pages of the new sections ({locale: page}, reference and last translation), the
    sections of the paragraph changes ({locale: (page, id)}) and the three sections to remove.
    New sections and paragraph changes go to pages with no pending section (their languages
    differ there already, and notices stand there), each new section to a page of its own, a
    paragraph change to a page with no heading changed (the parity check compares paragraphs
    only under the same headings): two pages if can be, else two sections of one."""
    ref, last = LANGUAGES[0], LANGUAGES[-1]
    free = [page for page in PAGES if page not in state.pending_pages]
    with_text = {(lang.locale, page): with_paragraphs(project, lang, page) for lang in (ref, last) for page in free}
    options = []
    for new_ref, new_last in permutations(free, 2):
        for para_ref in (p for p in free if p not in (new_ref, new_last) and with_text[ref.locale, p]):
            for para_last in (p for p in free if p not in (new_ref, new_last) and with_text[last.locale, p]):
                sid_ref = with_text[ref.locale, para_ref][0]
                others = [i for i in with_text[last.locale, para_last] if (para_last, i) != (para_ref, sid_ref)]
                if not others:
                    continue
                sid_last = others[0]
                # A new section between two others shows that its notice stands where it will
                points = has_two_sections(project, new_ref) + has_two_sections(project, new_last) + (para_ref != para_last)
                options.append((-points, new_ref, new_last, (para_ref, sid_ref), (para_last, sid_last)))
    for _, new_ref, new_last, para_ref, para_last in sorted(options, key=lambda o: o[0]):
        busy = {new_ref, new_last, para_ref[0], para_last[0]}
        trio = gone_trio(project, candidates, busy, {para_ref, para_last})
        if trio:
            return {ref.locale: new_ref, last.locale: new_last}, {ref.locale: para_ref, last.locale: para_last}, trio
    raise LookupError(
        f"the docs leave no way to place two new sections, two paragraph changes and three removals on pages "
        f"without a pending section ({free}), with sections to remove {[c.key for c in candidates]}"
    )


def one_language_changes(project: Path) -> tuple[list[Change], list[str]]:
    """Change the copy in one language at a time, each change on its own page or section, in both
    directions (the reference edited; the last translation edited), as editors do; returns the
    changes (Change.pending: the others are to be marked pending for it), and the sections
    ("page#id") whose links to a removed section were taken out, in every language: they changed
    in every language, and are to be confirmed before anything is compared. The pages changed
    structurally differ from one another, so that the parity check of one is not hidden behind
    another's; the project's own pending translations, old addresses and lock are left alone."""
    ref, last = LANGUAGES[0], LANGUAGES[-1]
    state = standing(project)
    new_pages, para, gone = one_language_plan(project, state, removable_sections(project, state))
    # New text in the right language: paragraphs of that language, those of the pages changed
    # here last, never from the page it goes to (two headings alike on one page read as a slip)
    changed = {c.page for c in gone} | set(new_pages.values()) | {page for page, _ in para.values()}
    reusable = {
        lang.locale: sorted(reusable_paragraphs(project, lang), key=lambda r: r[0] in changed) for lang in (ref, last)
    }
    unlinked = sorted({f"{page}#{sid}" for c in gone for page, sid in c.linkers})
    unlink(project, [link for c in gone for link in c.links])
    changes = []
    for language in (ref, last):
        target = new_pages[language.locale]
        source_page, source, _, text = next(r for r in reusable[language.locale] if r[0] != target)
        reusable[language.locale].remove((source_page, source, _, text))
        heading = section(page_file(project, language, source_page), source).heading
        new_id = fresh_id(project, target, "added-section", state)
        after, before = add_section(project, language, target, new_id, heading, text)
        changes.append(Change("new section", target, new_id, language, True, after=after, before=before))
    target, sid = para[ref.locale]
    addition = next(r for r in reusable[ref.locale] if r[0] != target)
    add_paragraph(project, ref, target, sid, addition[3])
    changes.append(Change("paragraph added", target, sid, ref, True))
    target, sid = para[last.locale]
    remove_paragraph(project, last, target, sid)
    changes.append(Change("paragraph removed", target, sid, last, True))
    for language, removable, pending in zip((ref, last, last), gone, (False, False, True)):
        remove_section(project, language, removable.page, removable.id)
        changes.append(Change("section removed", removable.page, removable.id, language, pending))
    # Titles and descriptions change no structure: any page, each its own, none pending already
    retitled = {
        lang.locale: [p for p in retitled_pages(project, [lang]) if (p, ":title") not in state.pending]
        for lang in (ref, last)
    }
    first = retitled[ref.locale][0] if retitled[ref.locale] else None
    second = next((p for p in retitled[last.locale] if p != first), None)
    if first is None or second is None:
        raise LookupError(
            f"the docs have no two pages whose first heading differs from their title, not pending: {retitled}"
        )
    for language, target in ((ref, first), (last, second)):
        path = page_file(project, language, target)
        new = first_heading_words(project, language, target)
        changes.append(Change("title", target, ":title", language, False, old=set_front_matter(path, "title", new), new=new))
    description = lambda page: front_matter(page_file(project, last, page))["description"]  # noqa: E731
    target = next(p for p in PAGES if p not in (first, second) and (p, ":description") not in state.pending)
    donor = next(p for p in PAGES if description(p) != description(target))
    old = set_front_matter(page_file(project, last, target), "description", description(donor))
    changes.append(Change("description", target, ":description", last, True, old=old, new=description(target)))
    return changes, unlinked


def reading_order(project: Path, language) -> list[tuple[str, str]]:
    """(page, id) of every section of the language, pages in nav order (the others after)."""
    nav = [page for page in nav_pages(project / "mkdocs.yml") if page in PAGES]
    pages = nav + [p for p in PAGES if p not in nav]
    return [(page, s.id) for page in pages for s in sections(page_file(project, language, page))]


def from_provenance(project: Path, found: Removable) -> bool:
    """Whether, in each language the guide was imported in (provenance/guide.<locale>.txt), a
    plain paragraph of the section stands in the article as imported, or mended: removed, it
    goes missing there (a section the site added, or rewrote, would not)."""
    for lang in LANGUAGES:
        article = project / "provenance" / f"guide.{lang.locale}.txt"
        if not article.is_file():
            continue
        source = source_paragraphs(article)
        path = page_file(project, lang, found.page)
        plain = [
            fidelity_normalise(paragraph_text(path, span))
            for span in paragraphs(path, section(path, found.id))
            if not re.search(r"[\[\]<>*_`]", paragraph_text(path, span))
        ]
        if not any(similarity(text, imported) >= MIN_SIMILARITY for text in plain for imported in source):
            return False
    return True


def every_language_pair(project: Path, state: Standing, candidates: list[Removable]) -> tuple[Removable, Removable]:
    """The section to remove from every language and the one whose id changes by hand. The first
    as imported (the lock says so, and its text is in provenance/), the search words still used
    without it, and the sections around it (two on each side: a heading the articles lack joins
    the gap) imported too, none of them to be confirmed here (a section confirmed beside it would
    excuse its paragraphs from provenance/ without the lock's help). Neither linked from the
    other."""
    imported = lambda key: str(state.lock.get(key[0], {}).get(key[1], {}).get("confirmed")) == "import"  # noqa: E731
    orders = [reading_order(project, lang) for lang in LANGUAGES]
    # The shortest first: fewer paragraphs for the fidelity check to look for
    for gone in sorted(candidates, key=lambda c: len(c.text(project, LANGUAGES[0]))):
        if not imported(gone.key):
            continue
        at = [order.index(gone.key) for order in orders]
        near = {order[n] for order, i in zip(orders, at) for n in (i - 2, i - 1, i + 1, i + 2) if 0 <= n < len(order)}
        if not all(imported(key) for key in near):
            continue
        if not all(content.keeps_search_words(lang, gone.text(project, lang), project / "docs") for lang in LANGUAGES):
            continue
        if not from_provenance(project, gone):
            continue
        for renamed in candidates:
            if renamed is gone or gone.key in renamed.linkers or renamed.key in gone.linkers:
                continue
            if not near & (gone.linkers | renamed.linkers):
                return gone, renamed
    raise LookupError(
        "the docs have no imported section to remove from every language, between imported sections, "
        f"and another to rename: {[c.key for c in candidates]}"
    )


def every_language_changes(project: Path, lock: dict) -> tuple[dict[str, Change], list[str]]:
    """Change the copy in every language alike, as editors do once the languages agree: a section
    removed (one the lock still holds as imported, so its text is in provenance/), another whose id
    changes by hand (same texts), a new section (a paragraph and its translations, reused), a page's
    title; the links to the first two taken out. Returns them by kind (Change.edited is the
    reference, Change.new the renamed id, and the title's Change.old and .new are {locale: title}),
    and the sections ("page#id") whose links were taken out: changed in every language too."""
    ref = LANGUAGES[0]
    state = standing(project)
    gone, renamed = every_language_pair(project, state, removable_sections(project, state))
    skip = frozenset(key for key in state.pending if not key[1].startswith(":"))
    source_page, headings, texts = counterpart_paragraphs(project, avoid={gone.page, renamed.page}, skip=skip)
    # Not the source's page: two headings alike on one page would read as a slip
    new_page = next(
        (p for p in PAGES if p not in (gone.page, renamed.page, source_page) and p not in state.pending_pages), None
    )
    if new_page is None:
        raise LookupError(
            f"no page without a pending section to add a section to but {gone.page}, {renamed.page} and {source_page}"
        )
    new_id = fresh_id(project, new_page, "added-section", state)
    retitled = [p for p in retitled_pages(project, LANGUAGES) if (p, ":title") not in state.pending]
    if not retitled:
        raise LookupError("the docs have no page whose first heading differs from its title in every language, not pending")
    new_name = fresh_id(project, renamed.page, f"{renamed.id}-renamed", state)
    unlinked = sorted({f"{page}#{sid}" for c in (gone, renamed) for page, sid in c.linkers})
    unlink(project, [*gone.links, *renamed.links])
    old_titles, new_titles = {}, {}
    for lang in LANGUAGES:
        remove_section(project, lang, gone.page, gone.id)
        path = page_file(project, lang, renamed.page)
        edit_heading_id(path, renamed.id, new_name)
        add_section(project, lang, new_page, new_id, headings[lang.locale], texts[lang.locale])
        new_titles[lang.locale] = first_heading_words(project, lang, retitled[0])
        old_titles[lang.locale] = set_front_matter(page_file(project, lang, retitled[0]), "title", new_titles[lang.locale])
    changes = {
        "section removed": Change("section removed", gone.page, gone.id, ref, False),
        "renamed": Change("renamed", renamed.page, renamed.id, ref, False, new=new_name),
        "new section": Change("new section", new_page, new_id, ref, False),
        "title": Change("title", retitled[0], ":title", ref, False, old=old_titles, new=new_titles),
    }
    return changes, unlinked


def edit_heading_id(path: Path, old: str, new: str) -> None:
    """The id of a heading changed by hand: `## Titre {#old}` becomes `## Titre {#new}`."""
    lines = lines_of(path)
    found = section(path, old)
    if f"{{#{old}}}" not in lines[found.start]:
        raise LookupError(f"{path}:{found.start + 1}: the heading of #{old} does not end in {{#{old}}}")
    lines[found.start] = lines[found.start].replace(f"{{#{old}}}", f"{{#{new}}}")
    write_lines(path, lines)


# -- Links to a section, mended or taken out as an editor does it -------------------------------


def link_edits(project: Path, moves: dict) -> list[tuple[Path, list[str], list[str], list[tuple[int, str, str]]]]:
    """Each page of each language of the copy with a link to a section of moves ({(page, id):
    (page, new id)}): (its file, its lines, its lines with those links leading to the new ids,
    [(line index, href, new href)]). Every form of link counts: `page.md#id`, `../page.md#id`,
    `#id` on its own page, a reference definition, a raw `<a href>`."""
    langs = LANGUAGES  # a copy's, as the project's: reading its mkdocs.yml again for each costs
    found = []
    for lang in langs:
        pages = source_pages(project / "docs", lang)
        kinds = (source_files(langs), built_pages(langs, pages))
        for page in pages:
            path = page_file(project, lang, page)
            lines = lines_of(path)
            new, changes = rewrite_links(lines, code_lines(lines), Place(lang, page, page), kinds, moves)
            if changes:
                found.append((path, lines, new, changes))
    return found


def relink(project: Path, page: str, old: str, new: str) -> int:
    """Every link to page#old, in every page of every language, made to lead to page#new, as the
    editor who changed that id by hand must: how many links."""
    edits = link_edits(project, {(page, old): (page, new)})
    for path, _, lines, _ in edits:
        write_lines(path, lines)
    return sum(len(changes) for *_, changes in edits)


def inline_link(href: str) -> re.Pattern:
    """An inline Markdown link to href, `[text](href)` or `[text](<href> "title")`, an image's aside."""
    text = r"(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)"
    return re.compile(rf"(?<!!)\[{text}\]\(\s*<?{re.escape(href)}>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")


def unlinked(project: Path, page: str, ids: list[str]) -> list[tuple[Path, list[str]]]:
    """Every page whose links lead to one of these sections of page, with those links taken out,
    their text kept ([text](faq.md#refund) -> text): what an editor removing the sections does
    for the strict build. Nothing is written. A LookupError names a link written otherwise
    (a reference definition, a raw <a href>), which an editor would have to rewrite."""
    out = "unlinked-"  # a section no page has: the links to unlink are those rewritten to it
    edits = link_edits(project, {(page, sid): (page, out + sid) for sid in ids})
    found = []
    for path, lines, _, changes in edits:
        lines = list(lines)
        for n in sorted({n for n, _, _ in changes}):
            for href in {href for m, href, _ in changes if m == n}:
                wanted = sum(1 for m, h, _ in changes if (m, h) == (n, href))
                lines[n], done = inline_link(href).subn(lambda link: link["text"], lines[n])
                if done < wanted:
                    raise LookupError(
                        f"{path}:{n + 1}: a link to {page}#{href.partition('#')[2]} not written "
                        f"[text]({href}): take it out by hand"
                    )
        found.append((path, lines))
    return found


def remove_section_everywhere(project: Path, page: str, section_id: str) -> list[str]:
    """A section removed from a page in every language, its sub-sections with it, and every link
    to any of them taken out (unlinked): the ids removed."""
    langs = LANGUAGES
    path = page_file(project, langs[0], page)
    ids = [section_id, *sub_section_ids(lines_of(path), section_id)]
    for file, lines in unlinked(project, page, ids):
        write_lines(file, lines)
    for lang in langs:
        path = page_file(project, lang, page)
        span = section_lines(lines_of(path), section_id)
        if span is None:
            raise LookupError(f"{path}: no section #{section_id}")
        remove_lines(path, *span)
    return ids
