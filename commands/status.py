"""Build the site and print a translation status table: pages x languages, each cell "ok",
"missing" or the checks that find a difference, then the details. Exits 1 on any drift.

    python -m commands.status [--project DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from checks.parity import page_report, page_set_problems
from checks.site import ROOT, build_site, languages, source_pages


def status(project: Path, site_dir: Path, build: bool = True) -> tuple[list[str], dict, list[str]]:
    """(pages, {(locale, page): cell}, detail lines) for a project's docs and build; with
    build=False, site_dir already holds the project's build."""
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
        return pages, cells, details + ["the build failed:", result.log.strip()]
    for lang in langs:
        for page in pages:
            report = page_report(site_dir, langs, lang, page)
            if report:
                cells[lang.locale, page] = ", ".join(report)
                details += [problem for problems in report.values() for problem in problems]
    return pages, cells, details


def table(pages: list[str], locales: list[str], cells: dict) -> str:
    rows = [["page", *locales]] + [[page, *(cells[locale, page] for locale in locales)] for page in pages]
    widths = [max(len(row[n]) for row in rows) for n in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    return "\n".join([lines[0], "  ".join("-" * width for width in widths), *lines[1:]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=ROOT, help="folder holding mkdocs.yml (default: this project)")
    args = parser.parse_args(argv)
    locales = [lang.locale for lang in languages(args.project / "mkdocs.yml")]
    with tempfile.TemporaryDirectory() as site_dir:
        pages, cells, details = status(args.project, Path(site_dir))
    print(table(pages, locales, cells))
    drift = any(cell != "ok" for cell in cells.values()) or bool(details)
    if details:
        print("\n" + "\n".join(details))
    print(f"\n{'Drift found' if drift else 'Every language is in step'} ({locales[0]} is the reference).")
    return 1 if drift else 0


if __name__ == "__main__":
    sys.exit(main())
