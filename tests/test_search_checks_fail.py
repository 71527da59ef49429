"""Each search check catches what it must, fed a deliberately broken index or query list."""

import copy
import json

import pytest

from checks import search
from checks.site import PROJECT, build_site, copy_project, site_path

from .params import LANGUAGES, PAGES, REFERENCE, TRANSLATIONS

# Material's lunr stemmers, as the hook looks them up
LUNR_LANGUAGES = search.MATERIAL_LANGUAGES.parents[1] / "assets" / "javascripts" / "lunr" / "min"


@pytest.fixture
def other_index(site_dir):
    """A private copy of a non-default language's index, to break."""
    return copy.deepcopy(search.load_index(site_dir, TRANSLATIONS[-1]))


def test_an_index_that_mixes_languages_is_caught_naming_the_foreign_entries(site_dir, other_index):
    other_index["docs"] += search.load_index(site_dir, REFERENCE)["docs"][:2]
    problems = search.foreign_entries(other_index, TRANSLATIONS[-1], LANGUAGES)
    assert len(problems) == 2, problems
    assert all(p.startswith(f"[{TRANSLATIONS[-1].locale}]") and f"belongs to {REFERENCE.locale}" in p for p in problems)


def test_a_mixed_lunr_pipeline_without_stemmer_is_caught(other_index):
    other_index["config"].update(lang=[lang.locale for lang in LANGUAGES], pipeline=["stopWordFilter"])
    assert search.index_config_problems(other_index, TRANSLATIONS[-1]) == [
        f"[{TRANSLATIONS[-1].locale}] search index: lunr languages {[lang.locale for lang in LANGUAGES]}, "
        f"expected only [{TRANSLATIONS[-1].locale!r}]",
        f"[{TRANSLATIONS[-1].locale}] search index: pipeline lacks ['stemmer']",
    ]


def test_a_missing_section_and_a_retitled_section_are_caught(site_dir, other_index):
    """The entries of the language's first two sections: one removed, one retitled."""
    language = TRANSLATIONS[-1]
    sections = [(page, anchor) for page in PAGES for anchor in search.heading_titles(site_dir, language, page)]
    if len(sections) < 2:
        pytest.fail(f"[{language.locale}] fewer than two ## sections on the site: nothing to remove and retitle")
    (page, missing), (other_page, retitled) = sections[:2]
    entries = {doc["location"]: doc for doc in other_index["docs"]}
    other_index["docs"].remove(entries[f"{site_path(language, page)}#{missing}"])
    entries[f"{site_path(language, other_page)}#{retitled}"]["title"] = "Renamed"
    problems = search.missing_sections(other_index, site_dir, language, PAGES)
    assert problems[:1] == [f"[{language.locale}] {page}: no search entry for #{missing}"], problems
    assert any(f"{other_page}: search entry #{retitled} titled 'Renamed'" in p for p in problems), problems


def test_an_index_with_its_accents_folded_away_is_caught(other_index):
    for doc in other_index["docs"]:
        for field in ("title", "text"):
            doc[field] = doc[field].encode("ascii", "ignore").decode()
    problems = search.lost_accents(other_index, TRANSLATIONS[-1], PROJECT / "docs", PAGES)
    assert problems and "lost" in problems[0], problems


def test_a_language_without_search_queries_fails_with_a_clear_message(tmp_path):
    listed = tmp_path / "search_queries.yml"
    listed.write_text(json.dumps({REFERENCE.locale: [{"query": "x", "expect": "some-page.md"}]}))
    with pytest.raises(LookupError, match=rf"\[{TRANSLATIONS[-1].locale}\] no search queries"):
        search.queries(TRANSLATIONS[-1], listed)


def test_without_the_hook_the_checks_see_one_merged_index(tmp_path):
    """static-i18n alone: one index mixing every language, none next to the other languages."""
    project = copy_project(tmp_path / "project")
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text().replace("  - overrides/hooks/search_per_language.py\n", ""))
    site = tmp_path / "site"
    assert build_site(project, site).returncode == 0
    assert not search.index_file(site, TRANSLATIONS[-1]).is_file(), "an index appeared without the hook"
    merged = json.loads(search.index_file(site, REFERENCE).read_text())
    assert search.foreign_entries(merged, REFERENCE, LANGUAGES) != []
    assert search.index_config_problems(merged, REFERENCE) != []


def test_a_language_lunr_cannot_stem_fails_the_build_naming_it(tmp_path):
    """A locale Material translates but lunr has no stemmer for: the hook says which."""
    material = {p.stem for p in search.MATERIAL_LANGUAGES.glob("*.html")}
    lunr = {p.name.split(".")[1] for p in LUNR_LANGUAGES.glob("lunr.*.min.js")}
    unstemmed = sorted(material - lunr - {"en"} - {lang.locale for lang in LANGUAGES})[0]
    project = copy_project(tmp_path / "project")
    (project / "docs" / TRANSLATIONS[-1].locale).rename(project / "docs" / unstemmed)
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text().replace(f"locale: {TRANSLATIONS[-1].locale}\n", f"locale: {unstemmed}\n"))
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "the build passed with a language lunr cannot stem"
    assert f"lunr has no stemmer for language {unstemmed!r}" in result.log, result.log
