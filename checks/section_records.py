"""The files outside docs/ that name sections, rewritten when sections move: the freshness lock
and the pending translations (translations/), the ids kept for outside links, and the search
queries with the section each must find.

The lock keeps each section's text as it was, links and all: a link stands in it as a
language-independent path, `[→ /faq/#refund]` (checks/freshness.block_text). A moved section's
entry goes to its new page and id with its texts, and every such path to a moved section is
rewritten, with its fingerprint, so that what the lock holds still matches the built pages.
The two YAML files editors write (comments, flow lists) are edited as text, line by line.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import yaml

from checks.freshness import Pending, fingerprint
from checks.markdown_links import Moves
from checks.site import page_url

# Each file is looked for at both places (the second is where it was before): one constant each
KEPT_IDS = (Path("translations") / "kept_ids.yml", Path("tests") / "contract_ids.yml")
SEARCH_QUERIES = (Path("search_queries.yml"), Path("tests") / "search_queries.yml")

KEPT_LINE = re.compile(r"^(?P<page>[^\s:#]+\.md):(?P<gap>\s*)\[(?P<ids>[^\]]*)\](?P<rest>.*)$")
EXPECT = re.compile(r"(\bexpect:\s*[\"']?)([^\s,\"'}]+)")


class Unedited(Exception):
    """A file in a form this command does not know how to edit as text."""


def neutral(page: str, section: str) -> str:
    """How the lock writes a link to a section: "[→ /faq/#refund]"."""
    return f"[→ /{page_url(page)}#{section}]"


def moved_lock(lock: dict, moves: Moves) -> tuple[dict, list[str], list[str]]:
    """(the lock with the moved sections' entries at their new page and id and the links to them
    rewritten in every text, the entries moved, the texts rewritten)."""
    new = copy.deepcopy(lock)
    done, texts = [], []
    for (page, section), (new_page, new_section) in moves.items():
        if section in new.get(page, {}):
            new.setdefault(new_page, {})[new_section] = new[page].pop(section)
            done.append(f"entry {page}#{section} → {new_page}#{new_section}")
    paths = {neutral(*old): neutral(*now) for old, now in moves.items() if old != now}
    if paths:
        pattern = re.compile("|".join(map(re.escape, paths)))
        for page, sections in new.items():
            for section, entry in sections.items():
                for locale, locked in entry.items():
                    if not isinstance(locked, dict) or not pattern.search(locked.get("text", "")):
                        continue
                    text = pattern.sub(lambda match: paths[match.group(0)], locked["text"])
                    if locked.get("fingerprint") == fingerprint(locked["text"]):
                        locked["fingerprint"] = fingerprint(text)
                    locked["text"] = text
                    texts.append(f"[{locale}] {page}#{section}: a link rewritten in its text")
    return {page: sections for page, sections in new.items() if sections}, done, texts


def moved_pending(entries: list[Pending], moves: Moves) -> tuple[list[Pending], list[str]]:
    new, done = [], []
    for entry in entries:
        page, section = moves.get((entry.page, entry.section), (entry.page, entry.section))
        if (page, section) != (entry.page, entry.section):
            done.append(f"[{entry.language}] {entry.page}#{entry.section} → {page}#{section}")
        new.append(Pending(page, section, entry.language, entry.since, entry.reason))
    return new, done


def moved_kept_ids(text: str, moves: Moves, name: str) -> tuple[str, list[str]]:
    """`page.md: [id, …]` lines with each moved id taken out of its page's list and put in its new
    page's (in place when the page stays); a list left empty goes, a new page's list is added."""
    kept = {page: list(ids) for page, ids in (yaml.safe_load(text) or {}).items()}
    done = []
    for (page, section), (new_page, new_section) in moves.items():
        if section not in kept.get(page, []) or (page, section) == (new_page, new_section):
            continue
        ids = kept[page]
        if new_page == page:
            ids[ids.index(section)] = new_section
        else:
            ids.remove(section)
            kept.setdefault(new_page, []).append(new_section)
        done.append(f"{page}#{section} → {new_page}#{new_section}")
    if not done:
        return text, []
    lines, seen = text.split("\n"), set()
    for number, line in enumerate(lines):
        found = KEPT_LINE.match(line)
        if found and found["page"] in kept:
            seen.add(found["page"])
            ids = kept[found["page"]]
            lines[number] = f"{found['page']}:{found['gap']}[{', '.join(ids)}]{found['rest']}" if ids else None
    lines = [line for line in lines if line is not None]
    added = [f"{page}: [{', '.join(ids)}]" for page, ids in kept.items() if page not in seen and ids]
    if added:
        while lines and not lines[-1]:
            lines.pop()
        lines += added + [""]
    new_text = "\n".join(lines)
    if (yaml.safe_load(new_text) or {}) != {page: ids for page, ids in kept.items() if ids}:
        raise Unedited(f"{name}: not written as `page.md: [id, …]` lines; move {', '.join(done)} by hand")
    return new_text, done


def moved_expectations(text: str, moves: Moves, name: str) -> tuple[str, list[str]]:
    """Each `expect: page.md#id` naming a moved section, made to name where it went."""
    where = {f"{p}#{s}": f"{np}#{ns}" for (p, s), (np, ns) in moves.items() if (p, s) != (np, ns)}
    done = []

    def replace(match: re.Match) -> str:
        if match.group(2) not in where:
            return match.group(0)
        line = text.count("\n", 0, match.start()) + 1
        done.append(f"line {line}: {match.group(2)} → {where[match.group(2)]}")
        return match.group(1) + where[match.group(2)]

    new_text = EXPECT.sub(replace, text)
    before, after = yaml.safe_load(text) or {}, yaml.safe_load(new_text) or {}
    expected = {
        locale: [
            {**item, "expect": where.get(item["expect"], item["expect"])} if "expect" in item else item
            for item in items
        ]
        for locale, items in before.items()
    }
    if after != expected:
        raise Unedited(f"{name}: an `expect:` this command cannot find as text; change {', '.join(where)} by hand")
    return new_text, done
