"""The notice of a pending translation (overrides/hooks/pending_notice.py): at the top of that
section only, in the lagging language, with the date and links to the updated languages; not
counted by the parity and freshness checks, out of search, within the byte budgets; and a
pending entry naming what the site lacks stops the build."""

import re
from types import SimpleNamespace

import pytest
from babel.dates import format_date
from mkdocs.exceptions import PluginError

from checks.facts import fact_problems
from checks.first_load import weights
from checks.freshness import freshness_problems, limit_days, load_lock, load_pending, project_files, section_states
from checks.parity import NOTICE_CLASS, built, detect_language, page_report
from checks.search import index_file
from checks.seo import language_extra
from checks.site import PROJECT, build_site, built_page, copy_project, internal_target, load_config, site_path, soup

from .broken_copy import edit
from .hooks import load_hook
from .params import LANGUAGES, PAGES, REFERENCE, THIRD_LANGUAGE, each_language, each_page
from .pending_copy import LAGGING, SINCE, notice_after, notice_places, notice_sections, pending_section
from .test_budgets import BUDGETS, over_budget

# The section left pending, chosen from the content (tests/pending_copy.py)
PAGE, SECTION = pending_section()
UPDATED = [lang for lang in LANGUAGES if lang != LAGGING]
WHERE = f"[{LAGGING.locale}] {PAGE}#{SECTION}"


def texts(language) -> dict:
    return language_extra(language)["pending_notice"]


def test_the_notice_stands_right_after_the_heading_of_the_pending_section(pending):
    assert notice_after(pending.site, LAGGING, PAGE, SECTION) is not None, f"{WHERE}: no notice after the heading"


def test_the_notice_speaks_the_lagging_language_and_gives_the_date(pending):
    notice = notice_after(pending.site, LAGGING, PAGE, SECTION)
    title = notice.select_one(".admonition-title").get_text(strip=True)
    text = notice.get_text(" ", strip=True).removeprefix(title).strip()
    day = format_date(SINCE, format="long", locale=LAGGING.locale)
    assert title == texts(LAGGING)["title"], f"{WHERE}: title {title!r}"
    assert day in text and notice.find("time")["datetime"] == SINCE.isoformat(), f"{WHERE}: no {day!r} in {text!r}"
    assert detect_language(text, [lang.locale for lang in LANGUAGES]) == LAGGING.locale, f"{WHERE}: {text!r}"
    assert {"admonition", "info"} <= set(notice["class"]) and notice.get("role") == "note", f"{WHERE}: {notice}"


def test_the_notice_links_to_the_same_section_in_every_updated_language(pending):
    notice = notice_after(pending.site, LAGGING, PAGE, SECTION)
    found = [
        (link["hreflang"], link.get("lang"), link.get_text(strip=True), internal_target(site_path(LAGGING, PAGE), link["href"]))
        for link in notice.find_all("a", href=True)
    ]
    expected = [(lang.locale, lang.locale, lang.name, (site_path(lang, PAGE), SECTION)) for lang in UPDATED]
    assert found == expected, f"{WHERE}: links {found}"
    lost = [lang.locale for lang in UPDATED if SECTION not in built(built_page(pending.site, lang, PAGE)).ids]
    assert lost == [], f"{WHERE}: no #{SECTION} in {lost}"


def test_no_notice_in_any_other_section_page_or_language(pending):
    found = [
        (lang.locale, page, place)
        for lang in LANGUAGES
        for page in PAGES
        for place in notice_places(pending.site, lang, page)
    ]
    assert found == [(LAGGING.locale, PAGE, SECTION)], f"notices at {found}"
    anywhere = {
        f"{lang.locale}/{page}": len(soup(built_page(pending.site, lang, page)).select(f".{NOTICE_CLASS}"))
        for lang in LANGUAGES
        for page in PAGES
    }
    assert sum(anywhere.values()) == 1, f"notices outside the article: {anywhere}"


def test_the_parity_and_freshness_checks_do_not_count_the_notice(pending):
    """The page is in step in every language, and the section only pending, as before the notice."""
    reports = {lang.locale: page_report(pending.site, LANGUAGES, lang, PAGE) for lang in LANGUAGES}
    assert reports == {lang.locale: {} for lang in LANGUAGES}, f"{PAGE}: {reports}"
    states = section_states(pending.site, LANGUAGES, PAGE, load_lock())
    behind = next(state for state in states if state.section == SECTION).behind
    assert LAGGING.locale in behind, f"{WHERE}: not behind ({behind}): the copy proves nothing"
    entries = load_pending(project_files(pending.project)[1])
    problems = freshness_problems(states, entries, SINCE, limit_days(load_config()))
    assert [p for p in problems if p.startswith(f"[{LAGGING.locale}]")] == [], f"{WHERE}: {problems}"


def test_the_notice_stays_out_of_the_search_index(pending):
    index = index_file(pending.site, LAGGING).read_text(encoding="utf-8")
    assert texts(LAGGING)["title"] not in index, f"{WHERE}: the notice is in {index_file(pending.site, LAGGING)}"


@each_language
@each_page
def test_the_first_load_of_a_site_with_a_notice_is_within_its_budgets(pending, language, page):
    """The admonition's rules are kept in Material's stylesheet only when a notice exists."""
    measured = weights(pending.site, site_path(language, page))
    over = over_budget(measured, BUDGETS["per_page"])
    assert over == {}, f"[{language.locale}] {page}, with a notice on the site: over budget {over}; measured {measured}"


@pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)
def test_the_real_site_shows_notices_exactly_where_translations_pending_yml_says(site_dir):
    """A notice for each section pending in a language, none elsewhere; a title or a description
    has none (the nav shows the last translated one)."""
    expected = sorted(
        (entry.language, entry.page, entry.section) for entry in load_pending() if not entry.section.startswith(":")
    )
    found = sorted(
        (lang.locale, page, about) for lang in LANGUAGES for page in PAGES for about in notice_sections(site_dir, lang, page)
    )
    assert found == expected, f"notices at {found}, translations/pending.yml lists {expected}"


def test_a_notice_is_about_the_section_it_follows_or_the_one_whose_id_it_bears(tmp_path):
    """What the test above reads: a notice under a heading; a notice standing for a section not
    written yet, its id on it; a notice at the top."""
    html = (
        f'<article class="md-content__inner"><div class="{NOTICE_CLASS}">top</div><h2 id="here">H</h2>'
        f'<div class="admonition {NOTICE_CLASS}">under</div><p>text</p>'
        f'<div id="not-yet" class="{NOTICE_CLASS}">missing</div><h2 id="next">N</h2></article>'
    )
    page = built_page(tmp_path, LAGGING, PAGE)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(html, encoding="utf-8")
    assert notice_sections(tmp_path, LAGGING, PAGE) == ["(top)", "here", "not-yet"]


# -- What stops the build ------------------------------------------------------------------------


def build_log(project, tmp_path) -> str:
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "the build passed on broken input"
    return result.log


def write_pending(project, text: str) -> None:
    path = project_files(project)[1]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "page, section, language, expected",
    [
        (PAGE, "no-such-section", LAGGING.locale, f"no language has a section #no-such-section on {PAGE}"),
        ("no-such-page.md", SECTION, LAGGING.locale, f"there is no page docs/{LAGGING.locale}/no-such-page.md"),
        (PAGE, SECTION, THIRD_LANGUAGE.locale, f"{THIRD_LANGUAGE.locale} is not a language of mkdocs.yml"),
    ],
    ids=["missing-section", "missing-page", "unknown-language"],
)
def test_a_pending_entry_naming_what_the_site_lacks_fails_the_build_naming_it(tmp_path, page, section, language, expected):
    project = copy_project(tmp_path / "project")
    write_pending(project, f"- {{page: {page}, section: {section}, language: {language}, since: {SINCE}, reason: x}}\n")
    log = build_log(project, tmp_path)
    assert "translations/pending.yml" in log and expected in log, f"the log lacks {expected!r}:\n{log}"


def test_a_pending_file_that_is_not_valid_yaml_fails_the_build_at_its_line_and_column(tmp_path):
    """One line, FILE:LINE:COLUMN, at the bracket never closed."""
    project = copy_project(tmp_path / "project")
    text = f"- {{page: {PAGE}, section: [{SECTION}\n"
    write_pending(project, text)
    expected = f"translations/pending.yml:1:{text.index('[') + 1}: not valid YAML: while parsing a flow sequence"
    log = build_log(project, tmp_path)
    assert expected in log, f"the log lacks {expected!r}:\n{log}"


def hook_config(project) -> SimpleNamespace:
    """Just enough of MkDocs' config for pending_entries: where mkdocs.yml and docs/ are, and the
    languages built."""
    languages = [SimpleNamespace(locale=lang.locale, build=True) for lang in LANGUAGES]
    i18n = SimpleNamespace(config=SimpleNamespace(languages=languages))
    return SimpleNamespace(
        config_file_path=str(project / "mkdocs.yml"), docs_dir=str(PROJECT / "docs"), plugins={"i18n": i18n}
    )


ENTRY = f"page: {PAGE}, section: {SECTION}, language: {LAGGING.locale}"


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"{{{ENTRY}, since: {SINCE}, reason: x}}\n", "expected a list of entries"),
        (f"- {{{ENTRY}, reason: x}}\n", "expected exactly the keys page, section, language, since, reason"),
        (f"- {{{ENTRY}, since: {SINCE}, reason: x, by: y}}\n", "expected exactly the keys"),
        (f"- {{{ENTRY}, since: next week, reason: x}}\n", "since must be a date, YYYY-MM-DD"),
        (f"- {{{ENTRY}, since: {SINCE}, reason: [x]}}\n", "reason must be text"),
        (
            "".join(f"- {{page: {PAGE}, section: {SECTION}, language: {lang.locale}, since: {SINCE}, reason: x}}\n" for lang in LANGUAGES),
            f"{PAGE}#{SECTION} is pending in every language",
        ),
    ],
    ids=["not-a-list", "no-since", "unknown-key", "since-not-a-date", "reason-not-text", "pending-everywhere"],
)
def test_a_malformed_pending_file_is_refused_saying_what_is_wrong(tmp_path, text, expected):
    hook = load_hook("pending_notice")
    write_pending(tmp_path, text)
    with pytest.raises(PluginError, match=r"^translations/pending\.yml: .*" + re.escape(expected)):
        hook.pending_entries(hook_config(tmp_path))


def test_a_language_without_its_notice_texts_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    yml = project / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    edit(yml, "            pending_notice:", "            pending_notice_typo:", count=1)
    log = build_log(project, tmp_path)
    assert "extra.pending_notice.title" in log and "language_extra.py" in log, log
    yml.write_text(text, encoding="utf-8")
    edit(yml, "{links}.", ".", count=1)  # in the first language's text, not the comment above
    log = build_log(project, tmp_path)
    assert "extra.pending_notice.text" in log and "lacks {links}" in log, log


def test_the_facts_check_leaves_out_the_pending_section_and_only_it(pending):
    """Its numbers differ from the reference's for a while: that is what pending allows."""
    _, pending_file = project_files(pending.project)
    excused = fact_problems(pending.site, LANGUAGES, REFERENCE, LAGGING, PAGE, load_pending(pending_file))
    assert excused == [], excused
    found = fact_problems(pending.site, LANGUAGES, REFERENCE, LAGGING, PAGE)
    assert found and all(f"{PAGE}#{SECTION} " in problem for problem in found), found
