"""Rename a section, or move it to another page, in every language at once: what
`python -m commands.rename` changes, file by file, and writes.

A rename changes the heading's `{#id}`; a move also cuts the section (its heading down to the
next heading of the same or a higher level, sub-sections included) from its page and pastes it
at the end of the other page, or after a given section of it. Then everything that names the
section follows it: every link to it in every page of every language (and the moved section's
own links, now written from its new page), the freshness lock and the pending translations, the
ids kept for outside links and the search queries; and its old address is recorded in
translations/old_addresses.yml, so that links from outside still land on it. Files are edited as
text: nothing but what names the section changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from checks.freshness import load_lock, load_pending, project_files, save_lock, save_pending
from checks.markdown_links import Moves, Place, built_pages, rewrite_links, source_files
from checks.markdown_sections import code_lines, cut, pasted, section_lines, with_id
from checks.old_addresses import OLD_ADDRESSES, addresses_text, load_addresses, recorded
from checks.rename_request import Refused, Request, Sources, checked_moves
from checks.section_records import (
    KEPT_IDS,
    SEARCH_QUERIES,
    Unedited,
    moved_expectations,
    moved_kept_ids,
    moved_lock,
    moved_pending,
)
from checks.site import Language, languages, source_pages


@dataclass
class Change:
    path: Path  # from the project's folder
    what: list[str]  # for the table: what changed in the file, in short
    details: list[str]  # each change, for --dry-run
    write: Callable[[], None] = field(repr=False)


def written(path: Path, text: str) -> Callable[[], None]:
    def write() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return write


def count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


class PageEdit:
    """One language's page as it is being edited: its lines, and what changed, told twice."""

    def __init__(self, sources: Sources, lang: Language, page: str):
        self.name = sources.name(lang, page)
        self.path = sources.path(lang, page)
        self.before = sources.lines(lang, page)
        self.lines = list(self.before)
        self.what: list[str] = []
        self.details: list[str] = []

    def note(self, what: str, detail: str) -> None:
        self.what.append(what)
        self.details.append(f"{self.name}{detail}")


def language_changes(sources: Sources, lang: Language, request: Request, moves: Moves) -> list[Change]:
    """The Markdown edits of one language: every page's links, the heading, the cut and paste."""
    pages = source_pages(sources.docs, lang)
    kinds = (source_files(sources.langs), built_pages(sources.langs, pages))
    edits = {page: PageEdit(sources, lang, page) for page in pages}

    def linked(page: str, ends_in: str) -> tuple[list[str], list[tuple[int, str, str]]]:
        lines = edits[page].before
        return rewrite_links(lines, code_lines(lines), Place(lang, page, ends_in), kinds, moves)

    block: list[str] = []
    for page, edit in edits.items():
        edit.lines, links = linked(page, page)
        if page == request.page:
            start, end = section_lines(edit.before, request.section)
            if request.moves_text:  # the section's own links, as written from where it goes
                moved, moved_links = linked(page, request.new_page)
                edit.lines[start:end] = moved[start:end]
                inside = lambda change: start <= change[0] < end  # noqa: E731
                links = [c for c in links if not inside(c)] + [c for c in moved_links if inside(c)]
            if request.new_section != request.section:
                edit.lines[start] = with_id(edit.lines[start], request.section, request.new_section)
                edit.note(
                    f"heading #{request.section} → #{request.new_section}",
                    f":{start + 1}: {{#{request.section}}} → {{#{request.new_section}}}",
                )
            if request.moves_text:
                edit.lines, block = cut(edit.lines, start, end)
                subs = " ".join(f"#{sub}" for (_, sub) in moves if sub != request.section)
                cut_out = f"section #{request.section}{f' (with {subs})' if subs else ''} cut"
                edit.note(cut_out, f":{start + 1}-{end}: {cut_out}")
        if links:
            edit.what.append(count(len(links), "link", "links"))
            edit.details += [f"{edit.name}:{n + 1}: ({old}) → ({new})" for n, old, new in sorted(links)]
    if request.moves_text:
        target = edits[request.new_page]
        at = section_lines(target.lines, request.after)[1] if request.after else len(target.lines)
        target.lines = pasted(target.lines, block, at)
        placed = f"section #{request.new_section} pasted {f'after #{request.after}' if request.after else 'at the end'}"
        target.note(placed, f": {placed}")
    return [
        Change(
            edit.path.relative_to(sources.docs.parent), edit.what, edit.details, written(edit.path, "\n".join(edit.lines))
        )
        for edit in edits.values()
        if edit.lines != edit.before
    ]


TextEdit = Callable[[str, Moves, str], tuple[str, list[str]]]  # (text, moves, file name) -> (text, done)


def text_change(project: Path, relative: Path, edit: TextEdit, moves: Moves) -> list[Change]:
    """The change of a YAML file edited as text, if it exists and names a moved section."""
    path = project / relative
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    try:
        new_text, done = edit(text, moves, str(relative))
    except Unedited as error:
        raise Refused(str(error)) from None
    if new_text == text:
        return []
    details = [f"{relative}: {d}" for d in done]
    return [Change(relative, [count(len(done), "id", "ids")], details, written(path, new_text))]


def record_changes(project: Path, moves: Moves) -> list[Change]:
    """The lock, the pending entries, the kept ids, the search queries and the old addresses."""
    changes = []
    lock_file, pending_file = project_files(project)
    lock, moved, texts = moved_lock(load_lock(lock_file), moves)
    if moved or texts:
        rel = lock_file.relative_to(project)
        what = [count(len(moved), "entry", "entries") + " moved"] * bool(moved)
        what += [count(len(texts), "text", "texts") + " with a link rewritten"] * bool(texts)
        changes.append(Change(rel, what, [f"{rel}: {d}" for d in moved + texts], lambda: save_lock(lock, lock_file)))
    pending, pending_done = moved_pending(load_pending(pending_file), moves)
    if pending_done:
        rel = pending_file.relative_to(project)
        what = [count(len(pending_done), "entry", "entries")]
        details = [f"{rel}: {d}" for d in pending_done]
        changes.append(Change(rel, what, details, lambda: save_pending(pending, pending_file)))
    for relative in KEPT_IDS:
        changes += text_change(project, relative, moved_kept_ids, moves)
    for relative in SEARCH_QUERIES:
        changes += text_change(project, relative, moved_expectations, moves)
    path = project / OLD_ADDRESSES
    before = load_addresses(path)
    addresses, dropped = recorded(before, moves)
    done = [f"{old} → {now}" for old, now in addresses.items() if before.get(old) != now]
    done += [f"{old} dropped: a section's address again" for old in dropped if old in before]
    details = [f"{OLD_ADDRESSES}: {d}" for d in done]
    return changes + [Change(OLD_ADDRESSES, done, details, written(path, addresses_text(addresses)))]


def planned(project: Path, request: Request) -> list[Change]:
    """Every change the rename or move makes, file by file, none written yet. Refused (with the
    reason) when the section is missing in some language, the new id is taken or not a slug, or
    a page is missing."""
    sources = Sources(project, languages(project / "mkdocs.yml"))
    moves = checked_moves(sources, request)
    changes = [change for lang in sources.langs for change in language_changes(sources, lang, request, moves)]
    return changes + record_changes(project, moves)


def apply(changes: list[Change]) -> None:
    for change in changes:
        change.write()
