"""Fail the build on a heading without an explicit, simple and unique id (`## Titre {#stable-id}`).

Links, the language switcher and the parity tests rely on each heading's id being the same in
every language. Without `{#id}` the toc extension makes one from the heading's words, which
differ between languages, and an id given twice stands twice in the HTML (links reach only the
first): both built, and surfaced only in the parity tests, as a mismatch with another language.
The error names the file and line as `docs/<locale>/<page>.md:<line>` and says what to write.

Headings are found in the Markdown source as Python-Markdown finds them: `#` at the start of a
line (also in a block quote), or the first line of a block underlined with `===` or `---`. The
underlined (setext) form is refused, so that every heading reads `## Titre {#id}`. Front matter
and fenced code blocks are skipped.
"""

import re
import unicodedata
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE
from project import stop_on_slips

QUOTE = re.compile(r"^(?: {0,3}> ?)*")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HASHES = re.compile(r"^(#{1,6})(.*)$")
UNDERLINE = re.compile(r"^(=+|-+) *$")
ATTR_LIST = re.compile(r" +\{:? *([^}\n ][^\n]*?) *\} *$")  # as attr_list finds it on a heading
ID = re.compile(r"#([^\s}]+)")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Heading(NamedTuple):
    line: int  # in the file, front matter included
    marker: str  # "##" for "## Titre"; "---" or "===" for an underlined heading
    text: str
    id: str | None


def heading(line: int, marker: str, text: str) -> Heading:
    """A heading, its id (if any) taken out of its text as attr_list takes it."""
    attrs = ATTR_LIST.search(text)
    found = ID.search(attrs.group(1)) if attrs else None
    return Heading(line, marker, text[: attrs.start()] if attrs else text, found and found.group(1))


def headings(source: str) -> list[Heading]:
    """The headings of a page's source (front matter included), in order."""
    lines = source.split("\n")
    front_matter = YAML_RE.match(source)
    first = front_matter.group(0).count("\n") if front_matter else 0
    found, fence, block_start, starts_block = [], None, None, True
    for number, line in enumerate(lines[first:], start=first + 1):
        line = QUOTE.sub("", line)
        if fence:  # inside a fenced code block, until a fence of the same kind, as long or longer
            closing = FENCE.match(line)
            if closing and closing.group(1).startswith(fence) and not line[closing.end() :].strip():
                fence = None
            block_start, starts_block = None, False
        elif opening := FENCE.match(line):
            fence, block_start, starts_block = opening.group(1), None, False
        elif hashes := HASHES.match(line):
            text = hashes.group(2).strip().rstrip("#").strip()  # "## Titre ##" is "Titre"
            found.append(heading(number, hashes.group(1), text))
            block_start, starts_block = None, True  # the next line starts a block
        elif block_start and (underline := UNDERLINE.match(line)):
            found.append(heading(block_start[0], underline.group(1), block_start[1]))
            block_start, starts_block = None, True
        else:
            indented = line.startswith(("    ", "\t"))  # an indented code block
            candidate = starts_block and line.strip() and not indented
            block_start = (number, line.strip()) if candidate else None
            starts_block = not line.strip()
    return found


def suggested_id(heading_id: str | None) -> str:
    """A simple slug made of a faulty id, or a placeholder: never the heading's words."""
    ascii_id = unicodedata.normalize("NFKD", heading_id or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_id.lower()).strip("-") or "some-id"


def heading_problems(source: str) -> list[tuple[int, str]]:
    """(line, problem) for each heading of a page's source without a simple id of its own."""
    problems, first_use = [], {}
    for line, marker, text, heading_id in headings(source):
        level = {"=": "#", "-": "##"}.get(marker[0], marker)
        fit = heading_id if heading_id and SLUG.fullmatch(heading_id) else suggested_id(heading_id)
        if marker[0] in "=-":
            rule = " (a blank line above it makes it a rule)" if level == "##" else ""
            problem = f'the heading "{text}" is underlined with "{marker}"{rule}'
        elif heading_id is None:
            problem = f'the heading "{text}" has no id'
        elif fit != heading_id:
            problem = f'the id "{heading_id}" of the heading "{text}" is not a simple slug (a-z, 0-9, -)'
        elif heading_id in first_use:
            other_line, other_text = first_use[heading_id]
            problem = f'the id "{heading_id}" is already used on line {other_line} ("{other_text}")'
            fit = "another-id"
        else:
            problem = None
        if problem:
            write = f'write "{level} {text} {{#{fit}}}", with the same id in every language'
            problems.append((line, f"{problem}: {write}"))
        if heading_id:
            first_use.setdefault(heading_id, (line, text))
    return problems


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs) -> str | None:
    stop_on_slips(heading_problems(page.file.content_string), page, config)
    return markdown
