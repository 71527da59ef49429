"""The scale benchmark's synthetic sites: built from the real pages, they must build strictly
and pass every parity check, so that the benchmark times a site like ours; and a broken one
must be reported."""

import time
from datetime import date
from types import SimpleNamespace

import pytest

from benchmarks import scale as bench_scale
from commands import status
from benchmarks.scale import generate, measure, plan, rewrite_links, unused_after, without_sections
from checks.freshness import Pending, load_pending, project_files, save_pending
from checks.markdown_sections import headings
from checks.site import copy_project, languages, load_config, nav_pages, source_pages

from .params import LANGUAGES

REAL = nav_pages()


# (pages per language, pruned sections): the real site's size with its flat nav, and a second
# cycle begun (copies of distinct text) with the nav cut into sections. (A smaller site fails its
# strict build on purpose: search_words.yml names synonyms that no page of it uses.)
PROJECTS = [(len(REAL), 0), (len(REAL) + 2, 4)]
SIZES = [size for size, _ in PROJECTS]


@pytest.fixture(scope="module", params=PROJECTS, ids=lambda p: f"{p[0]}-pages" + (f"-sections-of-{p[1]}" if p[1] else ""))
def synthetic(request, tmp_path_factory):
    """A synthetic project of request.param pages per language, its nav flat or in sections."""
    size, sections = request.param
    return generate(tmp_path_factory.mktemp("scale") / "project", size, sections=sections)


@pytest.fixture(scope="module")
def measured(synthetic):
    """The synthetic project measured once, profiled: .measure, .site (its build) and .seconds
    (the wall time of measure())."""
    site = synthetic.parent / "site"
    started = time.perf_counter()
    result = measure(synthetic, site, profile=True)
    return SimpleNamespace(measure=result, site=site, seconds=time.perf_counter() - started)


def test_the_plan_cycles_through_the_real_pages_keeping_the_first_names():
    pages = plan(REAL, len(REAL) + 2)
    assert [name for name, _, _ in pages[: len(REAL)]] == REAL, pages
    assert [source for _, source, _ in pages[len(REAL):]] == REAL[:2], pages
    assert pages[len(REAL)][0] == REAL[0].replace(".md", "-002.md"), pages
    assert len({name for name, _, _ in pages}) == len(pages), f"names must differ: {pages}"


def test_links_go_to_the_same_cycle_else_the_first_copy_else_become_text():
    markdown = "- [a](some-page.md#some-section)\n- [b](other-page.md)\n- [c](gone.md#x)\n- [d](https://example.org/)"
    existing = {"some-page.md", "some-page-002.md", "other-page.md"}
    assert rewrite_links(markdown, 1, existing).splitlines() == [
        "- [a](some-page-002.md#some-section)",
        "- [b](other-page.md)",
        "- c",
        "- [d](https://example.org/)",
    ]


def test_links_to_a_section_left_out_become_text_on_any_page():
    markdown = "[a](some-page.md#gone) [b](some-page.md#kept) [c](#gone) [d](#kept)"
    left_out = frozenset({("some-page.md", "gone")})
    assert rewrite_links(markdown, 0, {"some-page.md"}, "some-page.md", left_out) == (
        "a [b](some-page.md#kept) c [d](#kept)"
    )
    assert rewrite_links(markdown, 0, {"some-page.md"}, "other-page.md", left_out) == (
        "a [b](some-page.md#kept) [c](#gone) [d](#kept)"
    ), "a link to #gone of another page is not the page left out"


def test_a_section_left_out_goes_with_its_sub_sections_and_nothing_else():
    markdown = "# T {#t}\n\n## A {#a}\n\nx\n\n### A1 {#a1}\n\ny\n\n## B {#b}\n\nz\n"
    assert without_sections(markdown, {"a"}) == "# T {#t}\n\n## B {#b}\n\nz\n"
    assert without_sections(markdown, {"b", "missing"}) == "# T {#t}\n\n## A {#a}\n\nx\n\n### A1 {#a1}\n\ny\n"


def test_only_the_synonym_groups_that_leaving_sections_out_unused_are_dropped():
    groups = [["gone", "away"], ["kept", "still"], ["never", "nowhere"], ["accentué", "other"]]
    whole = ["---\ntitle: gone\n---\n# Words {#w}\n\nGone, kept. [link](never.md#never) Accentue."]
    kept = ["---\ntitle: gone\n---\n# Words {#w}\n\nKept. [link](never.md#never)"]
    assert unused_after(groups, whole, kept) == [["gone", "away"], ["accentué", "other"]], (
        "dropped: the groups used before and not after (accents folded); front matter and link targets are no use"
    )


def test_a_section_pending_in_one_language_is_left_out_of_every_language_with_its_links(tmp_path):
    """A legitimate state of the guide: a section new in the reference, pending in the others,
    linked from another page. Its synthetic copies lack it in every language, and its links."""
    project = copy_project(tmp_path / "project")
    ref = LANGUAGES[0]
    pages = nav_pages(project / "mkdocs.yml")
    home, other = pages[0], pages[1]
    with (project / "docs" / ref.locale / other).open("a", encoding="utf-8") as page:
        page.write("\n## Planted for the benchmark {#planted-pending}\n\nSynthetic words.\n")
    with (project / "docs" / ref.locale / home).open("a", encoding="utf-8") as page:
        page.write(f"\n[planted link]({other}#planted-pending)\n")
    _, pending_file = project_files(project)
    planted = [Pending(other, "planted-pending", lang.locale, date.today(), "synthetic") for lang in LANGUAGES[1:]]
    save_pending(load_pending(pending_file) + planted, pending_file)
    synthetic = generate(tmp_path / "synthetic", len(pages) + 2, project=project)
    copies = [name for name, source, _ in plan(pages, len(pages) + 2) if source == other]
    for lang in LANGUAGES:
        for name in copies:
            lines = (synthetic / "docs" / lang.locale / name).read_text(encoding="utf-8").split("\n")
            ids = [h.id for h in headings(lines)]
            assert "planted-pending" not in ids, f"[{lang.locale}] {name}: the pending section is still there: {ids}"
    linking = (synthetic / "docs" / ref.locale / home).read_text(encoding="utf-8")
    assert "planted link" in linking and "#planted-pending" not in linking, f"[{ref.locale}] {home}: {linking[-200:]}"


def test_every_language_of_the_real_site_gets_every_synthetic_page(synthetic):
    locales = [lang.locale for lang in languages(synthetic / "mkdocs.yml")]
    assert locales == [lang.locale for lang in LANGUAGES], f"languages of the synthetic mkdocs.yml: {locales}"
    size = len(source_pages(synthetic / "docs", LANGUAGES[0]))
    assert size in SIZES, f"{size} pages in the synthetic project"
    expected = [name for name, _, _ in plan(REAL, size)]
    for lang in LANGUAGES:
        assert source_pages(synthetic / "docs", lang) == sorted(expected), f"[{lang.locale}] synthetic pages"
    assert nav_pages(synthetic / "mkdocs.yml") == expected, "the generated nav: every page, in order"


def test_a_synthetic_site_builds_strictly_and_every_parity_cell_is_ok(synthetic, measured):
    """The status command's table, on the strict build measure() made."""
    pages, cells, details = status.status(synthetic, measured.site, build=False)
    assert details == [], "\n".join(details)
    assert sorted(set(cells.values())) == ["ok"], cells
    assert len(pages) in SIZES, pages


def test_measure_reports_sizes_the_search_index_the_profile_and_no_problem(measured):
    found = measured.measure
    assert found.problems == [], "\n".join(found.problems)
    assert any(line.endswith("page_report") for line in found.profile), found.profile
    assert found.pages == len(LANGUAGES) * found.size and found.size in SIZES, found
    assert found.indexes, "no search_index.json found in the synthetic site"
    assert 0 < found.index_gzip < found.index_raw < found.site_bytes, found
    # Both timed, in seconds: each within the call that measured them.
    assert 0 < found.build_s and 0 < found.parity_s and 0 < found.parity_cpu_s, f"untimed: {found}"
    assert found.build_s + found.parity_s <= measured.seconds, (
        f"build {found.build_s} s + parity {found.parity_s} s exceed the {measured.seconds:.2f} s "
        f"measure() took: not seconds? {found}"
    )


def test_a_synthetic_site_with_a_broken_translation_is_reported_and_fails_the_command(monkeypatch, capsys):
    def generate_broken(dest, size, **options):
        """The generator, then an extra section, in French, on one page of the last language."""
        project = generate(dest, size, **options)
        page = project / "docs" / LANGUAGES[-1].locale / REAL[1]
        extra = "\n## Extra {#extra-section}\n\nUn paragraphe de trop, écrit en français pour la peine.\n"
        page.write_text(page.read_text(encoding="utf-8") + extra, encoding="utf-8")
        return project

    monkeypatch.setattr(bench_scale, "generate", generate_broken)
    size = len(REAL)
    assert bench_scale.main(["--sizes", str(size)]) == 1
    output = capsys.readouterr().out
    assert f"{size} pages per language: " in output and "extra-section" in output, output


def test_pruned_sections_cut_the_nav_and_turn_on_navigation_prune(tmp_path):
    """Nine pages (whatever the real site's count) in sections of four: the last one short."""
    project = generate(tmp_path / "project", 9, sections=4)
    config = load_config(project / "mkdocs.yml")
    labels = [next(iter(section)) for section in config["nav"]]
    assert labels == ["1-4", "5-8", "9-9"], config["nav"]
    assert nav_pages(project / "mkdocs.yml") == [name for name, _, _ in plan(REAL, 9)]
    assert "navigation.prune" in config["theme"]["features"], config["theme"]["features"]


def test_a_synthetic_site_that_does_not_build_is_reported(tmp_path):
    project = generate(tmp_path / "project", 2)
    (project / "docs" / LANGUAGES[-1].locale / REAL[0]).unlink()
    measured = measure(project, tmp_path / "site")
    assert measured.problems and "mkdocs build --strict failed" in measured.problems[0], measured.problems
