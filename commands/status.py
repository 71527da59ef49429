"""Build the site and print a translation status table: pages x languages, each cell "ok",
"missing", the checks that find a difference, or the freshness of its sections, title and
description against the lock ("behind: #id", "pending: #id (12 days left)", "unconfirmed: #id");
then one line per problem: each editor's slip the build reports (docs/<locale>/<page>.md:<line>:
…, as the build writes it), then each difference, naming the language, the page, the section and
what to run next; then the translations pending on purpose, with the days they have left. Exits 1
on any slip or drift (a pending section within its time limit is not drift). A YAML file the
build or the lock needs that is not valid YAML: its one line, exit 1.

    python -m commands.status [--project DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from checks.freshness import (
    all_states,
    cell_states,
    excused_sections,
    freshness_problems,
    limit_days,
    load_lock,
    load_pending,
    pending_lines,
    project_files,
)
from checks.parity import page_report, page_set_problems
from checks.site import PROJECT, SLIP, build_site, languages, load_config, source_pages
from checks.table import format_table
from checks.yaml_files import yaml_slips


def status(
    project: Path, site_dir: Path, build: bool = True, today: date | None = None, waiting: list[str] | None = None
) -> tuple[list[str], dict, list[str]]:
    """(pages, {(locale, page): cell}, detail lines) for a project's docs and build; with
    build=False, site_dir already holds the project's build. today (by default, today) decides
    which pending sections are overdue; waiting, a list, receives one line per pending section."""
    today = today or date.today()
    langs = languages(project / "mkdocs.yml")
    docs = project / "docs"
    pages = sorted({page for lang in langs for page in source_pages(docs, lang)})
    cells, details = {}, []
    for lang in langs:
        have = set(source_pages(docs, lang))
        for page in pages:
            cells[lang.locale, page] = "ok" if page in have else "missing"
        details += page_set_problems(docs, langs[0], lang)
    if "missing" in cells.values():
        return pages, cells, details + ["(fix the missing pages first: the build needs them all)"]
    result = build_site(project, site_dir, strict=False) if build else None
    if result and result.returncode != 0:
        return pages, cells, details + ["the build failed:", result.failure()]
    # Slips do not stop a build without --strict: the editor's first lines to mend.
    details += result.slips if result else []
    lock_file, pending_file = project_files(project)
    lock, pending = load_lock(lock_file), load_pending(pending_file)
    states = all_states(site_dir, langs, pages, lock)
    limit = limit_days(load_config(project / "mkdocs.yml"))
    for lang in langs:
        for page in pages:
            report = page_report(site_dir, langs, lang, page, excused_sections(pending, page, today, limit))
            found = [*report, *cell_states(states, pending, lang.locale, page, today, limit)]
            cells[lang.locale, page] = ", ".join(found) or "ok"
            details += [problem for problems in report.values() for problem in problems]
    if waiting is not None:
        waiting += pending_lines(states, pending, today, limit)
    return pages, cells, details + freshness_problems(states, pending, today, limit)


def status_table(pages: list[str], locales: list[str], cells: dict) -> str:
    return format_table(["page", *locales], [[page, *(cells[locale, page] for locale in locales)] for page in pages])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=PROJECT, help="folder holding mkdocs.yml (default: this project)")
    args = parser.parse_args(argv)
    if slips := yaml_slips(args.project):
        print("\n".join(slips))
        return 1
    locales = [lang.locale for lang in languages(args.project / "mkdocs.yml")]
    waiting: list[str] = []
    with tempfile.TemporaryDirectory() as site_dir:
        pages, cells, details = status(args.project, Path(site_dir), waiting=waiting)
    print(status_table(pages, locales, cells))
    drift = bool(details)  # every slip and difference has its line; a pending section has none
    if details:
        print("\n" + "\n".join(details))
    if waiting:
        print("\nPending translations (not drift until their limit):\n" + "\n".join(waiting))
    slipped = any(SLIP.match(line) for line in details)
    verdict = "Slips found: mend them first" if slipped else "Drift found" if drift else "Every language is in step"
    print(f"\n{verdict} ({locales[0]} is the reference).")
    return 1 if drift else 0


if __name__ == "__main__":
    sys.exit(main())
