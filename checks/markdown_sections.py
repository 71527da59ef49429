"""Where the headings, sections and code of a page's Markdown source are, line by line: what
`python -m commands.rename` renames, cuts and pastes, leaving every other character as it was.

Headings are read as overrides/hooks/heading_ids.py reads them for the build (the build refuses
any other form): `#` at the start of a line, outside the front matter and code, the id in a
trailing `{#id}`. A section is its heading down to the next heading of the same or a higher
level: its sub-sections go with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.utils.meta import YAML_RE

QUOTE = re.compile(r"^(?: {0,3}> ?)*")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HASHES = re.compile(r"^(#{1,6})(?:\s|$)")
ATTR_LIST = re.compile(r" +\{:? *([^}\n ][^\n]*?) *\} *$")  # as attr_list finds it on a heading
ID = re.compile(r"#([^\s}]+)")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s")
INDENTED = ("    ", "\t")
# What a heading id may be: the build (heading_ids.py) refuses anything else
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Heading:
    line: int  # index in the list of lines, from 0
    level: int  # 2 for "## Titre"
    id: str | None


def code_lines(lines: list[str]) -> set[int]:
    """The indexes of the lines that are not Markdown text: the front matter, fenced code (fences
    included) and indented code blocks (not a list item's indented paragraphs)."""
    source = "\n".join(lines)
    front_matter = YAML_RE.match(source + "\n")
    code = set(range(front_matter.group(0).count("\n"))) if front_matter else set()
    fence, context, blank_before = None, None, True
    for number in range(len(code), len(lines)):
        line = QUOTE.sub("", lines[number])
        if fence:  # until a fence of the same kind, as long or longer, alone on its line
            code.add(number)
            closing = FENCE.match(line)
            if closing and closing.group(1).startswith(fence) and not line[closing.end() :].strip():
                fence = None
            continue
        if opening := FENCE.match(line):
            code.add(number)
            fence, context, blank_before = opening.group(1), None, False
            continue
        if not line.strip():
            blank_before = True
            continue
        if line.startswith(INDENTED):
            # A code block opens after a blank line, except in a list (a paragraph of an item)
            if context == "code" or (blank_before and context != "list"):
                context = "code"
                code.add(number)
        else:
            context = "list" if LIST_ITEM.match(line) else None
        blank_before = False
    return code


def headings(lines: list[str]) -> list[Heading]:
    """The headings of a page's source, in order, with their level and id."""
    skip = code_lines(lines)
    found = []
    for number, raw in enumerate(lines):
        line = QUOTE.sub("", raw)
        if number in skip or not (hashes := HASHES.match(line)):
            continue
        attrs = ATTR_LIST.search(line)
        heading_id = ID.search(attrs.group(1)) if attrs else None
        found.append(Heading(number, len(hashes.group(1)), heading_id and heading_id.group(1)))
    return found


def section_lines(lines: list[str], section: str) -> tuple[int, int] | None:
    """The lines [start, end) of the section whose heading has that id: the heading, its text and
    its sub-sections; None when no heading has it."""
    found = headings(lines)
    for n, heading in enumerate(found):
        if heading.id == section:
            following = (h.line for h in found[n + 1 :] if h.level <= heading.level)
            return heading.line, next(following, len(lines))
    return None


def sub_section_ids(lines: list[str], section: str) -> list[str]:
    """The ids of the headings inside a section (below its own), in order."""
    start, end = section_lines(lines, section) or (0, 0)
    return [h.id for h in headings(lines) if start < h.line < end and h.id]


def with_id(line: str, old: str, new: str) -> str:
    """A heading line with its `{#old}` made `{#new}`, every other character kept."""
    attrs = ATTR_LIST.search(line)
    if attrs is None:
        raise ValueError(f"not a heading with an id: {line!r}")
    inside = re.sub(rf"#{re.escape(old)}(?=\s|$)", f"#{new}", attrs.group(1), count=1)
    return line[: attrs.start(1)] + inside + line[attrs.end(1) :]


def cut(lines: list[str], start: int, end: int) -> tuple[list[str], list[str]]:
    """(what is left, the lines cut less their trailing blank lines). What is left keeps its
    blank line between the sections around the cut, and ends with a single newline."""
    block = lines[start:end]
    while block and not block[-1].strip():
        block.pop()
    left = lines[:start] + lines[end:]
    if end >= len(lines):  # the last section: no blank lines left dangling at the end
        while left and not left[-1].strip():
            left.pop()
        left.append("")
    return left, block


def pasted(lines: list[str], block: list[str], at: int) -> list[str]:
    """lines with block inserted before line `at` (len(lines): at the end), one blank line on
    each side of it."""
    before, after = lines[:at], lines[at:]
    at_end = not any(line.strip() for line in after)
    while before and not before[-1].strip() and at_end:
        before.pop()  # the file's trailing blank lines: the block comes after one
    head = [""] if before and before[-1].strip() else []
    tail = [""] if at_end else ([""] if after[0].strip() else [])
    return before + head + block + tail + ([] if at_end else after)
