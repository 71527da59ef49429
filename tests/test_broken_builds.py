"""Each build-level check fails on a deliberately broken copy of the project, naming the file."""

import re

import pytest

from checks.old_addresses import OLD_ADDRESSES, load_addresses
from checks.pages import contract_id_problems, html_lang_problems, page_not_built
from checks.site import PROJECT, build_site, built_page, copy_project, nav_pages
from commands import confirm, status

from . import content
from .broken_copy import edit
from .params import PAGES, REFERENCE, TRANSLATIONS

LAST = TRANSLATIONS[-1]

@pytest.fixture
def project(tmp_path):
    """A private copy of the project (mkdocs.yml, docs/, overrides/) to break."""
    return copy_project(tmp_path / "project")


def build_fails(project, tmp_path):
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "the build passed on broken input"
    return result.log


def test_a_page_missing_in_one_language_fails_the_build_naming_the_file(project, tmp_path):
    (project / "docs" / LAST.locale / PAGES[-1]).unlink()
    assert f"docs/{LAST.locale}/{PAGES[-1]}" in build_fails(project, tmp_path)


def relink(project, link: content.Link, new: str) -> None:
    """A link of the content, in the copy, written new: "[text](new)"."""
    path = project / "docs" / LAST.locale / link.page
    written = path.read_text(encoding="utf-8").split("\n")[link.line][link.start : link.end]
    content.replace_span(path, link.line, link.start, link.end, written.replace(f"({link.href})", f"({new})"))


def test_a_broken_anchor_fails_the_strict_build_naming_the_page(project, tmp_path):
    link = content.first(content.links_to_sections(LAST), "link to a section of a page", LAST)
    relink(project, link, f"{link.target}#no-such-id")
    log = build_fails(project, tmp_path)
    assert "no-such-id" in log and f"{LAST.locale}/{link.page}" in log, log


def test_a_broken_link_fails_the_strict_build_naming_the_page(project, tmp_path):
    link = content.first(content.links_to_pages(LAST), "link to another page", LAST)
    gone = link.target.removesuffix(".md") + "-gone.md"
    relink(project, link, gone)
    log = build_fails(project, tmp_path)
    assert gone in log and f"{LAST.locale}/{link.page}" in log, log


def test_a_language_without_permalink_title_fails_the_build(project, tmp_path):
    yml = project / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    # Each language's extra.permalink_title, not the toc extension's placeholder
    no_title = re.sub(r"\n +permalink_title: (?!Permanent link).*", "", text)
    assert no_title != text, "no extra.permalink_title found in mkdocs.yml"
    yml.write_text(no_title, encoding="utf-8")
    assert "extra.permalink_title" in build_fails(project, tmp_path)


def test_the_checks_report_a_missing_page_a_lost_id_and_a_wrong_lang(project, tmp_path):
    """A build that passes but is wrong: each issue-2 check names what differs. The id: the
    first of a ## heading no link of the language names (the strict build would stop)."""
    linked = {(link.target, link.anchor) for link in content.links_to_sections(LAST)}
    lost = content.first(
        (s for s in content.sections(LAST, level=2) if (s.page, s.id) not in linked), "## heading no link names", LAST
    )
    page, renamed = lost.page, content.unused_id(f"{lost.id}-renamed")
    edit(project / "docs" / LAST.locale / page, f"{{#{lost.id}}}", f"{{#{renamed}}}")
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    built = built_page(site, LAST, page)
    edit(built, f'<html lang="{LAST.locale}"', f'<html lang="{REFERENCE.locale}"')
    assert contract_id_problems(site, LAST, page, [lost.id]) == [
        f"[{LAST.locale}] {page}: id #{lost.id} found 0 times, expected once"
    ]
    landing = frozenset({f"{page}#{lost.id}"})  # as translations/old_addresses.yml or a removal records it
    assert contract_id_problems(site, LAST, page, [lost.id], landing) == [], "an old address that lands is kept"
    assert html_lang_problems(site, LAST, page) == [
        f"[{LAST.locale}] {page}: <html lang='{REFERENCE.locale}'>, expected '{LAST.locale}'"
    ]
    built.unlink()
    assert "not built" in page_not_built(site, LAST, page)[0]


def test_a_language_without_its_404_text_og_locale_search_line_or_date_words_fails_the_build(project, tmp_path):
    """Each text misspelt at once: the one build names every key it lacks."""
    yml = project / "mkdocs.yml"
    keys = {"og_locale": "og_locale", "not_found.search": "search", "search_none": "search_none", "updated": "updated"}
    for key in keys.values():
        edit(yml, rf"(?m)^(\s+){key}: ", rf"\1{key}_typo: ", regex=True)
    edit(yml, "            answer_back:\n", "            answer_back_typo:\n")
    keys["answer_back.link"] = "answer_back"
    log = build_fails(project, tmp_path)
    assert "language_extra.py" in log, log
    for key in keys:
        assert f"extra.{key}" in log, f"extra.{key} misspelt in mkdocs.yml, not named: {log}"


def test_a_language_without_search_words_fails_the_build_naming_it(project, tmp_path):
    words = project / "search_words.yml"
    edit(words, f"\n{TRANSLATIONS[-1].locale}:\n", "\nxx:\n")
    log = build_fails(project, tmp_path)
    assert f"search_words.yml: {TRANSLATIONS[-1].locale}: missing" in log, log


def test_a_synonym_group_no_page_uses_fails_the_build_naming_it(project, tmp_path):
    words = project / "search_words.yml"
    edit(words, rf"(\n{REFERENCE.locale}:\n(?:  .*\n)*?  synonyms:\n)", r"\1    - [zqxwv, wvxqz]\n", regex=True)
    log = build_fails(project, tmp_path)
    assert f"search_words.yml: {REFERENCE.locale}: no page of the language uses a word of the synonym group ['zqxwv', 'wvxqz']" in log, log


def not_in_build_log(project, tmp_path, expected: list[str]) -> list[str]:
    """Build the broken copy (it must fail): the expected lines its log lacks, log appended."""
    log = build_fails(project, tmp_path)
    missing = [line for line in expected if line not in log]
    return missing + [f"(the log:)\n{log}"] * bool(missing)


def numbered_lines(path):
    """{line number: line} of a file, counting from 1 as an editor does."""
    return dict(enumerate(path.read_text(encoding="utf-8").split("\n"), start=1))


def test_an_unclosed_quote_in_front_matter_fails_the_build_at_its_line(project, tmp_path):
    """MkDocs alone builds it, with the front matter as text and the title made of the file name."""
    name = PAGES[-1]
    page = project / "docs" / LAST.locale / name
    line, title = next((n, t) for n, t in numbered_lines(page).items() if t.startswith("title: "))
    edit(page, f"\n{title}\n", f'\ntitle: "{title.removeprefix("title: ")}\n')
    column = len("title: ") + 1  # the opening quote
    expected = (
        f"docs/{LAST.locale}/{name}:{line}:{column}: the front matter is not valid YAML (while scanning "
        "a quoted scalar, found unexpected end of stream): close the quote opened on this line, "
        "or drop the quotes"
    )
    assert not_in_build_log(project, tmp_path, [expected]) == []


def test_a_front_matter_without_description_fails_the_build(project, tmp_path):
    """The default language's home, without its meta description."""
    name = nav_pages()[0]
    home = project / "docs" / REFERENCE.locale / name
    edit(home, "\ndescription:", "\nsummary:", count=1)
    expected = (
        f"docs/{REFERENCE.locale}/{name}:1: the front matter has no description: "
        "add \"description: …\", a one- or two-sentence summary, in the page's language"
    )
    assert not_in_build_log(project, tmp_path, [expected]) == []


def test_a_heading_without_id_fails_the_build_at_its_line_with_the_heading_to_write(project, tmp_path):
    """The heading the parity tests used to report as missing here and extra there: a new
    section written without id, before the first ## heading of the reference."""
    before = content.first(content.sections(REFERENCE, level=2), "## heading", REFERENCE)
    page = project / "docs" / REFERENCE.locale / before.page
    content.splice(page, before.first, before.first, ["## A new section", "", "Text.", ""])
    line = next(n for n, text in numbered_lines(page).items() if text == "## A new section")
    expected = (
        f'docs/{REFERENCE.locale}/{before.page}:{line}: the heading "A new section" has no id: '
        'write "## A new section {#some-id}", with the same id in every language'
    )
    assert not_in_build_log(project, tmp_path, [expected]) == []


def test_a_duplicated_id_and_an_underlined_heading_fail_the_build_listed_together(project, tmp_path):
    """Every problem of the first bad page, each at its line: a ## heading given the id of the
    one before it, and a setext heading."""
    # Not a heading an old address lands on: the build would stop on that entry first
    landing = set(load_addresses(PROJECT / OLD_ADDRESSES).values())
    pair = content.first(
        ((a, b) for found in content.pages(LAST)
         for a, b in zip(found.sections, found.sections[1:])
         if a.level == b.level == 2 and f"{b.page}#{b.id}" not in landing),
        "page with two ## headings in a row, the second no old address's", LAST,
    )
    first, second = pair
    page = project / "docs" / LAST.locale / first.page
    edit(page, f"{{#{second.id}}}", f"{{#{first.id}}}")
    with page.open("a", encoding="utf-8") as markdown:
        markdown.write("\nUnderlined\n----------\n\nText.\n")
    lines = numbered_lines(page)
    (at, first_text), (again, second_text) = [
        (n, text.removeprefix("## ").removesuffix(f" {{#{first.id}}}"))
        for n, text in lines.items()
        if text.startswith("## ") and text.endswith(f" {{#{first.id}}}")
    ]
    underlined = next(n for n, text in lines.items() if text == "Underlined")
    path, also = f"docs/{LAST.locale}/{first.page}", ", with the same id in every language"
    expected = [
        f'{path}:{again}: the id "{first.id}" is already used on line {at} ("{first_text}"): '
        f'write "## {second_text} {{#another-id}}"{also}',
        f'{path}:{underlined}: the heading "Underlined" is underlined with "----------" '
        f'(a blank line above it makes it a rule): write "## Underlined {{#some-id}}"{also}',
    ]
    assert not_in_build_log(project, tmp_path, expected) == []


def first_match(project, language, pattern: str, skip: tuple[str, ...] = ()):
    """(page, line number, match) of the first line matching pattern in a language's pages (in
    file-name order), skipping some pages; fails naming what the content lacks."""
    folder = project / "docs" / language.locale
    for path in sorted(folder.glob("*.md")):
        if path.name in skip:
            continue
        for number, text in numbered_lines(path).items():
            if found := re.search(pattern, text):
                return path.name, number, found
    pytest.fail(f"[{language.locale}] no page has a line matching {pattern!r} to break", pytrace=False)


def test_one_strict_build_lists_every_slip_of_every_page_and_the_commands_report_them(project, tmp_path, monkeypatch, capsys):
    """Slips in two pages of two languages (a front matter quote never closed and a heading
    without id; a no-break space before an id), a broken link and a broken anchor: one strict
    build names each at its line, fails, and writes no slip box into the pages; `status`
    (built without --strict) and `confirm` report each line as the build writes it, and exit 1."""
    ref, other = REFERENCE, TRANSLATIONS[-1]
    # The reference's first page: its title's quote never closed, and a heading without id.
    first = sorted((project / "docs" / ref.locale).glob("*.md"))[0]
    title_line, title = next((n, t) for n, t in numbered_lines(first).items() if t.startswith("title: "))
    edit(first, f"\n{title}\n", f'\ntitle: "{title.removeprefix("title: ")}\n', count=1)
    first.write_text(first.read_text(encoding="utf-8") + "\n## A heading without id\n\nText.\n", encoding="utf-8")
    no_id_line = max(n for n, t in numbered_lines(first).items() if t == "## A heading without id")
    # The other language: a no-break space before the first heading id, and, on another page,
    # a link to a page that does not exist and a link to an anchor that does not exist.
    unseen_page, unseen_line, heading = first_match(project, other, r"^#{1,6} (.+) \{#([a-z0-9-]+)\}$")
    edit(project / "docs" / other.locale / unseen_page, f" {{#{heading[2]}}}", f"\u00a0{{#{heading[2]}}}", count=1)
    link_page, link_line, link = first_match(project, other, r"\]\(([\w-]+)\.md\)", skip=(unseen_page,))
    anchor_page, anchor_line, anchor = first_match(project, other, r"\]\(([\w-]+\.md)#[\w-]+\)", skip=(unseen_page,))
    if (link_page, link_line) == (anchor_page, anchor_line):
        pytest.fail(f"[{other.locale}] {link_page}:{link_line}: the link and the anchor to break share a line")
    edit(project / "docs" / other.locale / link_page, link[0], f"]({link[1]}-gone.md)", count=1)
    edit(project / "docs" / other.locale / anchor_page, anchor[0], f"]({anchor[1]}#no-such-id)", count=1)
    here = f"docs/{other.locale}"
    expected = [
        f"docs/{ref.locale}/{first.name}:{title_line}:{len('title: ') + 1}: the front matter is not valid YAML "
        "(while scanning a quoted scalar, found unexpected end of stream): close the quote opened on this line, or drop the quotes",
        f'docs/{ref.locale}/{first.name}:{no_id_line}: the heading "A heading without id" has no id: '
        'write "## A heading without id {#some-id}", with the same id in every language',
        f'{here}/{unseen_page}:{unseen_line}: the heading "{heading[1]}" has a no-break space (U+00A0) before '
        f"{{#{heading[2]}}}: type a plain space",
        f"{here}/{link_page}:{link_line}: Doc file '{other.locale}/{link_page}' contains a link '{link[1]}-gone.md', "
        f"but the target '{other.locale}/{link[1]}-gone.md' is not found among documentation files.",
        f"{here}/{anchor_page}:{anchor_line}: Doc file '{other.locale}/{anchor_page}' contains a link "
        f"'{anchor[1]}#no-such-id', but the doc '{other.locale}/{anchor[1]}' does not contain an anchor '#no-such-id'.",
    ]
    site = tmp_path / "site"
    result = build_site(project, site)
    assert result.returncode != 0, "the strict build passed with slips"
    assert [line for line in expected if line not in result.slips] == [], f"lines missing from the build:\n{result.log}"
    boxed = [str(page) for page in site.rglob("*.html") if "editor-slips" in page.read_text(encoding="utf-8")]
    assert boxed == [], f"mkdocs build wrote the slip box, seen only under mkdocs serve: {boxed}"
    assert status.main(["--project", str(project)]) == 1, "status passed with slips"
    printed = capsys.readouterr().out
    assert [line for line in expected if line not in printed.splitlines()] == [], f"status lacks lines:\n{printed}"
    monkeypatch.setattr(confirm, "build_site", lambda *args, **kwargs: result)  # the same build again
    assert confirm.main(["--project", str(project)]) == 1, "confirm passed with slips"
    printed = capsys.readouterr().out
    assert [line for line in expected if line not in printed.splitlines()] == [], f"confirm lacks lines:\n{printed}"


def test_a_faq_page_setting_naming_no_page_fails_the_build_naming_the_setting(project, tmp_path):
    """extra.faq_page: the page search offers first and the FAQ checks read; renamed, say so there."""
    edit(project / "mkdocs.yml", r"\n  faq_page: \S+\n", "\n  faq_page: no-such-page.md\n", regex=True)
    log = build_fails(project, tmp_path)
    assert "mkdocs.yml: extra.faq_page names no-such-page.md" in log, log
