"""`python -m commands.rename` as an editor runs it, on a synthetic project: it refuses (exit 2,
nothing written) what cannot be done in every language, --dry-run lists each change and writes
nothing, and a run prints what it changed, file by file, the editors' data files included at
either of their places."""

import contextlib
import io
from pathlib import Path

import pytest

from checks.section_records import KEPT_IDS, SEARCH_QUERIES
from commands import rename

from .params import LANGUAGES, REFERENCE, TRANSLATIONS
from .synthetic_project import synthetic_project
from .test_rename_markdown import PAGES

LAGGING = TRANSLATIONS[-1] if TRANSLATIONS else REFERENCE


def project(tmp_path: Path) -> Path:
    root = synthetic_project(tmp_path / "project", PAGES)
    guide = root / "docs" / LAGGING.locale / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("## Keep {#keep}", "## Keep {#keep}\n\n### Lag {#lag}"), encoding="utf-8")
    return root


def files(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()}


def run(root: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = rename.main([*args, "--project", str(root)])
    return code, out.getvalue()


@pytest.mark.parametrize(
    "args, expected",
    [
        (["guide.md#lag", "lagging"], f"no heading with {{#lag}} in docs/{REFERENCE.locale}/guide.md"),
        (["guide.md#old", "keep"], f"guide.md#keep is taken: docs/{REFERENCE.locale}/guide.md has it"),
        (["guide.md#old", "other.md#end"], f"other.md#end is taken: docs/{REFERENCE.locale}/other.md has it"),
        (["guide.md#keep", "lag"], f"guide.md#lag is taken: docs/{LAGGING.locale}/guide.md has it"),
        (["guide.md#old", "New_Id"], '"New_Id" is not a simple slug (a-z, 0-9, - between words): write e.g. "new-id"'),
        (["guide.md#old", "nowhere.md#x"], f"the target page docs/{REFERENCE.locale}/nowhere.md"),
        (["gone.md#old", "x"], f"the page docs/{REFERENCE.locale}/gone.md"),
        (["guide.md#old", "other.md", "--after", "nothing"], f"--after nothing: no heading with that id in docs/{REFERENCE.locale}/other.md"),
        (["guide.md#made-up-guide", "other.md"], "guide.md#made-up-guide is the page's title: it cannot move"),
        (["guide.md#old", "guide.md", "--after", "sub"], "--after sub: a section cannot go after itself or one of its sub-sections"),
        (["guide.md", "x"], "'guide.md': write the section as PAGE.md#ID"),
        (["guide.md#keep", "other.md"], "guide.md#keep: the languages hold different sub-sections"),
    ],
    ids=["missing-in-a-language", "id-taken", "id-taken-on-target", "id-taken-in-a-language", "not-a-slug",
         "no-target-page", "no-page", "no-after", "page-title", "after-itself", "no-id", "sub-sections-differ"],
)
def test_the_command_refuses_what_cannot_be_done_in_every_language_and_writes_nothing(tmp_path, args, expected):
    root = project(tmp_path)
    before = files(root)
    code, out = run(root, *args)
    assert code == 2, f"exit {code}:\n{out}"
    assert out.startswith("Nothing changed: ") and expected in out, out
    assert files(root) == before, "a refused rename changed files"


def test_a_dry_run_lists_each_change_and_writes_nothing(tmp_path):
    root = project(tmp_path)
    before = files(root)
    code, out = run(root, "guide.md#old", "renamed", "--dry-run")
    assert code == 0, out
    assert files(root) == before, "--dry-run wrote files"
    for lang in LANGUAGES:
        assert f"docs/{lang.locale}/guide.md:10: {{#old}} → {{#renamed}}" in out, out
        assert f"docs/{lang.locale}/other.md:3: (guide.md#old) → (guide.md#renamed)" in out, out
        assert f"docs/{lang.locale}/more/deep.md:3: (../../guide/#old) → (../../guide/#renamed)" in out, out
    assert "would change" in out and "translations/old_addresses.yml" in out, out


def test_a_run_prints_what_it_changed_file_by_file_and_edits_the_data_at_either_place(tmp_path):
    root = project(tmp_path)
    for path in KEPT_IDS:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("guide.md: [old, keep]\n", encoding="utf-8")
    for path in SEARCH_QUERIES:
        (root / path).write_text(f"{REFERENCE.locale}:\n  - {{query: q, expect: guide.md#old}}\n", encoding="utf-8")
    code, out = run(root, "guide.md#old", "other.md#moved")
    assert code == 0, out
    for path in KEPT_IDS:
        assert (root / path).read_text(encoding="utf-8") == "guide.md: [keep]\nother.md: [moved]\n", path
    for path in SEARCH_QUERIES:
        assert "expect: other.md#moved}" in (root / path).read_text(encoding="utf-8"), path
    lines = out.splitlines()
    assert lines[:2] == ["file" + " " * (len(lines[1].split()[0]) - 2) + "changed", lines[1]], out
    rows = {line.split()[0]: line for line in lines[2:] if line.strip() and not line.startswith("Next")}
    for lang in LANGUAGES:
        assert "section #old (with #sub) cut" in rows[f"docs/{lang.locale}/guide.md"], out
        assert "section #moved pasted at the end" in rows[f"docs/{lang.locale}/other.md"], out
    assert {str(p) for p in [*KEPT_IDS, *SEARCH_QUERIES]} <= set(rows), out
    assert "guide.md#old → other.md#moved" in rows["translations/old_addresses.yml"], out
