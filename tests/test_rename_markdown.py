"""The text edits of `python -m commands.rename` on synthetic Markdown, in every language: the
heading's id, the section cut and pasted with its sub-sections, every form of link to it
rewritten (and the moved section's own links, written from its new page), and nothing else:
not the id in a code block, not a link in code, not a link to another section or page."""

import pytest

from checks.markdown_sections import code_lines, cut, headings, pasted, section_lines, with_id
from checks.old_addresses import OLD_ADDRESSES, load_addresses
from checks.rename import apply, planned
from checks.rename_request import parse_request

from .params import LANGUAGES
from .synthetic_project import read, synthetic_project

GUIDE = """---
title: Guide
description: A guide.
---

# Guide {#made-up-guide}

Intro: [the old one](#old), [kept](#keep), `[code](#old)` and [its sub](#sub).

## Old section {#old}

Back to [itself](#old), to [its sub](#sub), to [kept](#keep) and [elsewhere](other.md#end).

### Sub {#sub}

Sub text, [up](#old).

## Keep {#keep}

Keep text mentions old and #old.

```text
## Not a heading {#old}
[x](#old)
```

    [indented code](#old)
"""

OTHER = """# Other {#other}

See [old](guide.md#old "its title"), [by reference][ref], <a href="../guide/#old">raw</a>, [sub](guide.md#sub) and [not it](guide.md#old-ish).

[ref]: guide.md#old

## End {#end}

The end.
"""

DEEP = """# Deep {#deep}

[Up](../guide.md#old), <a href='../../guide/#old'>raw up</a> and [sub](../guide.md#sub).
"""

PAGES = {"guide.md": GUIDE, "other.md": OTHER, "more/deep.md": DEEP}


def renamed(tmp_path, old: str, new: str, after: str | None = None) -> dict[str, dict[str, str]]:
    """Each page's text in every language after the command's edits on the synthetic project."""
    project = synthetic_project(tmp_path / "project", PAGES)
    apply(planned(project, parse_request(old, new, after)))
    return {page: read(project, page) for page in PAGES} | {"addresses": load_addresses(project / OLD_ADDRESSES)}


def replaced(text: str, *pairs: tuple[str, str]) -> str:
    """text with each old part replaced by its new one, each part found exactly once."""
    for old, new in pairs:
        assert text.count(old) == 1, f"the synthetic text holds {old!r} {text.count(old)} times"
        text = text.replace(old, new)
    return text


def in_every_language(text: str) -> dict[str, str]:
    return {lang.locale: text for lang in LANGUAGES}


OLD_SECTION = GUIDE[GUIDE.index("## Old section") : GUIDE.index("## Keep")]


def test_a_rename_changes_the_heading_id_and_every_link_to_it_and_nothing_else(tmp_path):
    found = renamed(tmp_path, "guide.md#old", "renamed")
    guide = replaced(
        GUIDE,
        ("[the old one](#old)", "[the old one](#renamed)"),
        ("{#old}\n\nBack to [itself](#old)", "{#renamed}\n\nBack to [itself](#renamed)"),
        ("[up](#old)", "[up](#renamed)"),
    )
    other = replaced(
        OTHER,
        ('(guide.md#old "its title")', '(guide.md#renamed "its title")'),
        ("[ref]: guide.md#old", "[ref]: guide.md#renamed"),
        ('"../guide/#old"', '"../guide/#renamed"'),
    )
    deep = replaced(DEEP, ("(../guide.md#old)", "(../guide.md#renamed)"), ("'../../guide/#old'", "'../../guide/#renamed'"))
    assert found["guide.md"] == in_every_language(guide)
    assert found["other.md"] == in_every_language(other)
    assert found["more/deep.md"] == in_every_language(deep)
    assert found["addresses"] == {"guide.md#old": "guide.md#renamed"}


def test_a_move_carries_the_section_and_its_sub_sections_and_every_link_follows(tmp_path):
    found = renamed(tmp_path, "guide.md#old", "other.md#moved")
    guide = replaced(
        GUIDE.replace(OLD_SECTION, ""),
        ("[the old one](#old)", "[the old one](other.md#moved)"),
        ("[its sub](#sub)", "[its sub](other.md#sub)"),
    )
    moved = replaced(
        OLD_SECTION.rstrip("\n"),
        ("{#old}", "{#moved}"),
        ("[itself](#old)", "[itself](#moved)"),
        ("[kept](#keep)", "[kept](guide.md#keep)"),
        ("[up](#old)", "[up](#moved)"),
    )
    other = replaced(
        OTHER,
        ('(guide.md#old "its title")', '(#moved "its title")'),
        ("[ref]: guide.md#old", "[ref]: #moved"),
        ('"../guide/#old"', '"#moved"'),
        ("[sub](guide.md#sub)", "[sub](#sub)"),
    ) + "\n" + moved + "\n"
    deep = replaced(
        DEEP,
        ("(../guide.md#old)", "(../other.md#moved)"),
        ("'../../guide/#old'", "'../../other/#moved'"),
        ("(../guide.md#sub)", "(../other.md#sub)"),
    )
    assert found["guide.md"] == in_every_language(guide)
    assert found["other.md"] == in_every_language(other)
    assert found["more/deep.md"] == in_every_language(deep)
    assert found["addresses"] == {"guide.md#old": "other.md#moved", "guide.md#sub": "other.md#sub"}


def test_a_move_into_another_folder_rewrites_the_section_s_own_relative_links(tmp_path):
    found = renamed(tmp_path, "guide.md#old", "more/deep.md")
    moved = replaced(
        OLD_SECTION.rstrip("\n"),
        ("[kept](#keep)", "[kept](../guide.md#keep)"),
        ("(other.md#end)", "(../other.md#end)"),
    )
    deep = replaced(
        DEEP,
        ("(../guide.md#old)", "(#old)"),
        ("'../../guide/#old'", "'#old'"),
        ("(../guide.md#sub)", "(#sub)"),
    ) + "\n" + moved + "\n"
    other = replaced(
        OTHER,
        ("(guide.md#old ", "(more/deep.md#old "),
        ("[ref]: guide.md#old", "[ref]: more/deep.md#old"),
        ('"../guide/#old"', '"../more/deep/#old"'),
        ("(guide.md#sub)", "(more/deep.md#sub)"),
    )
    assert found["more/deep.md"] == in_every_language(deep)
    assert found["other.md"] == in_every_language(other)


def test_after_puts_the_section_after_the_named_one_with_its_sub_sections(tmp_path):
    found = renamed(tmp_path, "other.md#end", "guide.md", after="old")
    end = OTHER[OTHER.index("## End") :].rstrip("\n")
    guide = replaced(GUIDE, ("## Keep {#keep}", f"{end}\n\n## Keep {{#keep}}"), ("(other.md#end)", "(#end)"))
    assert found["guide.md"] == in_every_language(guide)
    assert found["other.md"] == in_every_language(OTHER[: OTHER.index("## End")].rstrip("\n") + "\n")


def test_after_on_the_same_page_moves_the_section_there(tmp_path):
    found = renamed(tmp_path, "guide.md#old", "guide.md", after="keep")
    guide = GUIDE.replace(OLD_SECTION, "").rstrip("\n") + "\n\n" + OLD_SECTION.rstrip("\n") + "\n"
    assert found["guide.md"] == in_every_language(guide)
    assert found["addresses"] == {}, "a section moved within its page keeps its address: nothing to record"


# -- The pieces ----------------------------------------------------------------------------------


def test_headings_and_code_are_read_as_the_build_reads_them():
    lines = GUIDE.split("\n")
    assert [(h.level, h.id) for h in headings(lines)] == [(1, "made-up-guide"), (2, "old"), (3, "sub"), (2, "keep")]
    code = [lines[n] for n in sorted(code_lines(lines))]
    assert "## Not a heading {#old}" in code and "    [indented code](#old)" in code, code
    assert "title: Guide" in code, "the front matter is not Markdown text"
    listed = ["- an item", "", "    its second paragraph [x](#old)"]
    assert code_lines(listed) == set(), "an item's indented paragraph is not code"


def test_a_section_runs_to_the_next_heading_of_its_level_or_higher():
    lines = GUIDE.split("\n")
    start, end = section_lines(lines, "old")
    assert (lines[start], lines[end]) == ("## Old section {#old}", "## Keep {#keep}")
    assert section_lines(lines, "keep")[1] == len(lines), "the last section runs to the end"
    assert section_lines(lines, "nowhere") is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("## Title {#old}", "## Title {#new}"),
        ("## Title {: #old .wide }", "## Title {: #new .wide }"),
        ("## Title {#old-ish}", "## Title {#old-ish}"),
    ],
)
def test_with_id_changes_the_id_alone(line, expected):
    assert with_id(line, "old", "new") == expected


def test_cut_and_paste_keep_one_blank_line_around_the_section():
    lines = ["# T", "", "## A {#a}", "", "a", "", "## B {#b}", "", "b", ""]
    left, block = cut(lines, 2, 6)
    assert (left, block) == (["# T", "", "## B {#b}", "", "b", ""], ["## A {#a}", "", "a"])
    assert pasted(left, block, len(left)) == ["# T", "", "## B {#b}", "", "b", "", "## A {#a}", "", "a", ""]
    assert pasted(left, block, 2) == ["# T", "", "## A {#a}", "", "a", "", "## B {#b}", "", "b", ""]
    last, block = cut(lines, 6, len(lines))
    assert last == ["# T", "", "## A {#a}", "", "a", ""], "a cut at the end leaves one newline"
