"""Each parity check fails, naming the problem, on a deliberately broken copy of the docs
(tests/broken_copy.py: a different fault on each page of one translation, so one build serves)."""

import re

import pytest

from checks.fidelity import SOURCE_DIR, fidelity_problems, site_blocks
from checks.parity import (
    FAQ_PAGE,
    counterpart_link_problems,
    faq_problems,
    faq_questions,
    head_problems,
    link_problems,
    page_set_problems,
    structure_problems,
    untranslated_problems,
)
from checks.site import built_page, copy_project, load_config, nav_pages, soup

from .params import LANGUAGES, REFERENCE, TRANSLATIONS
from .test_fidelity import LEFTOVERS


def test_a_missing_question_is_named(broken):
    site = broken.site
    problems = faq_problems(site, REFERENCE, TRANSLATIONS[-1])
    assert len(problems) == 1 and "billing-in-advance" in problems[0], problems
    assert problems[0].startswith(f"[{TRANSLATIONS[-1].locale}] faq.md: questions")


def test_a_question_without_an_answer_and_a_faq_without_questions_are_caught(tmp_path):
    """On a hand-written FAQ page: one question answered, one not; then none at all."""
    faq = built_page(tmp_path, REFERENCE, FAQ_PAGE)
    faq.parent.mkdir(parents=True)
    article = '<article class="md-content__inner"><h1 id="faq">FAQ</h1>{}</article>'
    faq.write_text(article.format('<h2 id="asked">?</h2><h2 id="answered">?</h2><p>Oui.</p>'), encoding="utf-8")
    problems = faq_problems(tmp_path, REFERENCE, REFERENCE)
    assert problems == [f"[{REFERENCE.locale}] {FAQ_PAGE}: question #asked has no answer"], problems
    faq.write_text(article.format("<p>Rien.</p>"), encoding="utf-8")
    assert faq_questions(soup(faq)) == [], "a FAQ without h2 has no question"


@pytest.mark.parametrize(
    "page, missing, extra",
    [("negotiate.md", [], ["h2#extra-section"]), ("retention-department.md", ["h2#what-retention-does"], ["h2#what-it-does"])],
    ids=["an extra section", "a changed id"],
)
def test_an_extra_section_or_a_changed_id_is_named(broken, page, missing, extra):
    problems = structure_problems(broken.site, REFERENCE, TRANSLATIONS[-1], page)
    assert problems == [
        f"[{TRANSLATIONS[-1].locale}] {page}: headings differ from {REFERENCE.locale}: "
        f"missing {missing}, extra {extra}"
    ]


def test_a_dropped_paragraph_is_counted_in_its_section(broken):
    site = broken.site
    problems = structure_problems(site, REFERENCE, TRANSLATIONS[-1], "billing-vs-retention.md")
    assert len(problems) == 1, problems
    assert re.fullmatch(
        rf"\[{TRANSLATIONS[-1].locale}\] billing-vs-retention.md: section h2#skip-billing has (\d+) "
        rf"paragraphs, {REFERENCE.locale} has (\d+)",
        problems[0],
    ), problems


def test_a_dropped_paragraph_is_missing_from_the_source_fidelity(broken):
    site = broken.site
    source = SOURCE_DIR / f"guide.{TRANSLATIONS[-1].locale}.txt"
    problems = fidelity_problems(source, site_blocks(site, TRANSLATIONS[-1], nav_pages()), LEFTOVERS, "x")
    assert any("source paragraph not on the site" in p for p in problems), problems


def test_a_paragraph_left_in_the_reference_language_is_caught(broken):
    site = broken.site
    problems = untranslated_problems(site, LANGUAGES, TRANSLATIONS[-1], "final-thoughts.md")
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"[{TRANSLATIONS[-1].locale}] final-thoughts.md: {REFERENCE.locale} text left in")


def test_a_description_in_the_reference_language_is_caught(broken):
    site = broken.site
    problems = head_problems(site, LANGUAGES, TRANSLATIONS[-1], "final-thoughts.md")
    assert problems and all("meta description is in" in p for p in problems), problems


def test_a_broken_anchor_and_a_link_out_of_the_language_are_caught(broken):
    site = broken.site
    problems = link_problems(site, LANGUAGES, TRANSLATIONS[-1], "index.md")
    assert any("no #fee-waiver on" in p for p in problems), problems
    assert any(f"leaves {TRANSLATIONS[-1].locale} for /{REFERENCE.prefix}faq/" in p for p in problems), problems
    # and the index's link to the id changed on retention-department.md
    assert any("no #what-retention-does on" in p for p in problems), problems
    assert len(problems) == 3, problems


def test_links_that_differ_from_the_reference_are_caught(broken):
    site = broken.site
    problems = counterpart_link_problems(site, LANGUAGES, REFERENCE, TRANSLATIONS[-1], "index.md")
    assert any("#fee-waiver," in p for p in problems), problems
    assert any("links, " in p for p in problems), problems


def test_a_missing_page_is_named(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / TRANSLATIONS[-1].locale / "faq.md").unlink()
    assert page_set_problems(project / "docs", REFERENCE, TRANSLATIONS[-1]) == [
        f"[{TRANSLATIONS[-1].locale}] docs/{TRANSLATIONS[-1].locale}/faq.md: missing"
    ]


def test_fidelity_catches_a_leftover_and_a_doubled_title(site_dir):
    source = SOURCE_DIR / f"guide.{REFERENCE.locale}.txt"
    blocks = site_blocks(site_dir, REFERENCE, nav_pages())
    title = blocks[0]
    problems = fidelity_problems(source, blocks + [title, LEFTOVERS[0].lower()], LEFTOVERS, "x")
    assert any("blog leftover still on the site" in p for p in problems), problems
    assert any("the title stands 2 times" in p for p in problems), problems


def test_the_config_has_a_reference_and_a_translation():
    """The broken copies need a translation to break: mkdocs.yml declares at least two languages."""
    assert TRANSLATIONS, load_config()["plugins"]
