"""Report each slip in a page's front matter: missing, not closed, not valid YAML, or without a
title or description in text.

MkDocs reads front matter with `mkdocs.utils.meta.get_data`, which swallows YAML errors: the
front matter then stays in the page as text and the title falls back to the file name ("Faq"),
even under `mkdocs build --strict`. Every page needs its navigation label (`title`) and meta
description (`description`) as text in its own language. Each slip is a warning naming the file
and line as `docs/<locale>/<page>.md:<line>` (a YAML error `:<line>:<column>`), counting every
line of the file, and saying what to write (project.stop_on_slips): `mkdocs build --strict` fails
listing them all. The page still builds as MkDocs reads it.
"""

import re

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE
from project import Position, stop_on_slips, yaml_mark, yaml_said

# "---" then "---" at once, which MkDocs' YAML_RE does not match; group 1 is the (empty) YAML.
EMPTY = re.compile(r"^-{3}[ \t]*\n()(?:\.{3}|-{3})[ \t]*\n")
REQUIRED = {
    "title": "the page's label in the navigation",
    "description": "a one- or two-sentence summary",
}
# What to write instead, by what PyYAML says is wrong: the first match wins, the last fits all.
YAML_REMEDIES = [
    ("quoted scalar", "close the quote opened on this line, or drop the quotes"),
    ("mapping values are not allowed", 'put a value that contains ": " in double quotes'),
    ("'\\t'", "indent with spaces, not tabs"),
    ("", 'write one "key: value" per line, a long value as "key: >-" then lines indented by two spaces'),
]


def yaml_problem(error: yaml.MarkedYAMLError) -> tuple[Position, str]:
    """((line, column) in the file, problem) of PyYAML's error in the front matter, which starts
    on line 2."""
    said, mark = yaml_said(error), yaml_mark(error)
    remedy = next(remedy for key, remedy in YAML_REMEDIES if key in said)
    return (2 + mark.line, 1 + mark.column), f"the front matter is not valid YAML ({said}): {remedy}"


def value_problem(key: str, value: yaml.Node) -> str | None:
    """What is wrong with the value of a REQUIRED key, if anything."""
    kind = value.tag.rsplit(":", 1)[-1] if isinstance(value, yaml.ScalarNode) else value.id
    if kind == "null" or (kind == "str" and not value.value.strip()):
        return f'the {key} is empty: write {REQUIRED[key]} after "{key}: "'
    if kind == "str":
        return None
    if isinstance(value, yaml.ScalarNode):  # a number, a date, yes/no...
        return f'YAML reads the {key} {value.value} as {kind}, not text: write {key}: "{value.value}"'
    return f'the {key} is a YAML {kind}, not text: write it on one line after "{key}: "'


def front_matter_problems(source: str) -> list[tuple[Position, str]]:
    """(line, problem) for each slip in the front matter of a page's source; [] when it is sound."""
    match = YAML_RE.match(source) or EMPTY.match(source)
    if not match and source.startswith("---"):
        return [(1, 'the front matter opened here is never closed: end it with a "---" line')]
    if not match:
        return [(1, 'the page has no front matter: begin it with a "---" line, "title: …" and '
                    '"description: …" in the page\'s language, and a "---" line')]
    try:
        node = yaml.compose(match.group(1), Loader=yaml.SafeLoader) or yaml.MappingNode("", [])
        yaml.load(match.group(1), Loader=yaml.SafeLoader)  # as MkDocs does: unknown tags fail here
    except yaml.MarkedYAMLError as error:
        return [yaml_problem(error)]
    if not isinstance(node, yaml.MappingNode):
        return [(2, 'the front matter is not "key: value" lines: write "title: …" and "description: …"')]
    problems, seen = [], {}
    for key, value in node.value:
        line = 2 + key.start_mark.line
        if key.value in seen:
            problems.append((line, f'"{key.value}" is set twice (first on line {seen[key.value]}): keep one'))
        seen.setdefault(key.value, line)
        if key.value in REQUIRED and (problem := value_problem(key.value, value)):
            problems.append((line, problem))
    for key in REQUIRED.keys() - seen.keys():
        what = f'"{key}: …", {REQUIRED[key]}, in the page\'s language'
        problems.append((1, f"the front matter has no {key}: add {what}"))
    return sorted(problems)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs) -> str | None:
    stop_on_slips(front_matter_problems(page.file.content_string), page, config)
    return markdown
