"""Copies of the project with raw HTML planted at the end of a page chosen when the tests run
(the last page of the last translation): to prove that overrides/hooks/content_safety.py stops
the build at its line, and that without that hook the Content-Security-Policy still blocks a
planted script. Shared by the fast and the browser tier."""

from pathlib import Path

from checks.site import copy_project, source_pages

from .broken_copy import edit
from .params import TRANSLATIONS

PLANTED_IN = TRANSLATIONS[-1]
# Sets window.__planted if it ever runs.
PLANTED_SCRIPT = "<script>window.__planted = true</script>"
SAFETY_HOOK = "  - overrides/hooks/content_safety.py\n"


def planted_page(project: Path) -> str:
    """The page things are planted in: the last page of the last translation."""
    pages = source_pages(project / "docs", PLANTED_IN)
    if not pages:
        raise ValueError(f"{project}/docs/{PLANTED_IN.locale} has no page to plant in")
    return pages[-1]


def plant(project: Path, blocks: list[str]) -> list[int]:
    """Append each block, as a Markdown block of its own, to the planted page; the line of the
    file each block starts on."""
    source = project / "docs" / PLANTED_IN.locale / planted_page(project)
    line, lines = source.read_text(encoding="utf-8").rstrip("\n").count("\n") + 1, []
    for block in blocks:
        lines.append(line + 2)  # after a blank line
        line += 2 + block.count("\n")
    appended = "".join(f"\n\n{block}" for block in blocks) + "\n"
    edit(source, r"\n*\Z", lambda match: appended, regex=True, count=1)
    return lines


def unguarded_copy(dest: Path) -> Path:
    """Copy the project into dest without the content safety hook, a script planted in a page."""
    project = copy_project(dest)
    edit(project / "mkdocs.yml", SAFETY_HOOK, "")
    plant(project, [PLANTED_SCRIPT])
    return project
