"""Each parity check fails, naming the problem, on a deliberately broken copy of the docs
(tests/broken_copy.py: a fault of each kind in one translation, each on a page chosen from the
content, so one build serves)."""

import re

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

from . import content
from .broken_copy import broken_plan
from .params import LANGUAGES, PAGES, REFERENCE, TRANSLATIONS
from .test_fidelity import LEFTOVERS

LAST = TRANSLATIONS[-1]


def test_a_missing_question_is_named(broken):
    question = broken_plan().question.id
    problems = faq_problems(broken.site, REFERENCE, LAST)
    assert len(problems) == 1 and f"'{question}'" in problems[0], f"#{question} removed: {problems}"
    assert problems[0].startswith(f"[{LAST.locale}] {FAQ_PAGE}: questions"), problems


def test_a_question_without_an_answer_and_a_faq_without_questions_are_caught(tmp_path):
    """On a hand-written FAQ page: one question answered, one not; then none at all."""
    faq = built_page(tmp_path, REFERENCE, FAQ_PAGE)
    faq.parent.mkdir(parents=True)
    article = '<article class="md-content__inner"><h1 id="page-title">FAQ</h1>{}</article>'
    faq.write_text(article.format('<h2 id="asked">?</h2><h2 id="answered">?</h2><p>Oui.</p>'), encoding="utf-8")
    problems = faq_problems(tmp_path, REFERENCE, REFERENCE)
    assert problems == [f"[{REFERENCE.locale}] {FAQ_PAGE}: question #asked has no answer"], problems
    faq.write_text(article.format("<p>Rien.</p>"), encoding="utf-8")
    assert faq_questions(soup(faq)) == [], "a FAQ without h2 has no question"


def test_an_extra_section_a_changed_id_and_a_missing_question_are_named(broken):
    """On each page whose headings the broken copy changed: one problem, naming what changed."""
    plan = broken_plan()
    for page in plan.faults:
        missing, extra = plan.headings_changed(page)
        if missing or extra:
            assert structure_problems(broken.site, REFERENCE, LAST, page) == [
                f"[{LAST.locale}] {page}: headings differ from {REFERENCE.locale}: missing {missing}, extra {extra}"
            ]


def test_a_dropped_paragraph_is_counted_in_its_section(broken):
    dropped = broken_plan().dropped
    problems = structure_problems(broken.site, REFERENCE, LAST, dropped.page)
    assert len(problems) == 1, f"the second paragraph of {dropped.page}#{dropped.id} dropped: {problems}"
    assert re.fullmatch(
        rf"\[{LAST.locale}\] {re.escape(dropped.page)}: section {dropped.key} has (\d+) "
        rf"paragraphs, {REFERENCE.locale} has (\d+)",
        problems[0],
    ), f"the second paragraph of {dropped.page}#{dropped.id} dropped: {problems}"


def test_a_dropped_paragraph_is_missing_from_the_source_fidelity(broken):
    source = SOURCE_DIR / f"guide.{LAST.locale}.txt"
    problems = fidelity_problems(source, site_blocks(broken.site, LAST, nav_pages()), LEFTOVERS, "x")
    assert any("source paragraph not on the site" in p for p in problems), problems


def test_a_paragraph_left_in_the_reference_language_is_caught(broken):
    page = broken_plan().untranslated[0]
    problems = untranslated_problems(broken.site, LANGUAGES, LAST, page)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"[{LAST.locale}] {page}: {REFERENCE.locale} text left in"), problems


def test_a_description_in_the_reference_language_is_caught(broken):
    page = broken_plan().untranslated[0]
    problems = head_problems(broken.site, LANGUAGES, LAST, page)
    assert problems and all("meta description is in" in p for p in problems), f"{page}: {problems}"


def test_a_broken_anchor_and_a_link_out_of_the_language_are_caught(broken):
    """Each planted on one page; on every page, a link to an id the copy removed is named too,
    and nothing else."""
    plan = broken_plan()
    planted = [f"no #{plan.broken_anchor} on", f"leaves {LAST.locale} for /{plan.leaving}"]
    problems = link_problems(broken.site, LANGUAGES, LAST, plan.anchor.page)
    assert [p for p in planted if not any(p in found for found in problems)] == [], problems
    gone = [f"no #{anchor} on" for anchor in plan.gone_ids]
    unexplained = {
        page: [p for p in link_problems(broken.site, LANGUAGES, LAST, page) if not any(e in p for e in planted + gone)]
        for page in PAGES
    }
    assert {page: found for page, found in unexplained.items() if found} == {}
    renamed = (plan.renamed.page, plan.renamed.id)
    linking = {link.page for link in content.links_to_sections(LAST) if (link.target, link.anchor) == renamed}
    for page in linking:  # the links to the id changed, on the pages that hold them
        problems = link_problems(broken.site, LANGUAGES, LAST, page)
        assert any(f"no #{plan.renamed.id} on" in p for p in problems), f"{page}: {problems}"


def test_links_that_differ_from_the_reference_are_caught(broken):
    plan = broken_plan()
    problems = counterpart_link_problems(broken.site, LANGUAGES, REFERENCE, LAST, plan.anchor.page)
    assert any(f"#{plan.broken_anchor}," in p for p in problems), problems
    assert any("links, " in p for p in problems), problems


def test_a_missing_page_is_named(tmp_path):
    project = copy_project(tmp_path / "project")
    page = PAGES[-1]
    (project / "docs" / LAST.locale / page).unlink()
    assert page_set_problems(project / "docs", REFERENCE, LAST) == [
        f"[{LAST.locale}] docs/{LAST.locale}/{page}: missing"
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
