"""Broken copies, to prove the checks fail: `edit`, the way the tests break a built file or a
setting by pattern; `built_copy`, a copy of the project built; and `broken_copy`, the project
with one fault of each kind planted in the last translation, for the parity checks and the
status command to name. Where each fault goes is chosen from the content when the tests run
(`broken_plan`), so that the tests derive what each check must say from what was planted."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from checks.parity import FAQ_CHECK, FAQ_PAGE, MIN_WORDS_TO_DETECT
from checks.site import Language, build_site, copy_project, page_url, site_path

from . import content
from .content import ContentLacks, Link
from .params import REFERENCE, TRANSLATIONS


def edit(path: Path, old: str, new: str, *, regex: bool = False, count: int = 0) -> None:
    """Replace old (a literal, or a pattern with regex=True) by new in a file, every occurrence
    unless count says how many. A broken copy that breaks nothing proves nothing: raises
    ValueError when nothing matches."""
    text = path.read_text(encoding="utf-8")
    pattern, replacement = (old, new) if regex else (re.escape(old), lambda match: new)
    changed, done = re.subn(pattern, replacement, text, count=count)
    if not done:
        raise ValueError(f"{path}: nothing matches {old!r}: has the file changed?")
    path.write_text(changed, encoding="utf-8")


def built_copy(root: Path, make: Callable[[Path], Path], strict: bool = True) -> SimpleNamespace:
    """A copy of the project made by make(root / "project"), built into root / "site":
    .project and .site. Raises with the build's log when it does not build."""
    project = make(root / "project")
    result = build_site(project, root / "site", strict=strict)
    if result.returncode != 0:
        raise RuntimeError(f"{make.__name__}: the copy does not build:\n{result.log}")
    return SimpleNamespace(project=project, site=root / "site")


# Faults that change a page's headings: the parity structure check then compares nothing else
# on that page, so a dropped paragraph must stand on a page without them.
HEADING_FAULTS = {"question", "extra", "renamed"}


@dataclass(frozen=True)
class Broken:
    """Where broken_copy plants each fault in `language`, chosen from the content."""

    language: Language
    question: content.Section  # a question of the FAQ (its last, if it can), removed with its answer
    extra: tuple[str, str]  # (page, id) of a section added at the end of the page
    untranslated: tuple[str, str, int]  # (page, section id, paragraph n): the reference's paragraph
    # there, and the page's description the reference's too
    renamed: content.Section  # a section whose id is changed, in this language only, into renamed_to
    renamed_to: str
    anchor: Link  # a link to a section, its anchor changed into broken_anchor
    broken_anchor: str
    leaving: str  # beside that link, a link out of the language, to this site path
    dropped: content.Section  # the section that loses its second paragraph
    faults: dict  # page -> the faults planted on it

    @property
    def gone_ids(self) -> list[str]:
        """The ids of this language that links may still name: the question's, the renamed one."""
        return [self.question.id, self.renamed.id]

    def headings_changed(self, page: str) -> tuple[list[str], list[str]]:
        """(missing, extra) headings of a page, as the structure check names them, in order."""
        missing = sorted(
            (s for s in (self.question, self.renamed) if s.page == page), key=lambda s: s.first
        )
        extra = [f"h{self.renamed.level}#{self.renamed_to}"] if self.renamed.page == page else []
        extra += [f"h2#{self.extra[1]}"] if self.extra[0] == page else []
        return [s.key for s in missing], extra

    def cells(self) -> dict[str, set[str]]:
        """page -> the checks its cell of the status table must name."""
        named = {
            "question": {FAQ_CHECK, "structure"},
            "extra": {"structure"},
            "renamed": {"structure"},
            "dropped": {"structure"},
            "untranslated": {"untranslated", "title/description"},
            "anchor": {"links", "link targets"},
        }
        return {page: set().union(*(named[fault] for fault in faults)) for page, faults in self.faults.items()}


@lru_cache(maxsize=1)
def broken_plan(language: Language = TRANSLATIONS[-1], reference: Language = REFERENCE) -> Broken:
    """Choose where each fault goes, from the project's content: each on a page of its own when
    the content allows, else on a page whose faults it does not disturb."""
    ours = {page.name: page for page in content.pages(language)}
    theirs = {page.name: page for page in content.pages(reference)}
    # The FAQ's last question whose words other pages also use (search_words.yml needs them).
    faq = content.page(language, FAQ_PAGE)
    question = content.first(
        (q for q in reversed(content.faq_questions(language))
         if content.keeps_search_words(language, "\n".join(faq.lines[q.first : q.end]))),
        "FAQ question whose removal leaves a word of each synonym group of search_words.yml", language,
    )
    faults: dict[str, list[str]] = {FAQ_PAGE: ["question"]}

    def choose(fault: str, candidates, what: str, clashes=frozenset()):
        """The first (page, target) on a page without a fault yet, else on one without a fault
        it clashes with."""
        candidates = list(candidates)
        for pool in (
            [c for c in candidates if c[0] not in faults],
            [c for c in candidates if not clashes & set(faults.get(c[0], []))],
        ):
            if pool:
                faults.setdefault(pool[0][0], []).append(fault)
                return pool[0][1]
        raise ContentLacks(
            f"no {what} on any page of docs/{language.locale}"
            + (f" without a fault of {sorted(clashes)} planted" if clashes else "")
        )

    removed = (FAQ_PAGE, question.id)
    # The fewest candidates first: links, then sections with two paragraphs, then the others.
    anchor = choose(
        "anchor",
        (
            (link.page, link)
            for link in content.links_to_sections(language)
            if (link.page, link.section) != removed and link.anchor != question.id
        ),
        "link to a section of a page (besides the FAQ question removed)",
    )
    dropped = choose(
        "dropped",
        (
            (s.page, s)
            for s in content.sections(language)
            if len(s.paragraphs) >= 2 and (s.page, s.id) != (anchor.page, anchor.section)
            and content.keeps_search_words(language, s.paragraphs[1].text)
        ),
        "section with two paragraphs",
        HEADING_FAULTS,
    )
    renamed = choose(
        "renamed",
        (
            (s.page, s)
            for s in content.sections(language)
            if s.level >= 2 and (s.page, s.id) not in (removed, (anchor.target, anchor.anchor))
        ),
        "## heading (besides the FAQ question removed and the section a broken link names)",
        {"dropped"},
    )
    extra = choose("extra", ((name, name) for name in ours), "page", {"dropped"})

    def counterpart(name: str, section: str, n: int):
        found = [s for s in theirs[name].sections if s.id == section] if name in theirs else []
        paragraphs = found[0].paragraphs if found else []
        return paragraphs[n] if n < len(paragraphs) else None

    def untranslatable(page: content.Page):
        """(page, (page, section, n)) of each paragraph whose counterpart can stand in for it,
        found in the reference language: long enough to tell, without links, on a page whose
        reference description is long enough to tell too."""
        if page.name not in theirs or len(description(theirs[page.name]).split()) < MIN_WORDS_TO_DETECT:
            return
        for section in page.sections:
            if (page.name, section.id) in (removed, (dropped.page, dropped.id)):
                continue
            for n, block in enumerate(section.paragraphs):
                other = counterpart(page.name, section.id, n)
                if (
                    content.detectable(block) and other and content.detectable(other)
                    and "](" not in block.text + other.text and content.keeps_search_words(language, block.text)
                ):
                    yield page.name, (page.name, section.id, n)

    untranslated = choose(
        "untranslated",
        (found for page in ours.values() for found in untranslatable(page)),
        f"paragraph of {MIN_WORDS_TO_DETECT} words or more without links, beside its counterpart "
        f"in {reference.locale}",
    )
    return Broken(
        language=language,
        question=question,
        extra=(extra, content.unused_id("planted-extra-section")),
        untranslated=untranslated,
        renamed=renamed,
        renamed_to=content.unused_id(f"{renamed.id}-renamed"),
        anchor=anchor,
        broken_anchor=content.unused_id(f"{anchor.anchor}-broken"),
        leaving=f"{reference.prefix}{page_url(anchor.target)}",
        dropped=dropped,
        faults={page: tuple(found) for page, found in faults.items()},
    )


def description(page: content.Page) -> str:
    """The description of a page's front matter, as written ("" without one)."""
    try:
        first, end = content.front_matter_value(page.lines, "description")
    except ContentLacks:
        return ""
    return " ".join(page.lines[first:end]).removeprefix("description:").strip().removeprefix(">-")


def broken_copy(dest: Path) -> Path:
    """Copy the project into dest and plant every fault of broken_plan() in its translation."""
    plan = broken_plan()
    project = copy_project(dest)
    docs = project / "docs"
    lang, ref = plan.language, REFERENCE
    path = lambda name: docs / lang.locale / name  # noqa: E731

    # A broken anchor, and beside it a link that leaves the language (inline: no block added).
    link = plan.anchor
    written = path(link.page).read_text(encoding="utf-8").split("\n")[link.line][link.start : link.end]
    to_root = "../" * site_path(lang, link.page).count("/")
    broken = written.replace(f"#{link.anchor})", f"#{plan.broken_anchor})")
    leaving = f'<a href="{to_root}{plan.leaving}">x</a>'
    content.replace_span(path(link.page), link.line, link.start, link.end, f"{broken} {leaving}")
    # A paragraph left in the reference language, and the page's description too.
    name, section, n = plan.untranslated
    ours, theirs = content.page(lang, name, docs), content.page(ref, name, docs)
    mine, other = ours.section(section).paragraphs[n], theirs.section(section).paragraphs[n]
    content.splice(path(name), mine.first, mine.end, other.lines)
    ours = content.page(lang, name, docs)
    content.splice(path(name), *content.front_matter_value(ours.lines, "description"),
                   theirs.lines[slice(*content.front_matter_value(theirs.lines, "description"))])
    # A changed id.
    renamed = content.page(lang, plan.renamed.page, docs).section(plan.renamed.id)
    content.rewrite(path(plan.renamed.page), lambda lines: [
        line.replace(f"{{#{plan.renamed.id}}}", f"{{#{plan.renamed_to}}}") if n == renamed.first else line
        for n, line in enumerate(lines)
    ])
    # A dropped paragraph: the second of its section.
    second = content.page(lang, plan.dropped.page, docs).section(plan.dropped.id).paragraphs[1]
    content.splice(path(plan.dropped.page), second.first, second.end, [])
    # A question missing: the heading and its answer removed.
    question = content.page(lang, FAQ_PAGE, docs).section(plan.question.id)
    content.splice(path(FAQ_PAGE), question.first, question.end, [])
    # An extra section, at the end of its page.
    page, extra = plan.extra
    content.rewrite(path(page), lambda lines: [*lines, "", f"## Extra {{#{extra}}}", "", "Extra."])
    return project
