"""The next question (overrides/hooks/related_sections.py): after each FAQ answer and at the end
of every other page but the home, one to three related sections, in the page's language, the same relations
in every language (checks/related.py); an editor's choice in front matter comes first."""

import shutil

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


def test_an_editors_choice_comes_first_in_every_language_and_one_language_only_stops_the_build(site_dir, tmp_path):
    """The last FAQ question given as its first related section a section of another page that
    it does not show first today (both chosen from the content): written in the default
    language's front matter, every language shows it first; written in another's only, the
    build stops naming that file."""
    default = REFERENCE
    question = content.first(reversed(content.page(default, FAQ_PAGE).sections[1:]), "FAQ question", default)
    shown = relations(soup(built_page(site_dir, default, FAQ_PAGE)), default, FAQ_PAGE, FAQ_PAGE).get(f"#{question.id}", [])
    target = content.first(
        (f"{p.name}#{s.id}" for p in content.pages(default) if p.name not in (FAQ_PAGE, "index.md")
         for s in p.sections if s.id and not (shown and shown[0].endswith(f"{p.name.removesuffix('.md')}/#{s.id}"))),
        "section of another page", default,
    )
    choice = f"---\nrelated:\n  {question.id}: [{target}]\n"
    project = copy_project(tmp_path / "project")
    faq = project / "docs" / default.locale / FAQ_PAGE
    faq.write_text(faq.read_text(encoding="utf-8").replace("---\n", choice, 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.log
    page, _, sid = target.partition("#")
    for language in LANGUAGES:
        found = relations(soup(built_page(tmp_path / "site", language, FAQ_PAGE)), language, FAQ_PAGE, FAQ_PAGE)
        assert found[f"#{question.id}"][0].endswith(f"{page.removesuffix('.md')}/#{sid}"), (language.locale, found)
    if not TRANSLATIONS:
        return
    other = TRANSLATIONS[-1]
    faq.write_text(faq.read_text(encoding="utf-8").replace(choice, "---\n", 1), encoding="utf-8")
    translated = project / "docs" / other.locale / FAQ_PAGE
    translated.write_text(translated.read_text(encoding="utf-8").replace("---\n", choice, 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0 and f"docs/{other.locale}/{FAQ_PAGE}: related: differs from" in result.log, result.log


def test_a_choice_naming_no_section_or_no_list_stops_the_build_naming_the_file():
    """On made-up sections of a made-up page: the hook's own judgement, whatever the guide holds."""
    hook = load_hook("related_sections")
    known = {"a-page.md#first-answer", "a-page.md#second-answer"}
    lists, where = {"first-answer": "question"}, "docs/fr/a-page.md"
    with pytest.raises(PluginError, match=r"docs/fr/a-page.md: related: 'a-page.md#nowhere' is no section of the guide"):
        hook.choices({"related": {"first-answer": ["a-page.md#nowhere"]}}, "a-page.md", lists, known, where)
    with pytest.raises(PluginError, match=r"related: 'frist-answer' is no id a list follows here; use 'first-answer'"):
        hook.choices({"related": {"frist-answer": ["a-page.md#second-answer"]}}, "a-page.md", lists, known, where)
    with pytest.raises(PluginError, match="on the very page or section it would follow"):
        hook.choices({"related": {"first-answer": ["a-page.md#first-answer"]}}, "a-page.md", lists, known, where)
    with pytest.raises(PluginError, match="related: must map an id"):
        hook.choices({"related": ["a-page.md#first-answer"]}, "a-page.md", lists, known, where)
    chosen = {"first-answer": ["a-page.md#second-answer"]}
    assert hook.choices({"related": chosen}, "a-page.md", lists, known, where) == chosen
