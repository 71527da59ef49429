"""The drifted copy: translations let drift on purpose, for the freshness lock and the facts
check to name. Each drift stands in a section of its own, chosen from the content when the tests
run (`drift_plan`), some in the reference language and some in the last translation (the lock is
two-way); the tests derive what each check must say from what was planted."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from checks.facts import numbers
from checks.parity import FAQ_PAGE
from checks.site import Language, copy_project, page_url

from . import content
from .content import Block, ContentLacks, Link, Section
from .params import REFERENCE, TRANSLATIONS

# How much a number planted is greater than the number it replaces.
NUMBER_STEP = 30


@dataclass(frozen=True)
class NumberChange:
    """A number of a paragraph, in one language, changed into another."""

    language: Language
    section: Section
    paragraph: int  # its place among the section's paragraphs
    line: int
    start: int
    end: int
    old: str
    new: str
    before: list[str]  # the paragraph's numbers (checks.facts.numbers), before and after
    after: list[str]

    @property
    def where(self) -> str:
        return f"{self.section.page}#{self.section.id}"

    def apply(self, docs: Path) -> None:
        content.replace_span(docs / self.language.locale / self.section.page, self.line, self.start, self.end, self.new)


def number_change(language: Language, docs: Path = content.DOCS, taken=frozenset()) -> NumberChange:
    """The first number standing as a word in a paragraph of the language, out of the sections
    taken ("page#id"), to be made NUMBER_STEP greater."""
    for section, block in content.paragraphs_with_number(language, docs):
        if f"{section.page}#{section.id}" in taken:
            continue
        line, match = next(content.numbers_as_words(block))
        new = str(int(match[0]) + NUMBER_STEP)
        lines = list(block.lines)
        at = line - block.first
        lines[at] = lines[at][: match.start()] + new + lines[at][match.end() :]
        after = Block(block.first, tuple(lines))
        return NumberChange(
            language, section, section.paragraphs.index(block), line, match.start(), match.end(), match[0], new,
            numbers(" ".join(block.words), language.locale), numbers(" ".join(after.words), language.locale),
        )
    raise ContentLacks(f"no paragraph holding a number on any page of {content.where(docs / language.locale)}")


@dataclass(frozen=True)
class Drift:
    number: NumberChange  # in the reference
    added: Section  # the translation's: a sentence added to its first paragraph
    swapped: tuple[Section, Section]  # the translation's: their first paragraphs swapped
    rewritten: Section  # the reference's: its first plain paragraph, words in reverse order
    retargeted: Link  # the translation's: to another section of the same page, retarget_to
    retarget_to: str
    reordered: tuple[Section, int]  # the translation's: its paragraphs n and n + 1 in the other order

    @property
    def sections(self) -> list[str]:
        """Each section drifted, "page#id"."""
        found = [self.number.section, self.added, *self.swapped, self.rewritten, self.reordered[0]]
        return [f"{s.page}#{s.id}" for s in found] + [f"{self.retargeted.page}#{self.retargeted.section}"]

    def retargeted_words(self) -> tuple[str, str]:
        """The link's target before and after, as the lock's text writes it: "/page/#id]"."""
        url = page_url(self.retargeted.target)
        return f"/{url}#{self.retargeted.anchor}]", f"/{url}#{self.retarget_to}]"


def key(section: Section) -> str:
    return f"{section.page}#{section.id}"


@lru_cache(maxsize=1)
def drift_plan(translation: Language = TRANSLATIONS[-1], reference: Language = REFERENCE) -> Drift:
    """Choose a section of its own for each drift, from the project's content."""
    taken: set[str] = set()

    def choose(candidates, what: str, language: Language):
        """The first (target, its sections) whose sections no other drift has taken."""
        for target, sections in candidates:
            if not set(sections) & taken and len(set(sections)) == len(sections):
                taken.update(sections)
                return target
        raise ContentLacks(f"no {what} on any page of docs/{language.locale} (each drift needs a section of its own)")

    number = number_change(reference)
    taken.add(number.where)
    ours = {page.name: page for page in content.pages(translation)}

    def other_section(link: Link) -> str | None:
        """Another section of the page a link leads to: a ## one if there is."""
        target = ours.get(link.target)
        ids = [s.id for s in target.sections if s.level >= 2] + target.ids if target else []
        return next((found for found in ids if found != link.anchor), None)

    retargeted = choose(
        (
            (link, [f"{link.page}#{link.section}"])
            for link in content.links_to_sections(translation)
            if other_section(link)
        ),
        "link to a page with another section to point at", translation,
    )

    def pairs():
        """Two sections of one page, each with a first paragraph of its own: the FAQ's first."""
        for page in sorted(ours.values(), key=lambda page: page.name != FAQ_PAGE):
            with_text = [s for s in page.sections if s.paragraphs]
            for n, one in enumerate(with_text):
                for other in with_text[n + 1 :]:
                    if one.paragraphs[0].text != other.paragraphs[0].text:
                        yield (one, other), [key(one), key(other)]

    swapped = choose(pairs(), "two sections of one page with different first paragraphs", translation)
    reordered = choose(
        (
            ((s, n), [key(s)])
            for s in content.sections(translation)
            for n, (a, b) in enumerate(zip(s.blocks, s.blocks[1:]))
            if a.is_paragraph and b.is_paragraph and a.text != b.text
        ),
        "section with two paragraphs in a row", translation,
    )
    rewritten = choose(
        ((s, [key(s)]) for s in content.sections(reference) if any(rewritable(p) for p in s.paragraphs)),
        "paragraph of plain words", reference,
    )
    added = choose(((s, [key(s)]) for s in content.sections(translation) if s.paragraphs), "paragraph", translation)
    return Drift(number, added, swapped, rewritten, retargeted, other_section(retargeted), reordered)


def rewritable(block: Block) -> bool:
    """Words alone, at least two different: in reverse order, they make another text."""
    return block.plain and len(set(block.words)) > 1


def drifted_copy(dest: Path) -> Path:
    """Copy the project and plant every drift of drift_plan()."""
    plan = drift_plan()
    project = copy_project(dest)
    docs = project / "docs"
    ref, other = REFERENCE, TRANSLATIONS[-1]
    path = lambda language, page: docs / language.locale / page  # noqa: E731
    fresh = lambda language, section: content.page(language, section.page, docs).section(section.id)  # noqa: E731

    # A number changed in the reference; a link of the translation retargeted to another section
    # of the same page. First: both edit a line where the content had it.
    plan.number.apply(docs)
    link = plan.retargeted
    written = path(other, link.page).read_text(encoding="utf-8").split("\n")[link.line][link.start : link.end]
    content.replace_span(path(other, link.page), link.line, link.start, link.end,
                         written.replace(f"#{link.anchor})", f"#{plan.retarget_to})"))
    # A sentence added to a paragraph of the translation (the one it has, again).
    first = fresh(other, plan.added).paragraphs[0]
    again = f"{first.lines[-1]} {' '.join(first.lines)}"
    content.splice(path(other, plan.added.page), first.first, first.end, [*first.lines[:-1], again])
    # Two answers of the translation swapped under each other's questions.
    one, two = [fresh(other, s).paragraphs[0] for s in plan.swapped]
    content.rewrite(path(other, plan.swapped[0].page), lambda lines: [
        *lines[: one.first], *two.lines, *lines[one.end : two.first], *one.lines, *lines[two.end :]
    ])
    # A paragraph of the reference rewritten: its words in another order.
    plain = next(p for p in fresh(ref, plan.rewritten).paragraphs if rewritable(p))
    content.splice(path(ref, plan.rewritten.page), plain.first, plain.end, [" ".join(reversed(plain.text.split()))])
    # Two paragraphs of a section of the translation in the other order.
    section, n = plan.reordered
    a, b = fresh(other, section).blocks[n : n + 2]
    content.splice(path(other, section.page), a.first, b.end, [*b.lines, "", *a.lines])
    return project
