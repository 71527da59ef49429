"""A copy of the project where one section was changed in the reference language only and its
first translation marked pending, as an editor leaves it after `python -m commands.pending`;
and where a built page shows pending notices. Shared by the fast and the browser tier."""

from datetime import date
from pathlib import Path

from bs4 import Tag

from checks.freshness import Pending, project_files, save_pending
from checks.parity import HEADINGS, NOTICE_CLASS, article
from checks.site import built_page, copy_project, soup

from .broken_copy import edit
from .params import REFERENCE, TRANSLATIONS

# A section between two others, so that a notice in the wrong one shows.
PAGE, SECTION = "faq.md", "new-customer-wait"
LAGGING = TRANSLATIONS[0]
SINCE = date(2026, 11, 25)


def pending_copy(dest: Path) -> Path:
    """Copy the project into dest, change SECTION's first paragraph in the reference language
    only (a year added: the words stay in that language), and mark it pending in LAGGING."""
    project = copy_project(dest)
    source = project / "docs" / REFERENCE.locale / PAGE
    edit(source, rf"(\{{#{SECTION}\}}\n\n[^\n]+)", r"\1 (2026)", regex=True, count=1)
    _, pending_file = project_files(project)
    save_pending([Pending(PAGE, SECTION, LAGGING.locale, SINCE, "translator on leave")], pending_file)
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


def notice_after(site_dir: Path, language, page: str, section: str) -> Tag | None:
    """The element right after the heading with that id, if it is a pending notice."""
    heading = article(soup(built_page(site_dir, language, page))).find(id=section)
    following = heading.find_next_sibling() if heading else None
    return following if following is not None and NOTICE_CLASS in following.get("class", []) else None
