"""Mark a section of a language as pending: its translation will follow. The site then builds
with a notice at the top of that section, in that language, linking to the updated languages
(or, for a section new in another language, a notice where it will stand), and the tests pass
until the limit set in mkdocs.yml (extra.pending_translation_days).

    python -m commands.pending faq.md#refund es --reason "translator on leave until Friday"
    python -m commands.pending faq.md:title es --reason "…"        # the page's title
    python -m commands.pending faq.md:description es --reason "…"  # its meta description

The section must be behind in that language now: changed, added or removed in another language
since the lock.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from checks.freshness import (
    Pending,
    address,
    load_lock,
    load_pending,
    parse_address,
    project_files,
    save_pending,
    section_states,
)
from checks.site import PROJECT, build_site, languages
from checks.yaml_files import yaml_slips


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("section", help="PAGE#SECTION (faq.md#refund), or PAGE:title, PAGE:description")
    parser.add_argument("language", help="the locale that lags, e.g. es")
    parser.add_argument("--reason", required=True, help="why, in a few words")
    parser.add_argument("--since", type=date.fromisoformat, default=date.today(), help="YYYY-MM-DD (default: today)")
    parser.add_argument("--project", type=Path, default=PROJECT, help="folder holding mkdocs.yml (default: this project)")
    args = parser.parse_args(argv)
    if slips := yaml_slips(args.project):
        print("\n".join(slips))
        return 1
    page, section = parse_address(args.section)
    where = address(page, section)
    langs = languages(args.project / "mkdocs.yml")
    if args.language not in [lang.locale for lang in langs]:
        print(f"{args.language}: not a language of mkdocs.yml ({', '.join(lang.locale for lang in langs)})")
        return 2
    lock_file, pending_file = project_files(args.project)
    with tempfile.TemporaryDirectory() as site_dir:
        result = build_site(args.project, Path(site_dir))
        if result.returncode != 0:
            print(f"The build fails; fix it first:\n{result.failure()}")
            return 1
        states = {s.section: s for s in section_states(Path(site_dir), langs, page, load_lock(lock_file))}
    state = states.get(section)
    if state is None:
        print(f"{page}: no section #{section} in any language (sections: {', '.join(address(page, s) for s in states)})")
        return 2
    if args.language not in state.behind:
        print(f"[{args.language}] {where} is not behind: nothing to mark pending")
        return 2
    entries = [p for p in load_pending(pending_file) if (p.page, p.section, p.language) != (page, section, args.language)]
    save_pending([*entries, Pending(page, section, args.language, args.since, args.reason)], pending_file)
    print(f"[{args.language}] {where}: {state.summary()}, pending in {args.language} since {args.since} ({args.reason}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
