"""The checks hold for any content (issue 17, "Prove it in the suite"): a copy of the project whose
docs/ an editor changed in every legitimate way, each as README says, then confirmed
(tests/edited_copy.py: a number, a new page, a FAQ question removed, ids changed by hand and by
`python -m commands.rename`, a section moved, new sections, a title; and, left pending, a section
new in the reference, a paragraph added in a translation, a description changed in one language)
builds strictly, has a clean status, and passes every check the suite runs on the real site: the
tests marked `site`, run on the copy (GUIDE_PROJECT, read by checks.site.PROJECT). Its broken twin,
the same copy with one change left unconfirmed, fails them, naming the section.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checks.freshness import address, load_lock, project_files, save_lock
from checks.site import ROOT, build_site
from commands.status import status

from .change_paths import remove_section_everywhere
from .edited_copy import edited_copy
from .editor_data import drop_unused_synonyms
from .params import LANGUAGES
from .synthetic_project import read, synthetic_project


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """The edited copy (.project, .done, .pending, .confirm) and its strict build (.build, .site)."""
    root = tmp_path_factory.mktemp("edited")
    copy = edited_copy(root / "project", root / "commands-site")
    copy.site = root / "site"
    copy.build = build_site(copy.project, copy.site)
    return copy


def changes(copy) -> str:
    return "the changes:\n" + "\n".join(f"  {line}" for line in copy.done)


def site_checks(project: Path, site: Path, *modules: str) -> subprocess.CompletedProcess:
    """The tests marked `site` (of these modules only, if given) run from this repository on
    project, as `GUIDE_PROJECT=project pytest -m site` runs them; site is project's strict build
    (GUIDE_SITE: the session checks it rather than build it again)."""
    command = [sys.executable, "-m", "pytest", "-m", "site", "-q", "-n", "0", "-p", "no:cacheprovider", *modules]
    env = {**os.environ, "GUIDE_PROJECT": str(project), "GUIDE_SITE": str(site)}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def failing_lines(run: subprocess.CompletedProcess) -> str:
    """What a failed run says: its FAILED and ERROR lines and their assertion lines, else all."""
    lines = [line for line in run.stdout.splitlines() if line.startswith(("FAILED", "ERROR", "E "))]
    return "\n".join(lines[:60]) or (run.stdout + run.stderr)[-4000:]


def test_confirm_takes_every_change_made_in_every_language(edited):
    code, out = edited.confirm
    assert code == 0, f"python -m commands.confirm exited {code}:\n{out}\n{changes(edited)}"


def test_the_edited_copy_builds_strictly(edited):
    assert edited.build.returncode == 0, f"mkdocs build --strict:\n{edited.build.failure()}\n{changes(edited)}"


def test_its_status_is_clean_but_for_the_pending_sections(edited):
    """No line of drift or slip; each pending entry is listed, within its limit."""
    waiting: list[str] = []
    _, _, details = status(edited.project, edited.site, build=False, waiting=waiting)
    assert details == [], f"commands.status:\n" + "\n".join(details) + f"\n{changes(edited)}"
    unlisted = [
        f"[{locale}] {where}" for where, locale in edited.pending
        if not any(line.startswith(f"[{locale}] {where}: ") for line in waiting)
    ]
    assert unlisted == [], f"marked pending but not listed as pending: {unlisted}; status lists {waiting}"
    assert all("days left)" in line for line in waiting), f"a pending entry past its limit: {waiting}"


def test_every_site_check_holds_on_the_edited_copy(edited):
    assert edited.build.returncode == 0, "no strict build to check"
    run = site_checks(edited.project, edited.site)
    assert run.returncode == 0, f"pytest -m site on {edited.project}:\n{failing_lines(run)}\n{changes(edited)}"


def test_with_a_change_left_unconfirmed_the_checks_fail_naming_its_section(edited, tmp_path):
    """The broken twin: the number changed in every language, its lock entry as confirm found it.
    Its build is the edited copy's (the build does not read the lock)."""
    twin = Path(shutil.copytree(edited.project, tmp_path / "twin"))
    lock_file, _ = project_files(twin)
    (page, section), lock = edited.fact, load_lock(lock_file)
    lock[page][section] = edited.lock_before[page][section]
    save_lock(lock, lock_file)
    run = site_checks(twin, edited.site, "tests/test_freshness.py")
    where = address(page, section)
    assert run.returncode == 1, f"the twin, {where} unconfirmed, passes:\n{run.stdout[-2000:]}"
    named = [line for line in failing_lines(run).splitlines() if where in line and "not confirmed" in line]
    assert named, f"the twin fails without naming {where} as not confirmed:\n{failing_lines(run)}"


# -- The helpers' edits, on synthetic pages --------------------------------------------------------

PAGES = {
    "guide.md": "# Guide {#made-up-guide}\n\nSee [the answer](faq.md#gone) and [the other](faq.md#stays \"t\").\n",
    "faq.md": (
        "# FAQ {#faq}\n\n## Gone {#gone}\n\nAs [above](#gone).\n\n### Under it {#under}\n\nMore.\n\n"
        "## Stays {#stays}\n\nBack to [the part](#under) and [the answer](<faq.md#gone>).\n"
    ),
}


def test_a_section_removed_everywhere_takes_its_sub_sections_and_leaves_the_text_of_its_links(tmp_path):
    project = synthetic_project(tmp_path, PAGES)
    assert remove_section_everywhere(project, "faq.md", "gone") == ["gone", "under"]
    for page, expected in {
        "guide.md": "# Guide {#made-up-guide}\n\nSee the answer and [the other](faq.md#stays \"t\").\n",
        "faq.md": "# FAQ {#faq}\n\n## Stays {#stays}\n\nBack to the part and the answer.\n",
    }.items():
        assert read(project, page) == {lang.locale: expected for lang in LANGUAGES}, page


def test_a_link_to_it_not_written_inline_is_named_and_nothing_changes(tmp_path):
    pages = {**PAGES, "guide.md": PAGES["guide.md"] + "\nSee [it][g].\n\n[g]: faq.md#gone\n"}
    project = synthetic_project(tmp_path, pages)
    with pytest.raises(LookupError, match=rf"docs/{LANGUAGES[0].locale}/guide.md:7: a link to faq.md#gone"):
        remove_section_everywhere(project, "faq.md", "gone")
    assert read(project, "guide.md") == {lang.locale: pages["guide.md"] for lang in LANGUAGES}


def test_a_synonym_group_no_page_uses_goes_and_the_comments_stay(tmp_path):
    project = synthetic_project(tmp_path, {"index.md": "# Words {#words}\n\nalpha beta\n"})
    lines = ["# comment"]
    for lang in LANGUAGES:
        lines += [f"{lang.locale}:", "  synonyms:", "    - [alpha, first]", "    - [zulu, last]  # gone"]
    (project / "search_words.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    dropped = drop_unused_synonyms(project)
    assert dropped == [f"{lang.locale}: ['zulu', 'last']" for lang in LANGUAGES]
    kept = ["# comment"]
    for lang in LANGUAGES:
        kept += [f"{lang.locale}:", "  synonyms:", "    - [alpha, first]"]
    assert (project / "search_words.yml").read_text(encoding="utf-8") == "\n".join(kept) + "\n"
