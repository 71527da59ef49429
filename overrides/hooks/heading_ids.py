"""Report each heading without an explicit, simple and unique id (`## Titre {#stable-id}`).

Links, the language switcher and the parity tests rely on each heading's id being the same in
every language. Without `{#id}` the toc extension makes one from the heading's words, which
differ between languages, and an id given twice stands twice in the HTML (links reach only the
first): both built, and surfaced only in the parity tests, as a mismatch with another language.
Each slip is a warning naming the file and line as `docs/<locale>/<page>.md:<line>` and saying
what to write (project.stop_on_slips): `mkdocs build --strict` fails listing them all.

An invisible character typed before `{#id}` (a no-break space, common in French before "?", a
zero-width space, a BOM...) hides the id from attr_list, which takes only plain spaces there; one
after it hides it too unless Python-Markdown strips it as whitespace. The slip names the
character, not "has no id". Elsewhere in the heading's text such a character is harmless.

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
# As attr_list finds it on a heading (Python-Markdown has turned tabs into spaces by then).
ATTR_LIST = re.compile(r"[ \t]+\{:? *([^}\n ][^\n]*?) *\} *$")
# What an editor cannot tell from a space: Unicode spaces, and format characters (zero-width
# spaces and joiners, direction marks, soft hyphen, BOM).
UNSEEN = r"(?:[^\S\n]|[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff])"
# "{#id}" at the end of a heading, with whatever unseen characters stand around it.
NEAR_ATTR_LIST = re.compile(rf"(?P<gap>{UNSEEN}*)\{{:? *(?P<attrs>[^}}\n ][^\n]*?) *\}}(?P<tail>{UNSEEN}*)$")
# The common ones, named as an editor knows them; others by their Unicode name.
UNSEEN_NAMES = {
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "byte order mark",
}
ID = re.compile(r"#([^\s}]+)")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Heading(NamedTuple):
    line: int  # in the file, front matter included
    marker: str  # "##" for "## Titre"; "---" or "===" for an underlined heading
    text: str
    id: str | None
    # ("before" or "after", the character) when an unseen character hides the id from attr_list
    unseen: tuple[str, str] | None = None


def unseen_next_to_id(text: str) -> tuple[str, str] | None:
    """("before" or "after", the character) when an unseen character next to the "{#id}" that
    ends a heading's (stripped) text keeps attr_list from taking it; else None."""
    near = NEAR_ATTR_LIST.search(text)
    if near is None or ATTR_LIST.search(text):
        return None
    gap, tail = near.group("gap"), near.group("tail")
    if gap and gap[-1] not in " \t":
        return "before", gap[-1]
    return ("after", tail[0]) if tail else None  # left there by Python-Markdown's strip()


def heading(line: int, marker: str, text: str) -> Heading:
    """A heading, its id (if any) taken out of its text as attr_list takes it, or as the editor
    meant it when an unseen character hides it from attr_list."""
    if unseen := unseen_next_to_id(text):
        attrs = NEAR_ATTR_LIST.search(text)
        found = ID.search(attrs.group("attrs"))
        if found:
            return Heading(line, marker, text[: attrs.start()].strip(), found.group(1), unseen)
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


def unseen_name(char: str) -> str:
    """"a no-break space (U+00A0)": what an editor searches for, or types over."""
    name = UNSEEN_NAMES.get(char) or unicodedata.name(char, "invisible character").lower()
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name} (U+{ord(char):04X})"


def unseen_problem(heading: Heading) -> str:
    """The slip of an unseen character next to a heading's {#id}, and the mend."""
    side, char = heading.unseen
    mend = "type a plain space" if side == "before" else "delete it"
    return f'the heading "{heading.text}" has {unseen_name(char)} {side} {{#{heading.id}}}: {mend}'


def heading_problems(source: str) -> list[tuple[int, str]]:
    """(line, problem) for each heading of a page's source without a simple id of its own."""
    problems, first_use = [], {}
    for found in headings(source):
        line, marker, text, heading_id, unseen = found
        level = {"=": "#", "-": "##"}.get(marker[0], marker)
        fit = heading_id if heading_id and SLUG.fullmatch(heading_id) else suggested_id(heading_id)
        if unseen:  # a slip of its own, whatever else is wrong
            problems.append((line, unseen_problem(found)))
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
