"""Confirm the sections whose languages were all updated: build the site and rewrite the lock
(translations/lock.yml) with their text as it is now, so that the lock never goes stale. A
section new in every language is added, one gone from every language dropped, and the pending
entries of a confirmed section removed; a section renamed (or moved) in every language keeps
its lock entry under its new address. A page's title and description are confirmed like its
sections. A section still behind in some language, and not pending there, is not confirmed: it
is listed, and the command exits 1. It prints what it confirmed and which pending entries it
removed.

A fix in one language only, whose other languages already say the right thing (a typo, a better
word, a heading made to match its nav label), is confirmed by naming it: `--in-step PAGE#ID`
(or `PAGE:title`, `PAGE:description`), once for each; a section some language lacks cannot be.

    python -m commands.confirm [--in-step PAGE#ID ...] [--project DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from checks.freshness import (
    address,
    all_states,
    confirmed,
    load_lock,
    load_pending,
    project_files,
    renames,
    save_lock,
    save_pending,
)
from checks.old_addresses import OLD_ADDRESSES, addresses_text, load_addresses, recorded
from checks.site import PROJECT, build_site, languages, source_pages
from checks.table import format_table
from checks.yaml_files import yaml_slips


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=PROJECT, help="folder holding mkdocs.yml (default: this project)")
    parser.add_argument(
        "--in-step", action="append", default=[], metavar="PAGE#ID",
        help="a section changed in some languages only, the others already saying the same: confirm it as it stands",
    )
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
    first_changed = {s.where: list(s.changed) for s in states}
    if problems := vouch(states, args.in_step):
        print("\n".join(problems))
        return 2
    moved = {id(gone): new for gone, new in renames(states)}
    carried = {id(new) for new in moved.values()}
    taken = [s for s in states if s.confirmable and id(s) not in carried]
    pending = load_pending(pending_file)
    waiting = {(p.page, p.section, p.language) for p in pending}
    behind = [s for s in states if any((s.page, s.section, locale) not in waiting for locale in s.behind)]
    save_lock(confirmed(lock, states, date.today()), lock_file)
    # An id changed by hand keeps its old address, as `python -m commands.rename` would have kept it.
    moves = {(s.page, s.section): (new.page, new.section) for s in taken if (new := moved.get(id(s)))}
    if moves:
        addresses_file = args.project / OLD_ADDRESSES
        addresses, _ = recorded(load_addresses(addresses_file), moves)
        addresses_file.write_text(addresses_text(addresses), encoding="utf-8")
    done = {(s.page, s.section) for s in taken}
    caught_up = [p for p in pending if (p.page, p.section) in done]
    save_pending([p for p in pending if (p.page, p.section) not in done], pending_file)
    rows = [
        [s.where, f"renamed to {moved[id(s)].where}", f"confirmed, old address kept in {OLD_ADDRESSES}"]
        if id(s) in moved
        else [s.where, f"changed in {', '.join(first_changed[s.where])}, in step elsewhere (--in-step)", "confirmed"]
        if s.where in args.in_step
        else [s.where, s.summary(), "confirmed"]
        for s in taken
    ]
    rows += [[address(p.page, p.section), f"pending in {p.language} since {p.since}", "entry removed"] for p in caught_up]
    rows += [
        [s.where, s.summary(), f"still behind in {', '.join(lang for lang in s.behind if (s.page, s.section, lang) not in waiting)}"]
        for s in behind
    ]
    if rows:
        print(format_table(["section", "change", "now"], rows))
    print(
        f"\n{len(taken)} section(s) confirmed in {lock_file.relative_to(args.project)}; "
        f"{len(caught_up)} pending entr{'y' if len(caught_up) == 1 else 'ies'} removed from "
        f"{pending_file.relative_to(args.project)}."
    )
    if behind:
        print(
            f"{len(behind)} section(s) still behind, not confirmed: carry the change over, or mark it "
            "pending with `python -m commands.pending PAGE#SECTION LOCALE --reason \"…\"`."
        )
    return 1 if behind else 0

def vouch(states, addresses: list[str]) -> list[str]:
    """Take each named section, behind in some language, as changed in every language (the
    editor says the others already agree); the problems with a name that cannot be taken."""
    by_address = {state.where: state for state in states}
    problems = []
    for where in addresses:
        state = by_address.get(where)
        if state is None or not state.behind:
            problems.append(f"--in-step {where}: no section of that address is behind in some language (see `python -m commands.status`)")
        elif set(state.texts) != set(state.locales):
            problems.append(f"--in-step {where}: missing in {', '.join(sorted(set(state.locales) - set(state.texts)))}: write it there, or mark it pending")
        else:
            state.changed = list(state.locales)
    return problems


if __name__ == "__main__":
    sys.exit(main())
