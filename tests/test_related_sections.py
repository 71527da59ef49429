"""The next question (overrides/hooks/related_sections.py): after each FAQ answer and at the end
of every other page but the home, one to three related sections, in the page's language, the same relations
in every language (checks/related.py); an editor's choice in front matter comes first."""

import shutil
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from checks.parity import FAQ_PAGE
from checks.related import related_problems, relations
from checks.site import build_site, built_page, copy_project, soup

from . import content
from .broken_copy import edit
from .hooks import load_hook
from .params import LANGUAGES, REFERENCE, TRANSLATIONS, each_page


@pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)
@each_page
def test_related_sections_are_few_in_the_page_language_and_alike_in_every_language(site_dir, page):
    assert not related_problems(site_dir, LANGUAGES, page, FAQ_PAGE)


def test_broken_twin_an_answer_without_its_list_is_named(site_dir, tmp_path):
    """A copy of the built site whose FAQ loses the list after its first answer."""
    site = shutil.copytree(site_dir, tmp_path / "site")
    faq = built_page(site, REFERENCE, FAQ_PAGE)
    edit(faq, r'<div class="related"', '<div class="x"', count=1)
    problems = related_problems(site, LANGUAGES, FAQ_PAGE, FAQ_PAGE)
    assert any("no related sections; choose some in the front matter" in p for p in problems), problems


def test_broken_twin_a_choice_written_in_one_language_only_is_named_and_comes_first(site_dir, tmp_path):
    """The last FAQ question, in the last language only, given as its first related section the
    first section of another page (both chosen from the content)."""
    lagging = (TRANSLATIONS or LANGUAGES)[-1]
    question = content.first(reversed(content.page(lagging, FAQ_PAGE).sections[1:]), "FAQ question", lagging)
    target = content.first(
        (f"{p.name}#{s.id}" for p in content.pages(lagging) if p.name not in (FAQ_PAGE, "index.md") for s in p.sections if s.id),
        "section of another page", lagging,
    )
    project = copy_project(tmp_path / "project")
    faq = project / "docs" / lagging.locale / FAQ_PAGE
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("---\n", f"---\nrelated:\n  {question.id}: [{target}]\n", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.log
    shown = relations(soup(built_page(tmp_path / "site", lagging, FAQ_PAGE)), lagging, FAQ_PAGE, FAQ_PAGE)
    page, _, sid = target.partition("#")
    assert shown[f"#{question.id}"][0].endswith(f"{page.removesuffix('.md')}/#{sid}"), shown
    problems = related_problems(tmp_path / "site", LANGUAGES, FAQ_PAGE, FAQ_PAGE)
    assert any(p.startswith(f"[{lagging.locale}] {FAQ_PAGE}#{question.id}: related") for p in problems), problems


def test_a_choice_naming_no_section_stops_the_build_naming_the_file():
    hook = load_hook("related_sections")
    page = SimpleNamespace(meta={"related": {"refund": ["faq.md#nowhere"]}}, file=SimpleNamespace(src_uri="fr/faq.md"))
    config = SimpleNamespace(docs_dir="/project/docs", config_file_path="/project/mkdocs.yml")
    with pytest.raises(PluginError, match=r"docs/fr/faq.md: related: 'faq.md#nowhere' is no section of the guide"):
        hook.chosen(page, {"faq.md#refund"}, config)
    page.meta = {"related": ["faq.md#refund"]}
    with pytest.raises(PluginError, match="related: must map a section's id"):
        hook.chosen(page, {"faq.md#refund"}, config)
