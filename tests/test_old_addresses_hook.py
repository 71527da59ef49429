"""overrides/hooks/old_addresses.py on synthetic input: the entries it refuses, naming
translations/old_addresses.yml, the entry and what to do; the anchor it puts first in a renamed
section's heading; the forwards it gives a page a section moved away from, as relative URLs.
And one real build, to prove that an entry landing nowhere stops it."""

import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from checks.old_addresses import OLD_ADDRESSES
from checks.site import build_site, copy_project, source_pages

from .hooks import load_hook
from .params import LANGUAGES, REFERENCE, TRANSLATIONS
from .synthetic_project import synthetic_project
from .test_rename_markdown import PAGES

hook = load_hook("old_addresses")
LAGGING = TRANSLATIONS[-1] if TRANSLATIONS else REFERENCE


def config(project, locale=REFERENCE.locale) -> SimpleNamespace:
    """Just enough of MkDocs' config for the hook: where mkdocs.yml and docs/ are, the languages
    built, the one being built."""
    languages = [SimpleNamespace(locale=lang.locale, build=True) for lang in LANGUAGES]
    i18n = SimpleNamespace(config=SimpleNamespace(languages=languages), current_language=locale)
    return SimpleNamespace(
        config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "docs"), plugins={"i18n": i18n}
    )


def project_with(tmp_path, addresses: str):
    project = synthetic_project(tmp_path / "project", PAGES)
    lagging = project / "docs" / LAGGING.locale / "guide.md"
    lagging.write_text(lagging.read_text(encoding="utf-8") + "\n## Lag {#lag}\n\nOnly here.\n", encoding="utf-8")
    (project / OLD_ADDRESSES).parent.mkdir(parents=True, exist_ok=True)
    (project / OLD_ADDRESSES).write_text(addresses, encoding="utf-8")
    return project


@pytest.mark.parametrize(
    "entry, expected",
    [
        ("guide.md#gone: guide.md#lag", f"docs/{REFERENCE.locale}/guide.md has no heading {{#lag}}: the old address would land nowhere"),
        ("guide.md#gone: nowhere.md#x", f"docs/{REFERENCE.locale}/nowhere.md has no heading {{#x}}"),
        ("guide.md#old: other.md#end", f"the old address is a section's address again (docs/{REFERENCE.locale}/guide.md:10): remove the entry"),
        ("gone.md#x: guide.md#old", f"there is no page docs/{REFERENCE.locale}/gone.md for the old address to be on"),
        ("guide#x: guide.md#old", "write `old-page.md#old-id: page.md#id`"),
        ("guide.md#Old_One: guide.md#old", "write `old-page.md#old-id: page.md#id`"),
    ],
    ids=["target-missing-in-a-language", "target-page-missing", "reused", "old-page-missing", "not-a-page", "not-a-slug"],
)
def test_an_entry_that_cannot_land_is_refused_naming_the_file_and_the_entry(tmp_path, entry, expected):
    project = project_with(tmp_path, f"# header\n{entry}\n")
    with pytest.raises(PluginError) as refused:
        hook.old_addresses(config(project))
    message = str(refused.value)
    assert message.startswith(f"translations/old_addresses.yml: entry `{entry}`: "), message
    assert expected in message, message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- guide.md#x: guide.md#old\n", "expected a mapping `old-page.md#old-id: page.md#id`"),
        ("guide.md#x: [guide.md#old\n", "translations/old_addresses.yml is not valid YAML"),
    ],
    ids=["a-list", "not-yaml"],
)
def test_a_file_that_is_not_a_mapping_is_refused(tmp_path, text, expected):
    with pytest.raises(PluginError, match=re.escape(expected)):
        hook.old_addresses(config(project_with(tmp_path, text)))


def test_good_entries_are_read_and_no_file_is_no_entry(tmp_path):
    project = project_with(tmp_path, "# header\nguide.md#gone: other.md#end\nother.md#was: other.md#end\n")
    assert hook.old_addresses(config(project)) == [("guide.md", "gone", "other.md", "end"), ("other.md", "was", "other.md", "end")]
    (project / OLD_ADDRESSES).unlink()
    assert hook.old_addresses(config(project)) == []


def test_the_anchor_stands_first_in_the_heading_of_the_section():
    html = '<p>x</p><h2 id="new">Title<a class="headerlink" href="#new">¶</a></h2><p id="new-ish">y</p>'
    expected = '<p>x</p><h2 id="new"><span id="old" class="old-address"></span>Title<a class="headerlink" href="#new">¶</a></h2><p id="new-ish">y</p>'
    assert hook.with_anchor(html, "old", "new", "fr/faq.md") == expected
    with pytest.raises(PluginError, match="no heading with id 'gone' in the HTML of fr/faq.md"):
        hook.with_anchor(html, "old", "gone", "fr/faq.md")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
def test_the_forwards_are_urls_relative_to_the_page_in_its_language(tmp_path, language):
    project = project_with(tmp_path, "guide.md#gone: other.md#end\nother.md#was: guide.md#made-up-guide\nguide.md#renamed: guide.md#keep\n")
    prefix = "" if language.default else f"{language.locale}/"
    pages = [SimpleNamespace(src_uri=f"{language.locale}/{p}", url=f"{prefix}{p[:-3]}/") for p in PAGES]

    hook.ENTRIES[:] = hook.entries(config(project, language.locale))  # as on_pre_build reads them, once a build

    def context_of(page: str, url: str) -> dict:
        page = SimpleNamespace(file=SimpleNamespace(src_uri=f"{language.locale}/{page}"), url=url)
        return hook.on_page_context({"pages": pages}, page=page, config=config(project, language.locale), nav=None)

    guide = context_of("guide.md", f"{prefix}guide/")
    assert guide["old_address_forwards"] == {"gone": "../other/#end"} and guide["old_address_anchors"], guide
    other = context_of("other.md", f"{prefix}other/")
    assert other["old_address_forwards"] == {"was": "../guide/#made-up-guide"} and not other["old_address_anchors"], other


def test_a_real_build_stops_on_an_entry_that_lands_nowhere(tmp_path):
    project = copy_project(tmp_path / "project")
    page = source_pages(project / "docs", REFERENCE)[0]
    entry = f"{page}#no-such-old-id: {page}#no-such-section"
    (project / OLD_ADDRESSES).write_text(f"{entry}\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "the build passed with an old address leading nowhere"
    assert f"translations/old_addresses.yml: entry `{entry}`: docs/" in result.log, result.log
    assert "has no heading {#no-such-section}" in result.log, result.log
