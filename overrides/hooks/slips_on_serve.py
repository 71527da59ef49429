"""Under `mkdocs serve`, an editor's slips shown in the open page, not only in the terminal.

Each slip that a hook reports through project.stop_on_slips (front matter, heading ids...) is a
warning; while `mkdocs serve` runs, a page with slips also gets, at the top of its content, a
Material "danger" admonition listing each with its `docs/<locale>/<page>.md:<line>` and what to
write instead. The editor sees it as the page reloads after a save, and sees it go once mended.

Only editors see a served page, so the box is in English. MkDocs says which command runs in
on_startup: `mkdocs build` (and `mkdocs serve --clean`, which MkDocs starts as a build) never
writes it. No script and no inline style (the Content-Security-Policy is unchanged); search
leaves it out (data-search-exclude).
"""

from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from project import SLIPS, Position, slip_place, source_path

# Set once per process by on_startup: a build never shows the box.
STARTED_AS = {"command": "build"}


def line_of(position: Position) -> int:
    return position[0] if isinstance(position, tuple) else position


def slips_box(path: str, slips: list[tuple[Position, str]]) -> str:
    """The admonition listing a page's slips in the order of their lines."""
    items = "".join(
        f"<li><code>{escape(slip_place(path, position))}</code>: {escape(problem)}</li>"
        for position, problem in sorted(slips, key=lambda slip: line_of(slip[0]))
    )
    count = f"{len(slips)} slip{'s' if len(slips) > 1 else ''}"
    return (
        '<div class="admonition danger editor-slips" role="note" data-search-exclude>'
        f'<p class="admonition-title">{count} in {escape(path)}: mend the Markdown and save '
        "(shown under mkdocs serve only)</p>"
        f"<ul>{items}</ul></div>"
    )


def on_startup(*, command: str, dirty: bool, **kwargs) -> None:
    STARTED_AS["command"] = command


def on_pre_build(*, config: MkDocsConfig, **kwargs) -> None:
    """Each build (each language's) starts with no slip: a mended page loses its box."""
    SLIPS.clear()


@event_priority(-100)  # after every hook that may report a slip while the page's content is made
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs) -> str:
    path = source_path(page, config)
    slips = SLIPS.pop(path, [])
    if STARTED_AS["command"] != "serve" or not slips:
        return html
    return slips_box(path, slips) + html
