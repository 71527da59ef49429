"""Rename a section, or move it to another page, in every language at once; its old address
keeps landing on it.

    python -m commands.rename faq.md#refund money-back              # rename in place
    python -m commands.rename faq.md#refund negotiate.md            # move, same id
    python -m commands.rename faq.md#refund negotiate.md#money-back --after fee-waivers

A move cuts the section (its heading down to the next heading of the same or a higher level,
sub-sections included) and pastes it at the end of the other page, or after the section --after
names. In every language: the heading's {#id}; every link to the section, in every page
(`page.md#id`, `../page.md#id`, `#id` on its own page, raw HTML `<a href>`); the freshness lock
and the pending translations (translations/); the kept ids and the search queries that name it.
The old address goes into translations/old_addresses.yml, which the build turns into an anchor
(rename) or a forward to the new page (move). Refuses, changing nothing (exit 2), when the
section is missing in some language, the new id is taken or not a slug (a-z, 0-9, -), or a
page does not exist. --dry-run lists each change without writing any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checks.rename import apply, planned
from checks.rename_request import Refused, parse_request
from checks.site import PROJECT
from checks.table import format_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("section", help="PAGE.md#ID: the section as it is now, e.g. faq.md#refund")
    parser.add_argument("to", help="NEW-ID (rename in place), OTHER.md (move, same id) or OTHER.md#NEW-ID")
    parser.add_argument("--after", metavar="ID", help="put the moved section after this section of its new page")
    parser.add_argument("--dry-run", action="store_true", help="list each change, write nothing")
    parser.add_argument("--project", type=Path, default=PROJECT, help="folder holding mkdocs.yml (default: this project)")
    args = parser.parse_args(argv)
    try:
        changes = planned(args.project, parse_request(args.section, args.to, args.after))
    except Refused as reason:
        print(f"Nothing changed: {reason}")
        return 2
    if args.dry_run:
        print("\n".join(line for change in changes for line in change.details) + "\n")
    else:
        apply(changes)
    rows = [[str(change.path), "; ".join(change.what)] for change in changes]
    print(format_table(["file", "would change" if args.dry_run else "changed"], rows))
    if not args.dry_run:
        print("\nNext: `python -m commands.status`, then commit every file listed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
