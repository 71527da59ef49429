"""A copy of the project whose docs/ an editor changed in every legitimate way (issue 17, "Prove it
in the suite"), each as README says, each target chosen from the content when it runs:

- in every language, then confirmed (`python -m commands.confirm`): a fact (a number of a paragraph
  and of its counterparts); a new page, with its line in `nav:`; a FAQ question removed, every link
  to it taken out (its text kept); a section's id changed by hand, every link to it mended; a
  section renamed and another moved to another page by `python -m commands.rename`; a new section;
  a page's title;
- in one language only, the others marked pending (`python -m commands.pending`): a new section in
  the reference; a paragraph added in the last translation; a description changed there.

The editors' data beside docs/ follows as README says (tests/editor_data.py): a removed section's
id off translations/kept_ids.yml, the search queries expecting it dropped, a synonym group no page
uses any more dropped; the queries expecting an id changed by hand mended. Each change has a
section of its own and, where the content allows, a page of its own. ContentLacks names what the
content does not offer (a FAQ of a single question, no paragraph holding a number…).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import yaml

import commands.confirm
import commands.pending
from checks.freshness import load_lock, project_files
from checks.parity import FAQ_PAGE
from checks.site import build_site, copy_project, source_pages

from . import content, editor_data
from .change_paths import (
    add_paragraph,
    add_section,
    all_counterpart_paragraphs,
    edit_heading_id,
    first_heading_words,
    front_matter,
    fresh_id,
    page_file,
    relink,
    remove_section_everywhere,
    retitled_pages,
    reusable_paragraphs,
    section,
    set_front_matter,
    unlinked,
    with_paragraphs,
)
from .command_runs import run
from .content import ContentLacks
from .drifted_copy import NUMBER_STEP
from .params import LANGUAGES, PAGES, REFERENCE, TRANSLATIONS
from .renamed_copy import run as rename

LAST = LANGUAGES[-1]
REASON = "awaiting the translator"


class Edit:
    """The copy being edited: what the changes took so far (sections, one change each; pages, how
    many changes each), what they did (a line each) and the pending entries they call for."""

    def __init__(self, project: Path):
        self.project, self.docs = project, project / "docs"
        self.sections: set[str] = set()
        self.pages: Counter = Counter()
        self.done: list[str] = []
        self.pending: list[tuple[str, str]] = []  # (address, locale)

    def take(self, page: str, *sections: str) -> None:
        self.pages[page] += 1
        self.sections.update(f"{page}#{sid}" for sid in sections)

    def free(self, page: str, section_id: str) -> bool:
        return f"{page}#{section_id}" not in self.sections

    def least_used(self, pages) -> list[str]:
        """pages, the least changed first (reading order otherwise)."""
        return sorted(pages, key=lambda page: self.pages[page])

    def everywhere(self, page: str, section_id: str) -> bool:
        """The section stands on the page in every language."""
        try:
            return all(content.page(lang, page, self.docs).section(section_id) for lang in LANGUAGES)
        except ContentLacks:
            return False

    def shared_sections(self, level: int) -> list[content.Section]:
        """The reference's sections of that level that every language has and no change took."""
        return [
            s for s in content.sections(REFERENCE, self.docs, level)
            if self.free(s.page, s.id) and self.everywhere(s.page, s.id)
        ]

    def page_values(self, language, key: str) -> set[str]:
        """Every page's front matter value for key (title, description), whitespace folded."""
        return {
            " ".join(str(front_matter(page_file(self.project, language, page)).get(key, "")).split())
            for page in source_pages(self.docs, language)
        }


# -- In every language ---------------------------------------------------------------------------


def remove_a_faq_question(edit: Edit) -> None:
    """A FAQ question removed in every language, every link to it taken out; its id off the kept
    ids, its search queries dropped, a synonym group left without a word dropped."""
    page, question = FAQ_PAGE, faq_question_to_remove(edit)
    edit.take(page, question)
    ids = remove_section_everywhere(edit.project, page, question)
    kept = editor_data.drop_kept_ids(edit.project, page, ids)
    queries = editor_data.drop_queries(edit.project, page, ids)
    synonyms = editor_data.drop_unused_synonyms(edit.project)
    edit.done.append(
        f"{page}#{question} removed in every language (kept ids dropped: {kept}; {queries} search "
        f"queries dropped; synonym groups dropped: {synonyms})"
    )


def faq_question_to_remove(edit: Edit) -> str:
    """A FAQ question that can go, the FAQ keeping another: whose links can be taken out, whose
    search queries can go (each language keeps enough), preferably one whose removal leaves every
    synonym group a word."""
    questions = [q for q in content.faq_questions(REFERENCE, edit.docs) if edit.everywhere(FAQ_PAGE, q.id)]
    if len(questions) < 2:
        raise ContentLacks(f"docs/{REFERENCE.locale}/{FAQ_PAGE}: fewer than two questions in every language")
    fitting, refused = [], []
    for question in questions:
        try:
            unlinked(edit.project, FAQ_PAGE, [question.id])
        except LookupError as why:
            refused.append(str(why))
            continue
        if lacks := editor_data.too_few_queries(editor_data.queries_left(edit.project, FAQ_PAGE, [question.id])):
            refused.append(f"#{question.id}: search_queries.yml would lack {lacks}")
            continue
        texts = [content.page(lang, FAQ_PAGE, edit.docs).section(question.id) for lang in LANGUAGES]
        removed = "\n".join(block.text for found in texts for block in found.blocks)
        if all(content.keeps_search_words(lang, removed, edit.docs) for lang in LANGUAGES):
            return question.id
        fitting.append(question.id)
    if not fitting:
        raise ContentLacks(f"no question of {FAQ_PAGE} can go: {refused}")
    return fitting[0]


def change_a_number_everywhere(edit: Edit) -> tuple[str, str]:
    """A number of a paragraph changed, the same in its counterpart in every language: (page, id)."""
    for found, block in content.paragraphs_with_number(REFERENCE, edit.docs):
        if not (edit.free(found.page, found.id) and edit.everywhere(found.page, found.id)):
            continue
        place = found.paragraphs.index(block)
        line, number = next(content.numbers_as_words(block))
        spans = {REFERENCE: (line, number.start(), number.end())}
        for lang in TRANSLATIONS:
            theirs = content.page(lang, found.page, edit.docs).section(found.id).paragraphs[place : place + 1]
            same = [(n, m) for block in theirs for n, m in content.numbers_as_words(block) if m[0] == number[0]]
            if not same:
                break
            spans[lang] = (same[0][0], same[0][1].start(), same[0][1].end())
        else:
            new = str(int(number[0]) + NUMBER_STEP)
            for lang, span in spans.items():
                content.replace_span(page_file(edit.project, lang, found.page), *span, new)
            edit.take(found.page, found.id)
            edit.done.append(f"{found.page}#{found.id}: {number[0]} -> {new} in every language")
            return found.page, found.id
    raise ContentLacks(f"no paragraph of docs/{REFERENCE.locale} holds a number that its counterparts hold too")


def rename_and_move_with_the_command(edit: Edit) -> None:
    """A section renamed in place, and another moved to another page, by `python -m commands.rename`."""
    free = edit.shared_sections(level=2)
    if len(free) < 2:
        raise ContentLacks(f"fewer than two ## sections of docs/{REFERENCE.locale} left to rename and move")
    renamed = free[0]
    moved = next((s for s in free[1:] if s.page != renamed.page), free[1])
    new_id = fresh_id(edit.project, renamed.page, f"renamed-{renamed.id}")
    rename(f"{renamed.page}#{renamed.id}", new_id, "--project", str(edit.project))
    edit.take(renamed.page, renamed.id, new_id)
    to_page = edit.least_used(p for p in PAGES if p != moved.page)[0]
    rename(f"{moved.page}#{moved.id}", f"{to_page}#{moved.id}", "--project", str(edit.project))
    edit.take(moved.page, moved.id)
    edit.take(to_page, moved.id)
    edit.done.append(f"commands.rename: {renamed.page}#{renamed.id} -> #{new_id}; {moved.page}#{moved.id} -> {to_page}")


def change_an_id_by_hand(edit: Edit) -> None:
    """A heading's id changed by hand in every language, every link to it mended (a section some
    link reaches, if one is), and the search queries that name it."""
    candidates = edit.shared_sections(level=2) or edit.shared_sections(level=1)
    if not candidates:
        raise ContentLacks(f"no section of docs/{REFERENCE.locale} left to change the id of by hand")
    target = next((s for s in candidates if reached(edit.project, s)), candidates[0])
    new_id = fresh_id(edit.project, target.page, f"{target.id}-by-hand")
    for lang in LANGUAGES:
        edit_heading_id(page_file(edit.project, lang, target.page), target.id, new_id)
    links = relink(edit.project, target.page, target.id, new_id)
    queries = editor_data.mend_queries(edit.project, target.page, target.id, new_id)
    addresses = editor_data.mend_old_addresses(edit.project, target.page, target.id, new_id)
    edit.take(target.page, target.id, new_id)
    edit.done.append(
        f"{target.page}#{target.id} -> #{new_id} by hand ({links} links, {len(queries)} queries, "
        f"{len(addresses)} old addresses mended)"
    )


def reached(project: Path, target: content.Section) -> bool:
    """Whether some link, of any page of any language, leads to the section."""
    try:
        return bool(unlinked(project, target.page, [target.id]))
    except LookupError:
        return True  # by a link not written inline: still one to mend


def add_a_section_everywhere(edit: Edit, text: tuple[str, dict, dict]) -> None:
    """A new section in every language, a paragraph and its translations under their headings,
    on a page other than theirs (two headings alike on a page would read as a slip)."""
    source, headings, texts = text
    target = edit.least_used(p for p in PAGES if p != source)[0]
    new_id = fresh_id(edit.project, target, "added-section")
    for lang in LANGUAGES:
        add_section(edit.project, lang, target, new_id, headings[lang.locale], texts[lang.locale])
    edit.take(target, new_id)
    edit.done.append(f"{target}#{new_id}: a new section in every language")


def add_a_page_everywhere(edit: Edit, texts: list[tuple[str, dict, dict]]) -> None:
    """A new page in every language, titled as the heading of a paragraph it carries, none a
    page's title already; its line at the end of `nav:`."""
    name = next(n for n in ("added-page.md", *(f"added-page-{k}.md" for k in range(2, 99))) if n not in PAGES)
    fresh = [
        (headings, paragraphs) for _, headings, paragraphs in texts
        if all(" ".join(headings[lang.locale].split()) not in edit.page_values(lang, "title") for lang in LANGUAGES)
    ]
    if not fresh:
        raise ContentLacks("every paragraph reusable as a new page stands under a heading that is a page's title")
    headings, paragraphs = fresh[0]
    for lang in LANGUAGES:
        write_page(page_file(edit.project, lang, name), headings[lang.locale], paragraphs[lang.locale])
    editor_data.add_to_nav(edit.project, name)
    edit.take(name)
    edit.done.append(f"{name}: a new page in every language, last in nav:")


def write_page(path: Path, heading: str, paragraph: str) -> None:
    """A page: its front matter (title: the heading; description: the paragraph), its heading with
    its id (the page's name), its paragraph."""
    meta = {"title": heading, "description": " ".join(paragraph.split())}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"---\n{front}---\n\n# {heading} {{#{path.stem}}}\n\n{paragraph}\n", encoding="utf-8")


def change_a_title_everywhere(edit: Edit) -> None:
    """A page's title changed in every language: its first heading's words, a title no other
    page has."""
    def fits(page: str) -> bool:
        return all(
            " ".join(first_heading_words(edit.project, lang, page).split()) not in edit.page_values(lang, "title")
            for lang in LANGUAGES
        )

    pages = [page for page in edit.least_used(retitled_pages(edit.project, LANGUAGES)) if fits(page)]
    if not pages:
        raise ContentLacks("no page whose first heading differs from every page's title in every language")
    for lang in LANGUAGES:
        words = first_heading_words(edit.project, lang, pages[0])
        set_front_matter(page_file(edit.project, lang, pages[0]), "title", words)
    edit.take(pages[0])
    edit.done.append(f"{pages[0]}: its title changed in every language")


# -- In one language, the others pending ----------------------------------------------------------


def add_a_paragraph_in_the_last_translation(edit: Edit) -> None:
    """A paragraph of the language added to a section of it, the other languages pending."""
    spare = [
        (page, sid) for page in PAGES for sid in with_paragraphs(edit.project, LAST, page)
        if edit.free(page, sid) and edit.everywhere(page, sid)
    ]
    if not spare:
        raise ContentLacks(f"no section with a paragraph left in docs/{LAST.locale}")
    page, sid = min(spare, key=lambda found: edit.pages[found[0]])
    added = next((text for src, s, _, text in reusable_paragraphs(edit.project, LAST) if (src, s) != (page, sid)), None)
    if added is None:
        raise ContentLacks(f"no plain paragraph (no link, no number) of docs/{LAST.locale} to add")
    add_paragraph(edit.project, LAST, page, sid, added)
    edit.take(page, sid)
    edit.pending += [(f"{page}#{sid}", lang.locale) for lang in LANGUAGES if lang != LAST]
    edit.done.append(f"{page}#{sid}: a paragraph added in {LAST.locale} only")


def add_a_section_in_the_reference(edit: Edit) -> None:
    """A new section in the reference only, a paragraph of it under its heading, the translations
    pending."""
    found = next(iter(reusable_paragraphs(edit.project, REFERENCE)), None)
    if found is None:
        raise ContentLacks(f"no plain paragraph (no link, no number) of docs/{REFERENCE.locale} to make a section of")
    source, sid, _, text = found
    target = edit.least_used(p for p in PAGES if p != source)[0]
    new_id = fresh_id(edit.project, target, f"added-in-{REFERENCE.locale}")
    heading = section(page_file(edit.project, REFERENCE, source), sid).heading
    add_section(edit.project, REFERENCE, target, new_id, heading, text)
    edit.take(target, new_id)
    edit.pending += [(f"{target}#{new_id}", lang.locale) for lang in TRANSLATIONS]
    edit.done.append(f"{target}#{new_id}: a new section in {REFERENCE.locale} only")


def change_a_description_in_the_last_translation(edit: Edit) -> None:
    """A page's description, in the last translation, made a paragraph of that page that no page
    has for description; the other languages pending."""
    taken = edit.page_values(LAST, "description")
    options = [
        (page, " ".join(text.split())) for page, _, _, text in reusable_paragraphs(edit.project, LAST)
        if " ".join(text.split()) not in taken
    ]
    if not options:
        raise ContentLacks(f"no plain paragraph of docs/{LAST.locale} to make a description of")
    page, text = min(options, key=lambda found: edit.pages[found[0]])
    set_front_matter(page_file(edit.project, LAST, page), "description", text)
    edit.take(page)
    edit.pending += [(f"{page}:description", lang.locale) for lang in LANGUAGES if lang != LAST]
    edit.done.append(f"{page}:description changed in {LAST.locale} only")


# -- The copy --------------------------------------------------------------------------------------


def edited_copy(dest: Path, site: Path) -> SimpleNamespace:
    """Copy the project into dest, make every change, then run the commands as README says:
    `commands.pending` for each language left behind, then `commands.confirm`. Their build (one,
    into site, strict) is made once: the docs do not change meanwhile.

    Returns .project, .done (a line per change, for messages), .pending [(address, locale)],
    .confirm (its exit code and output), .fact (page, id) of the number changed, and .lock_before
    (the lock as confirm found it)."""
    edit = Edit(copy_project(dest))
    remove_a_faq_question(edit)
    fact = change_a_number_everywhere(edit)
    rename_and_move_with_the_command(edit)
    change_an_id_by_hand(edit)
    add_a_paragraph_in_the_last_translation(edit)
    texts = list(all_counterpart_paragraphs(edit.project))
    if not texts:
        raise ContentLacks("no paragraph is plain (no link, no number) in every language at the same place")
    add_a_section_everywhere(edit, texts[0])
    add_a_page_everywhere(edit, texts[1:] + texts[:1])  # another paragraph, if the content has one
    add_a_section_in_the_reference(edit)
    change_a_title_everywhere(edit)
    change_a_description_in_the_last_translation(edit)

    result = build_site(edit.project, site)
    if result.returncode != 0:
        raise RuntimeError(f"the edited copy does not build:\n{result.failure()}\nafter:\n" + "\n".join(edit.done))
    argv = ["--reason", REASON, "--project", str(edit.project)]
    for where, locale in edit.pending:
        code, out = run(commands.pending.main, [where, locale, *argv], site)
        if code != 0:
            raise RuntimeError(f"commands.pending {where} {locale} exited {code}:\n{out}")
    lock_before = load_lock(project_files(edit.project)[0])
    confirmed = run(commands.confirm.main, ["--project", str(edit.project)], site)
    return SimpleNamespace(
        project=edit.project, done=edit.done, pending=edit.pending, confirm=confirmed, fact=fact,
        lock_before=lock_before,
    )
