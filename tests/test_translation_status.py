"""The editors' status command: a table of pages x languages that exits non-zero on drift."""

import re

from commands import status
from checks.site import copy_project

from .broken_copy import broken_plan
from .params import LANGUAGES, PAGES, TRANSLATIONS


def cells(output: str, page: str) -> list[str]:
    """The cells of a page's row in the printed table."""
    row = next(line for line in output.splitlines() if line.startswith(page + " "))
    return re.split(r"\s{2,}", row.strip())[1:]


# A cell in step: "ok", or only sections pending within their limit
IN_STEP = re.compile(r"ok|pending: \S+ \(\d+ days left\)(, pending: \S+ \(\d+ days left\))*")


def test_the_real_site_is_in_step_and_every_cell_says_ok_or_pending(capsys):
    assert status.main([]) == 0
    output = capsys.readouterr().out
    assert all(IN_STEP.fullmatch(cell) for page in PAGES for cell in cells(output, page)), output


def test_a_broken_translation_shows_what_differs_per_page_and_exits_1(broken, capsys):
    """Each page of the broken copy names, in the broken language's column, the checks its
    faults fail (tests/broken_copy.py: broken_plan)."""
    plan = broken_plan()
    assert status.main(["--project", str(broken.project)]) == 1
    output = capsys.readouterr().out
    column = [lang.locale for lang in LANGUAGES].index(plan.language.locale)
    for page, checks in plan.cells().items():
        cell = cells(output, page)[column]
        assert all(check in cell for check in checks), f"{page} ({', '.join(plan.faults[page])}): {cell}, expected {sorted(checks)}\n{output}"
    assert f"no #{plan.broken_anchor} on" in output, output


def test_a_missing_page_shows_missing_and_exits_1(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    page = PAGES[-1]
    (project / "docs" / TRANSLATIONS[-1].locale / page).unlink()
    assert status.main(["--project", str(project)]) == 1
    output = capsys.readouterr().out
    column = [lang.locale for lang in LANGUAGES].index(TRANSLATIONS[-1].locale)
    assert cells(output, page)[column] == "missing", output
    assert f"docs/{TRANSLATIONS[-1].locale}/{page}: missing" in output, output
