"""What the change-path tests (tests/test_change_paths.py) edit, chosen from the content when
they run: the sections of a page's Markdown with their line spans, its plain paragraphs, a section
no link reaches (it can go, or change its id, without breaking the strict build), a paragraph of
the language to reuse as new text, and the line edits an editor would make. Nothing here names
a page, a section or a sentence of today's docs/."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import permutations
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from checks.markdown_links import Place, built_pages, rewrite_links, source_files
from checks.markdown_sections import code_lines, section_lines, sub_section_ids
from checks.parity import detect_language
from checks.site import source_pages

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


LINK = re.compile(r"\]\(([^)\s]+)|href=[\"']([^\"']+)")  # a Markdown link's target, or a raw one's


def linked_ids(project: Path) -> set[str]:
    """Every fragment a link of any page of any language points at: those sections cannot go."""
    hrefs = [
        href
        for lang in LANGUAGES
        for page in PAGES
        for href in re.findall(LINK, page_file(project, lang, page).read_text(encoding="utf-8"))
    ]
    return {part.partition("#")[2] for pair in hrefs for part in pair if "#" in part}


def movable_sections(project: Path, page: str, linked: set[str]) -> list[str]:
    """The sections of a page, in every language, that no link reaches (linked: linked_ids) and
    that are not the page's first (its title heading): removing one, or changing its id, keeps
    the build strict."""
    ids = [[s.id for s in sections(page_file(project, lang, page))] for lang in LANGUAGES]
    shared = [i for i in ids[0][1:] if all(i in other for other in ids)]
    return [i for i in shared if i not in linked]


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


def all_counterpart_paragraphs(project: Path, avoid: set[str] = frozenset()):
    """Each paragraph reusable in every language at the same page, section and position (a
    paragraph and its translations): (its page, {locale: the heading of its section}, {locale:
    its text}), in reading order."""
    per_language = [
        {(page, sid, pos): text for page, sid, pos, text in reusable_paragraphs(project, lang, avoid)} for lang in LANGUAGES
    ]
    for key in per_language[0]:
        if all(key in found for found in per_language):
            page, sid, _ = key
            headings = {lang.locale: section(page_file(project, lang, page), sid).heading for lang in LANGUAGES}
            yield page, headings, {lang.locale: found[key] for lang, found in zip(LANGUAGES, per_language)}


def counterpart_paragraphs(project: Path, avoid: set[str] = frozenset()) -> tuple[str, dict, dict]:
    """The first of all_counterpart_paragraphs; raises when there is none."""
    for found in all_counterpart_paragraphs(project, avoid):
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


def fresh_id(project: Path, page: str, stem: str) -> str:
    """An id no language's page uses yet, made of stem."""
    taken = {s.id for lang in LANGUAGES for s in sections(page_file(project, lang, page))}
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


def assign(roles: dict, pages: list[str], prefer) -> dict:
    """Each role (name -> predicate over a page) its own page among pages, preferring the
    assignments where prefer(role, page) holds most often. Raises naming the roles when the
    content leaves no way."""
    best, score = None, -1
    for chosen in permutations(pages, len(roles)):
        if all(fits(page) for fits, page in zip(roles.values(), chosen)):
            points = sum(prefer(role, page) for role, page in zip(roles, chosen))
            if points > score:
                best, score = dict(zip(roles, chosen)), points
    if best is None:
        raise LookupError(f"the docs have no {len(roles)} distinct pages among {pages} for {list(roles)}")
    return best


def one_language_changes(project: Path) -> list[Change]:
    """Change the copy in one language at a time, each change on its own page or section, in both
    directions (the reference edited; the last translation edited), as editors do; returns the
    changes (Change.pending: the others are to be marked pending for it). The pages changed
    structurally differ from one another, so that the parity check of one is not hidden behind
    another's."""
    ref, last = LANGUAGES[0], LANGUAGES[-1]
    linked = linked_ids(project)
    removable = [(page, sid) for page in PAGES for sid in movable_sections(project, page, linked)]
    counts = Counter(page for page, _ in removable)
    # Three: removed in each direction (drift), and once more with the others pending. From as
    # few pages as can be, the others stay free for the changes that follow.
    gone = sorted(removable, key=lambda r: -counts[r[0]])[:3]
    if len(gone) < 3:
        raise LookupError(f"the docs have fewer than three sections no link reaches, to remove: {removable}")
    free = [p for p in PAGES if p not in {page for page, _ in gone}]
    roles = {
        "new in ref": lambda p: True,
        "new in last": lambda p: True,
        "paragraph added in ref": lambda p: bool(with_paragraphs(project, ref, p)),
        "paragraph removed in last": lambda p: bool(with_paragraphs(project, last, p)),
    }
    # A new section between two others shows that its notice stands where it will
    two = lambda role, p: role.startswith("new") and len(sections(page_file(project, ref, p))) > 1  # noqa: E731
    pages = assign(roles, free, two)
    changes = []
    # New text in the right language: paragraphs of that language, none of a page changed here
    changed = {page for page, _ in gone} | set(pages.values())
    reusable = {lang.locale: reusable_paragraphs(project, lang, avoid=changed) for lang in (ref, last)}
    if len(reusable[ref.locale]) < 2 or not reusable[last.locale]:
        raise LookupError(f"too few plain paragraphs (no link, no number) outside the pages changed: {reusable}")
    for language, role in ((ref, "new in ref"), (last, "new in last")):
        target = pages[role]
        source_page, source, _, text = reusable[language.locale].pop(0)
        heading = section(page_file(project, language, source_page), source).heading
        new_id = fresh_id(project, target, "added-section")
        after, before = add_section(project, language, target, new_id, heading, text)
        changes.append(Change("new section", target, new_id, language, True, after=after, before=before))
    target = pages["paragraph added in ref"]
    sid = with_paragraphs(project, ref, target)[0]
    add_paragraph(project, ref, target, sid, reusable[ref.locale].pop(0)[3])
    changes.append(Change("paragraph added", target, sid, ref, True))
    target = pages["paragraph removed in last"]
    sid = with_paragraphs(project, last, target)[0]
    remove_paragraph(project, last, target, sid)
    changes.append(Change("paragraph removed", target, sid, last, True))
    for language, (target, sid), pending in zip((ref, last, last), gone, (False, False, True)):
        remove_section(project, language, target, sid)
        changes.append(Change("section removed", target, sid, language, pending))
    # Titles and descriptions change no structure: any page, each its own
    retitled = {lang.locale: retitled_pages(project, [lang]) for lang in (ref, last)}
    first = retitled[ref.locale][0] if retitled[ref.locale] else None
    second = next((p for p in retitled[last.locale] if p != first), None)
    if first is None or second is None:
        raise LookupError(f"the docs have no two pages whose first heading differs from their title: {retitled}")
    for language, target in ((ref, first), (last, second)):
        path = page_file(project, language, target)
        new = first_heading_words(project, language, target)
        changes.append(Change("title", target, ":title", language, False, old=set_front_matter(path, "title", new), new=new))
    target = next(p for p in PAGES if p not in (first, second))
    donor = next(p for p in PAGES if p != target)
    new = front_matter(page_file(project, last, donor))["description"]
    old = set_front_matter(page_file(project, last, target), "description", new)
    changes.append(Change("description", target, ":description", last, True, old=old, new=new))
    return changes


def every_language_changes(project: Path, lock: dict) -> dict[str, Change]:
    """Change the copy in every language alike, as editors do once the languages agree: a section
    removed (one the lock still holds as imported, so its text is in provenance/), another whose id
    changes by hand (same texts), a new section (a paragraph and its translations, reused), a page's
    title. Returns them by kind; Change.edited is the reference, Change.new the renamed id, and the
    title's Change.old and .new are {locale: title}."""
    ref, linked = LANGUAGES[0], linked_ids(project)
    movable = [
        (page, sid)
        for page in PAGES
        for sid in movable_sections(project, page, linked)
        if str(lock.get(page, {}).get(sid, {}).get("confirmed")) == "import"
    ]
    if len(movable) < 2:
        raise LookupError(f"the docs have fewer than two imported sections no link reaches: {movable}")
    (gone_page, gone), (renamed_page, renamed) = movable[:2]
    source_page, headings, texts = counterpart_paragraphs(project, avoid={gone_page, renamed_page})
    # Not the source's page: two headings alike on one page would read as a slip
    new_page = next((p for p in PAGES if p not in (gone_page, renamed_page, source_page)), None)
    if new_page is None:
        raise LookupError(f"no page to add a section to but {gone_page}, {renamed_page} and {source_page}")
    new_id = fresh_id(project, new_page, "added-section")
    retitled = retitled_pages(project, LANGUAGES)
    if not retitled:
        raise LookupError("the docs have no page whose first heading differs from its title in every language")
    new_name = fresh_id(project, renamed_page, f"{renamed}-renamed")
    old_titles, new_titles = {}, {}
    for lang in LANGUAGES:
        remove_section(project, lang, gone_page, gone)
        path = page_file(project, lang, renamed_page)
        edit_heading_id(path, renamed, new_name)
        add_section(project, lang, new_page, new_id, headings[lang.locale], texts[lang.locale])
        new_titles[lang.locale] = first_heading_words(project, lang, retitled[0])
        old_titles[lang.locale] = set_front_matter(page_file(project, lang, retitled[0]), "title", new_titles[lang.locale])
    return {
        "section removed": Change("section removed", gone_page, gone, ref, False),
        "renamed": Change("renamed", renamed_page, renamed, ref, False, new=new_name),
        "new section": Change("new section", new_page, new_id, ref, False),
        "title": Change("title", retitled[0], ":title", ref, False, old=old_titles, new=new_titles),
    }


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
