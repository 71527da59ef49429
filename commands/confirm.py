"""Confirm the sections whose languages were all updated: build the site and rewrite the lock
(translations/lock.yml) with their text as it is now, so that the lock never goes stale. A
section new in every language is added, one gone from every language dropped, and the pending
entries of a confirmed section removed. A section still behind in some language is not
confirmed: it is listed, and the command exits 1.

    python -m commands.confirm [--project DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from checks.freshness import (
    all_states,
    confirmed,
    load_lock,
    load_pending,
    project_files,
    save_lock,
    save_pending,
)
from checks.site import ROOT, build_site, languages, source_pages
from checks.table import format_table
from checks.yaml_files import yaml_slips


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=ROOT, help="folder holding mkdocs.yml (default: this project)")
    args = parser.parse_args(argv)
    if slips := yaml_slips(args.project):
        print("\n".join(slips))
        return 1
    langs = languages(args.project / "mkdocs.yml")
    pages = sorted({page for lang in langs for page in source_pages(args.project / "docs", lang)})
    lock_file, pending_file = project_files(args.project)
    lock = load_lock(lock_file)
    with tempfile.TemporaryDirectory() as site_dir:
        result = build_site(args.project, Path(site_dir))
        if result.returncode != 0:
            print(f"The build fails; fix it first:\n{result.failure()}")
            return 1
        states = all_states(Path(site_dir), langs, pages, lock)
    taken = [s for s in states if s.confirmable]
    behind = [s for s in states if s.behind]
    save_lock(confirmed(lock, states, date.today()), lock_file)
    done = {(s.page, s.section) for s in taken}
    pending = load_pending(pending_file)
    save_pending([p for p in pending if (p.page, p.section) not in done], pending_file)
    rows = [[f"{s.page}#{s.section}", "confirmed", " ".join(s.changed)] for s in taken]
    rows += [[f"{s.page}#{s.section}", "behind", " ".join(s.behind)] for s in behind]
    if rows:
        print(format_table(["section", "state", "languages"], rows))
    print(f"\n{len(taken)} section(s) confirmed in {lock_file.relative_to(args.project)}.")
    if behind:
        print(
            f"{len(behind)} section(s) still behind: carry the change over, or mark it pending "
            "with `python -m commands.pending PAGE#SECTION LOCALE --reason \"…\"`."
        )
    return 1 if behind else 0


if __name__ == "__main__":
    sys.exit(main())
