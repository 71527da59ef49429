"""A broken link or anchor names its Markdown line.

MkDocs' validation (`validation:` in mkdocs.yml) warns "Doc file 'es/index.md' contains a link
'faq-old.md', but the target 'es/faq-old.md' is not found among documentation files." (or "…
does not contain an anchor '#x'"), naming the page but not the line. This hook puts
`docs/<locale>/<page>.md:<line>: ` before each such message and keeps MkDocs' words: the line is
the first of the page's source that holds the link as Markdown or HTML writes it
(`(faq-old.md`, `]: faq-old.md`, `href="faq-old.md`); a link it cannot find there (written
in some other form) gets the file alone.

How: a logging.Filter on MkDocs' logger for these messages, `mkdocs.structure.pages` (Python's
logging lets a filter amend the record it passes). MkDocs has no event per link, and checking
the links again here would duplicate its validation; amended this way, the warnings stay
MkDocs' own, counted by `mkdocs build --strict` as before.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

LOGGER = logging.getLogger("mkdocs.structure.pages")
# The start of each of MkDocs' link warnings: the page (its src_uri) and the link as written.
LINK_WARNING = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains (?:a link|an absolute link|an unrecognized relative link|a link to) "
    r"'(?P<link>[^']+)'"
)


def link_line(source: str, link: str) -> int | None:
    """The first line of a page's source holding the link: after "(" or "(<" (inline), "]:"
    (a reference), or href= (HTML), and ending there; None if none does."""
    written = re.compile(rf"(?:\(\s*<?|\]:\s*<?|href\s*=\s*[\"']?){re.escape(link)}(?=[\s)>\"']|$)")
    return next((n for n, line in enumerate(source.split("\n"), start=1) if written.search(line)), None)


class LinkLines(logging.Filter):
    """Puts "docs/<locale>/<page>.md:<line>: " before MkDocs' warnings about a page's link."""

    def __init__(self, docs_dir: str, project_dir: str):
        super().__init__()
        self.docs_dir, self.project_dir = docs_dir, project_dir

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        found = LINK_WARNING.match(message)
        if found:
            path = os.path.join(self.docs_dir, found.group("page"))
            shown = Path(os.path.relpath(path, self.project_dir)).as_posix()
            try:
                line = link_line(Path(path).read_text(encoding="utf-8-sig"), found.group("link"))
            except OSError:
                line = None
            record.msg, record.args = f"{shown}{'' if line is None else f':{line}'}: {message}", ()
        return True  # amend, never drop


# The filter in place: one at a time, for the config of the build under way (mkdocs serve
# loads the config again for each rebuild, and keeps this module).
INSTALLED: list[LinkLines] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for old in INSTALLED:
        LOGGER.removeFilter(old)
    INSTALLED[:] = [LinkLines(config.docs_dir, os.path.dirname(config.config_file_path))]
    LOGGER.addFilter(INSTALLED[0])
    return config


def on_shutdown(**kwargs) -> None:
    for old in INSTALLED:
        LOGGER.removeFilter(old)
    INSTALLED.clear()
