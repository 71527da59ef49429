"""A copy of the project where one section was changed in the reference language only and its
first translation marked pending, as an editor leaves it after `python -m commands.pending`;
and where a built page shows pending notices. Shared by the fast and the browser tier."""

from datetime import date
from functools import lru_cache
from pathlib import Path

from bs4 import Tag

from checks.freshness import Pending, project_files, save_pending
from checks.parity import HEADINGS, NOTICE_CLASS, article
from checks.site import built_page, copy_project, soup

from . import content
from .content import ContentLacks
from .params import REFERENCE, TRANSLATIONS

LAGGING = TRANSLATIONS[0]
SINCE = date(2026, 11, 25)


@lru_cache(maxsize=1)
def pending_section() -> tuple[str, str]:
    """(page, id) of the section to leave pending, chosen from the content: a ## section between
    two others, so that a notice in the wrong one shows, opening on a paragraph in every language."""
    for page in content.pages(REFERENCE):
        for before, section, after in zip(page.sections, page.sections[1:], page.sections[2:]):
            try:
                lagging = content.page(LAGGING, page.name).section(section.id)
            except ContentLacks:
                continue
            if section.level >= 2 and all(s.blocks and s.blocks[0].is_paragraph for s in (section, lagging)):
                return page.name, section.id
    raise ContentLacks(
        f"no ## section between two others, opening on a paragraph, on any page of docs/{REFERENCE.locale} "
        f"and docs/{LAGGING.locale}"
    )


def pending_copy(dest: Path) -> Path:
    """Copy the project into dest, change the first paragraph of pending_section() in the
    reference language only (a year added: the words stay in that language), and mark it
    pending in LAGGING."""
    page, section = pending_section()
    project = copy_project(dest)
    opening = content.page(REFERENCE, page, project / "docs").section(section).blocks[0]
    content.splice(project / "docs" / REFERENCE.locale / page, opening.first, opening.end,
                   [*opening.lines[:-1], f"{opening.lines[-1]} (2026)"])
    _, pending_file = project_files(project)
    save_pending([Pending(page, section, LAGGING.locale, SINCE, "translator on leave")], pending_file)
    return project


def notice_places(site_dir: Path, language, page: str) -> list[str]:
    """The id of the heading each pending notice of a built page follows ("(top)" before any)."""
    places, current = [], "(top)"
    for child in article(soup(built_page(site_dir, language, page))).find_all(recursive=False):
        if child.name in HEADINGS:
            current = child.get("id", "(no id)")
        if child.find(class_=NOTICE_CLASS) or NOTICE_CLASS in child.get("class", []):
            places.append(current)
    return places


def notice_sections(site_dir: Path, language, page: str) -> list[str]:
    """The section each pending notice of a built page is about: its own id when it stands for a
    section not written in that language yet, else the id of the heading it follows."""
    return [
        notice.get("id") or place
        for place, notice in zip(notice_places(site_dir, language, page), notices(site_dir, language, page))
    ]


def notices(site_dir: Path, language, page: str) -> list[Tag]:
    """The pending notices of a built page's article, in order."""
    return article(soup(built_page(site_dir, language, page))).find_all(class_=NOTICE_CLASS)


def notice_after(site_dir: Path, language, page: str, section: str) -> Tag | None:
    """The element right after the heading with that id, if it is a pending notice."""
    heading = article(soup(built_page(site_dir, language, page))).find(id=section)
    following = heading.find_next_sibling() if heading else None
    return following if following is not None and NOTICE_CLASS in following.get("class", []) else None
