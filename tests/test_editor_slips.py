"""The editor's slips the build names by file and line: front matter (overrides/hooks/front_matter.py)
and heading ids (overrides/hooks/heading_ids.py), an unseen character before {#id} included,
checked on small Markdown sources."""

import markdown
import pytest

from checks.site import PROJECT

from .hooks import load_hook
from .params import PAGES, each_language


front_matter_problems = load_hook("front_matter").front_matter_problems
heading_problems = load_hook("heading_ids").heading_problems

# Seven lines of front matter, as the real pages have, so that the body starts on line 8.
FRONT_MATTER = "---\ntitle: Questions\ndescription: >-\n  Frais et\n  remboursement.\nhide: []\n---\n"
AGAIN = ", with the same id in every language"


def test_a_sound_front_matter_and_headings_raise_nothing():
    """The shape every page has: no problem from either check."""
    source = FRONT_MATTER + "\n# Questions {#page-title}\n\n## Frais ? {#fee}\n\nTexte.\n"
    assert front_matter_problems(source) == [], "a sound front matter reported"
    assert heading_problems(source) == [], "headings with simple, unique ids reported"


def test_an_unclosed_quote_is_reported_on_its_line_with_the_remedy():
    """PyYAML sees the end of the front matter; the editor is sent to the opening quote."""
    source = '---\ndescription: Frais\ntitle: "Questions fréquentes\nhide: []\n---\n\n# Q {#page-title}\n'
    assert front_matter_problems(source) == [((3, 8), (
        "the front matter is not valid YAML (while scanning a quoted scalar, found unexpected end "
        "of stream): close the quote opened on this line, or drop the quotes"
    ))], "an unclosed quote not reported at the title's opening quote (line 3, column 8)"


@pytest.mark.parametrize("yaml_line, position, remedy", [
    ("title: Guide: les bases", (2, 13), 'put a value that contains ": " in double quotes'),
    ("title: Q\n\tdescription: x", (3, 1), "indent with spaces, not tabs"),
    ("title: Q\ndescription: >-\nFrais\n  x", (4, 1), 'lines indented by two spaces'),
], ids=["colon", "tab", "unindented"])
def test_other_yaml_errors_are_reported_on_their_line_with_a_remedy(yaml_line, position, remedy):
    """Each YAML slip: the line and column of the file, and what to write instead."""
    problems = front_matter_problems(f"---\n{yaml_line}\n---\n")
    assert [p[0] for p in problems] == [position], f"{yaml_line!r}: {problems}, expected {position}"
    assert remedy in problems[0][1], f"{yaml_line!r}: {problems[0][1]!r} lacks the remedy {remedy!r}"


def test_a_page_without_front_matter_or_with_an_unclosed_one_is_reported_on_line_1():
    """No "---" at all (or MultiMarkdown "key: value" lines), or no closing "---"."""
    for source in ["# Q {#page-title}\n", "title: Q\ndescription: D\n\n# Q {#page-title}\n"]:
        problems = front_matter_problems(source)
        assert problems == [(1, (
            'the page has no front matter: begin it with a "---" line, "title: …" and '
            '"description: …" in the page\'s language, and a "---" line'
        ))], f"{source!r}: {problems}"
    assert front_matter_problems("---\ntitle: Q\n\n# Q {#page-title}\n") == [
        (1, 'the front matter opened here is never closed: end it with a "---" line')
    ], "a front matter never closed not reported"


def test_a_missing_empty_or_non_text_title_or_description_is_reported_on_its_line():
    """Each required key: missing (line 1), empty, or read by YAML as a number, a yes/no, a list."""
    assert front_matter_problems("---\ntitle: Q\n---\n") == [(1, (
        'the front matter has no description: add "description: …", a one- or two-sentence '
        "summary, in the page's language"
    ))], "a missing description not reported"
    empty = front_matter_problems("---\n---\n")
    assert [problem[:35] for _, problem in empty] == [
        "the front matter has no description",
        "the front matter has no title: add ",
    ], f"an empty front matter: both keys not reported on line 1: {empty}"
    assert {line for line, _ in empty} == {1}, f"an empty front matter: not on line 1: {empty}"
    assert front_matter_problems("---\ntitle: 2024\ndescription: no\n---\n") == [
        (2, 'YAML reads the title 2024 as int, not text: write title: "2024"'),
        (3, 'YAML reads the description no as bool, not text: write description: "no"'),
    ], "a number and a yes/no not reported as non-text"
    assert front_matter_problems('---\ntitle: ""\ndescription: [a]\n---\n') == [
        (2, 'the title is empty: write the page\'s label in the navigation after "title: "'),
        (3, 'the description is a YAML sequence, not text: write it on one line after "description: "'),
    ], "an empty title and a list description not reported"
    assert front_matter_problems("---\ntitle: Q\ndescription: D\ntitle: R\n---\n") == [
        (4, '"title" is set twice (first on line 2): keep one')
    ], "a key set twice not reported"


def test_a_heading_without_id_is_reported_on_its_line_counting_the_front_matter():
    """A new section written without {#id}: its line, and the heading to write."""
    source = FRONT_MATTER + "\n# Q {#page-title}\n\nTexte.\n\n## Une nouvelle section\n\nTexte.\n"
    assert heading_problems(source) == [(13, (
        'the heading "Une nouvelle section" has no id: write "## Une nouvelle section {#some-id}"' + AGAIN
    ))], "a heading without id not reported on line 13"


def test_an_id_used_twice_in_a_page_is_reported_where_it_is_used_again():
    """The second heading with {#some-question} names the line of the first."""
    source = FRONT_MATTER + "\n# Q {#page-title}\n\n## Remboursement ? {#some-question}\n\n## Avance ? {#some-question}\n"
    assert heading_problems(source) == [(13, (
        'the id "some-question" is already used on line 11 ("Remboursement ?"): '
        'write "## Avance ? {#another-id}"' + AGAIN
    ))], "a duplicated id not reported on its second use"


def test_an_id_that_is_not_a_simple_slug_is_reported_with_a_slug_to_write():
    """Capitals, accents, underscores: a slug of a-z, 0-9 and hyphens is suggested."""
    source = FRONT_MATTER + "\n# Q {#page-title}\n\n## Frais {: #Frais_Été }\n"
    assert heading_problems(source) == [(11, (
        'the id "Frais_Été" of the heading "Frais" is not a simple slug (a-z, 0-9, -): '
        'write "## Frais {#frais-ete}"' + AGAIN
    ))], "an id that is not a slug not reported"


def test_an_underlined_heading_is_reported_but_a_rule_after_a_blank_line_is_not():
    """Setext headings ("===", "---" under a block's first line) are refused; a rule is fine."""
    source = FRONT_MATTER + "\nTitre {#page-title}\n=====\n\nTexte.\n\n---\n\nSection\n---\n\n- a\n- b\n"
    assert heading_problems(source) == [
        (9, 'the heading "Titre" is underlined with "=====": write "# Titre {#page-title}"' + AGAIN),
        (16, 'the heading "Section" is underlined with "---" (a blank line above it makes it a rule): '
             'write "## Section {#some-id}"' + AGAIN),
    ], "underlined headings not reported, or a rule taken for one"


def test_headings_in_fenced_code_and_indented_code_are_skipped():
    """``` and ~~~ fences (closed only by a fence as long or longer), and indented code."""
    source = FRONT_MATTER + (
        "\n```sh\n# a comment\n```\n\n~~~~\n## not a heading\n~~~\n# still code\n~~~~\n\n"
        "    # indented code\n    ---\n\n## Après le code\n"
    )
    assert heading_problems(source) == [(22, (
        'the heading "Après le code" has no id: write "## Après le code {#some-id}"' + AGAIN
    ))], "a line in a code block taken for a heading, or the heading after them missed"


def test_a_hash_heading_in_a_block_quote_or_without_a_space_is_a_heading():
    """Python-Markdown makes "#Titre" and "> ## Titre" headings: they need an id too."""
    source = FRONT_MATTER + "\n#Titre\n\n> ## Cité\n"
    assert [line for line, _ in heading_problems(source)] == [9, 11], "a heading form missed"


@each_language
def test_every_page_of_the_site_passes_both_checks(language):
    """The real pages: front matter and heading ids as the build wants them."""
    problems = {
        page: front_matter_problems(text) + heading_problems(text)
        for page in PAGES
        if (path := PROJECT / "docs" / language.locale / page).exists()
        for text in [path.read_text(encoding="utf-8")]
    }
    assert {page: found for page, found in problems.items() if found} == {}, f"[{language.locale}]"


UNSEEN = {
    "\u00a0": "a no-break space (U+00A0)",
    "\u202f": "a narrow no-break space (U+202F)",
    "\u200b": "a zero-width space (U+200B)",
    "\u2060": "a word joiner (U+2060)",
    "\ufeff": "a byte order mark (U+FEFF)",
}


@pytest.mark.parametrize("char", UNSEEN, ids=[name.split(" (")[0][2:] for name in UNSEEN.values()])
def test_an_unseen_character_before_the_id_is_named_not_reported_as_no_id(char):
    """attr_list takes only plain spaces before {#id}: the editor is told which character hides it."""
    source = FRONT_MATTER + f"\n# Q {{#faq}}\n\n## Remboursement ?{char}{{#refund}}\n"
    assert heading_problems(source) == [(11, (
        f'the heading "Remboursement ?" has {UNSEEN[char]} before {{#refund}}: type a plain space'
    ))], f"U+{ord(char):04X} before the id not named"
    after_a_space = FRONT_MATTER + f"\n# Q {{#faq}}\n\n## Remboursement ? {char}{{#refund}}\n"
    assert [line for line, _ in heading_problems(after_a_space)] == [11], f"U+{ord(char):04X} after a space"


@pytest.mark.parametrize("char", UNSEEN, ids=[name.split(" (")[0][2:] for name in UNSEEN.values()])
def test_an_unseen_character_elsewhere_in_the_heading_is_harmless(char):
    """Inside the text, or before a plain space and the id: attr_list takes the id."""
    for heading in [f"## Rem{char}boursement ? {{#refund}}", f"## Remboursement ?{char} {{#refund}}"]:
        assert heading_problems(FRONT_MATTER + f"\n# Q {{#faq}}\n\n{heading}\n") == [], repr(heading)


def test_an_unseen_character_after_the_id_is_named_unless_markdown_strips_it():
    """Python-Markdown strips whitespace (a no-break space) off a heading, not a zero-width space."""
    source = FRONT_MATTER + "\n# Q {#faq}\n\n## Frais {#fee}\u200b\n\n## Remboursement {#refund}\u00a0\n"
    assert heading_problems(source) == [
        (11, 'the heading "Frais" has a zero-width space (U+200B) after {#fee}: delete it')
    ], "a zero-width space after the id not named, or a no-break space there reported"


def test_what_the_checker_says_of_an_unseen_character_is_what_python_markdown_does():
    """The heading's id as Python-Markdown's attr_list builds it: lost exactly where a slip is named."""
    for char in [*UNSEEN, "\t", "\u2009"]:
        for heading in [f"## T{char}{{#x}}", f"## T {char}{{#x}}", f"## T{char} {{#x}}", f"## T {{#x}}{char}"]:
            built = 'id="x"' in markdown.markdown(heading, extensions=["attr_list"])
            named = heading_problems(f"{FRONT_MATTER}\n# Q {{#faq}}\n\n{heading}\n") != []
            assert built != named, f"{heading!r}: Python-Markdown {'keeps' if built else 'loses'} the id"
