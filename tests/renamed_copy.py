"""A copy of the project where `python -m commands.rename` renamed one section and moved another
to another page, as an editor leaves it; and its twin, the same with translations/old_addresses.yml
emptied (the old addresses no longer land). Shared by the fast and the browser tier.

The sections are chosen from the content when the copy is made: the first section of the FAQ
page is renamed; a section that another page links to is moved to the end of the FAQ page."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

from checks.markdown_sections import headings
from checks.old_addresses import OLD_ADDRESSES, addresses_text, load_addresses
from checks.parity import FAQ_PAGE
from checks.site import build_site, copy_project, source_pages
from commands import rename

from .params import REFERENCE

LINK = re.compile(r"\]\(([^)#\s]+\.md)#([^)\s]+)\)")


def sections(project: Path, page: str, level: int = 2) -> list[str]:
    """The ids of a page's sections of that level, in the reference language's source."""
    lines = (project / "docs" / REFERENCE.locale / page).read_text(encoding="utf-8").split("\n")
    return [h.id for h in headings(lines) if h.level == level and h.id]


def linked_section(project: Path) -> tuple[str, str]:
    """(page, id): the first section, of a page other than the FAQ, that another page links to."""
    for page in source_pages(project / "docs", REFERENCE):
        text = (project / "docs" / REFERENCE.locale / page).read_text(encoding="utf-8")
        for target, section in LINK.findall(text):
            if target not in (page, FAQ_PAGE) and section in sections(project, target):
                return target, section
    raise LookupError(f"no page of docs/{REFERENCE.locale} links to a section of another page: nothing to move")


def run(*args: str) -> str:
    """`python -m commands.rename ARGS`; its output, or an error with it when it does not exit 0."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = rename.main(list(args))
    if code != 0:
        raise RuntimeError(f"commands.rename {' '.join(args)} exited {code}:\n{out.getvalue()}")
    return out.getvalue()


def renamed_copy(dest: Path) -> SimpleNamespace:
    """Copy the project into dest, rename the FAQ's first section and move a linked section to
    the end of the FAQ: .project, .renamed (page, old id, new id), .moved (page, old id, new page,
    new id), .addresses (translations/old_addresses.yml as written)."""
    project = copy_project(dest)
    faq = sections(project, FAQ_PAGE)
    if not faq:
        raise LookupError(f"docs/{REFERENCE.locale}/{FAQ_PAGE} has no section to rename")
    old = faq[0]
    run(f"{FAQ_PAGE}#{old}", f"renamed-{old}", "--project", str(project))
    page, section = linked_section(project)
    run(f"{page}#{section}", f"{FAQ_PAGE}#moved-{section}", "--project", str(project))
    return SimpleNamespace(
        project=project,
        renamed=(FAQ_PAGE, old, f"renamed-{old}"),
        moved=(page, section, FAQ_PAGE, f"moved-{section}"),
        addresses=load_addresses(project / OLD_ADDRESSES),
    )


def without_old_addresses(copy: SimpleNamespace, dest: Path) -> SimpleNamespace:
    """The broken twin: the same copy with translations/old_addresses.yml emptied."""
    project = Path(shutil.copytree(copy.project, dest))
    (project / OLD_ADDRESSES).write_text(addresses_text({}), encoding="utf-8")
    return SimpleNamespace(**{**vars(copy), "project": project})


def built_for(copy: SimpleNamespace, site: Path, url: str) -> SimpleNamespace:
    """The copy built strictly into site for url (its site_url): .site and .url added."""
    result = build_site(copy.project, site, site_url=url)
    if result.returncode != 0:
        raise RuntimeError(f"the copy of tests/renamed_copy.py does not build:\n{result.log}")
    return SimpleNamespace(**{**vars(copy), "site": site, "url": url})
