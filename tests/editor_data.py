"""The editors' data beside docs/, updated as README tells an editor to when the docs change: an
id taken off translations/kept_ids.yml when its section goes; a search query dropped from
search_queries.yml when the section it expects goes, or made to expect a section's new id; a
synonym group dropped from search_words.yml when no page uses its words any more (the build names
it); a new page's line in mkdocs.yml's `nav:`. Each file is edited as text, line by line, as an
editor would (its comments stay), and read back to check the edit did what it meant."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from checks.old_addresses import OLD_ADDRESSES, addresses_text, load_addresses
from checks.search import MIN_QUERIES, MIN_QUERIES_OF_A_KIND, QUERY_KINDS, search_words
from checks.section_records import EXPECT, KEPT_LINE, moved_expectations
from checks.site import nav_pages
from checks.yaml_files import read_yaml_fast

from . import content
from .params import LANGUAGES
from .hooks import load_hook

KEPT_IDS = Path("translations") / "kept_ids.yml"
QUERIES = Path("search_queries.yml")
WORDS = Path("search_words.yml")
_unused_groups = load_hook("search_words").unused_groups


def read(project: Path, relative: Path) -> list[str]:
    return (project / relative).read_text(encoding="utf-8").split("\n")


def write(project: Path, relative: Path, lines: list[str], expected) -> None:
    """Write lines, then check that the file reads as expected (a form this edit does not know
    stops here, naming the file)."""
    path = project / relative
    path.write_text("\n".join(lines), encoding="utf-8")
    if (read_yaml_fast(path) or {}) != expected:
        raise LookupError(f"{relative}: not written in the form this edit knows; edit it by hand")


def drop_kept_ids(project: Path, page: str, ids: list[str]) -> list[str]:
    """The ids of a page's sections that went taken off translations/kept_ids.yml (its line
    dropped when none is left): those it dropped."""
    kept = read_yaml_fast(project / KEPT_IDS) or {}
    gone = [sid for sid in kept.get(page, []) if sid in ids]
    if not gone:
        return []
    left = [sid for sid in kept[page] if sid not in ids]
    lines = []
    for line in read(project, KEPT_IDS):
        found = KEPT_LINE.match(line)
        if found and found["page"] == page:
            line = f"{page}:{found['gap']}[{', '.join(left)}]{found['rest']}" if left else None
        if line is not None:
            lines.append(line)
    expected = {p: ids_ for p, ids_ in kept.items() if p != page} | ({page: left} if left else {})
    write(project, KEPT_IDS, lines, expected)
    return gone


def queries_left(project: Path, page: str, ids: list[str]) -> dict[str, list[dict]]:
    """Each language's search queries but those expecting one of these sections of page."""
    gone = {f"{page}#{sid}" for sid in ids}
    listed = read_yaml_fast(project / QUERIES) or {}
    return {locale: [q for q in items if q.get("expect") not in gone] for locale, items in listed.items()}


def too_few_queries(left: dict[str, list[dict]]) -> list[str]:
    """What a language would lack: in all, or of some kind (checks.search's minimums)."""
    lacks = []
    for locale, items in left.items():
        kinds = Counter(q.get("kind") for q in items)
        if len(items) < MIN_QUERIES:
            lacks.append(f"{locale}: {len(items)} queries, {MIN_QUERIES} needed")
        lacks += [f"{locale}: {kinds[k]} of kind {k!r}" for k in QUERY_KINDS if kinds[k] < MIN_QUERIES_OF_A_KIND]
    return lacks


def drop_queries(project: Path, page: str, ids: list[str]) -> int:
    """The queries whose expected section went dropped from search_queries.yml: how many."""
    gone = {f"{page}#{sid}" for sid in ids}
    lines = read(project, QUERIES)
    kept = [line for line in lines if not any(m.group(2) in gone for m in EXPECT.finditer(line))]
    write(project, QUERIES, kept, queries_left(project, page, ids))
    return len(lines) - len(kept)


def mend_queries(project: Path, page: str, old: str, new: str) -> list[str]:
    """The queries expecting page#old made to expect page#new: what changed."""
    text = (project / QUERIES).read_text(encoding="utf-8")
    text, done = moved_expectations(text, {(page, old): (page, new)}, str(QUERIES))
    (project / QUERIES).write_text(text, encoding="utf-8")
    return done


def mend_old_addresses(project: Path, page: str, old: str, new: str) -> list[str]:
    """The old addresses leading to page#old (translations/old_addresses.yml) made to lead to
    page#new, as the build asks once the id changed by hand: the entries mended."""
    path = project / OLD_ADDRESSES
    addresses = load_addresses(path)
    mended = [key for key, now in addresses.items() if now == f"{page}#{old}"]
    if mended:
        addresses.update(dict.fromkeys(mended, f"{page}#{new}"))
        path.write_text(addresses_text(addresses), encoding="utf-8")
    return mended


GROUP_LINE = re.compile(r"^\s*- (\[.*\])\s*(?:#.*)?$")
LOCALE_LINE = re.compile(r"^([A-Za-z_-]+):")


def drop_unused_synonyms(project: Path) -> list[str]:
    """The synonym groups of search_words.yml none of whose words the copy's pages use any more
    (the build stops on them) dropped, each a line `    - [word, …]`: those dropped, "locale: [..]"."""
    docs = project / "docs"
    listed = read_yaml_fast(project / WORDS) or {}
    unused = {}
    for lang in LANGUAGES:
        text = " ".join(page.body for page in content.pages(lang, docs))
        groups = search_words(lang, project / WORDS)["synonyms"]
        unused[lang.locale] = _unused_groups(groups, [{"title": "", "text": text}])
    if not any(unused.values()):
        return []
    lines, locale = [], None
    for line in read(project, WORDS):
        if found := LOCALE_LINE.match(line):
            locale = found[1]
        group = GROUP_LINE.match(line)
        if group and locale in unused and yaml.safe_load(group[1]) in unused[locale]:
            continue
        lines.append(line)
    expected = {
        locale: {**entry, "synonyms": [g for g in entry["synonyms"] if g not in unused.get(locale, [])]}
        if "synonyms" in entry else entry
        for locale, entry in listed.items()
    }
    write(project, WORDS, lines, expected)
    return [f"{locale}: {group}" for locale, groups in unused.items() for group in groups]


def add_to_nav(project: Path, page: str) -> None:
    """A page's line at the end of mkdocs.yml's `nav:` (file names only: labels come from front
    matter), indented as the nav's first line."""
    yml = project / "mkdocs.yml"
    lines = yml.read_text(encoding="utf-8").split("\n")
    start = lines.index("nav:")
    items = [n for n in range(start + 1, len(lines)) if lines[n].strip()]
    end = next((n for n in items if not lines[n][0].isspace()), len(lines))
    inside = [n for n in items if n < end]
    if not inside:
        raise LookupError("mkdocs.yml: an empty `nav:`")
    indent = lines[inside[0]][: len(lines[inside[0]]) - len(lines[inside[0]].lstrip())]
    lines.insert(inside[-1] + 1, f"{indent}- {page}")
    yml.write_text("\n".join(lines), encoding="utf-8")
    if nav_pages(yml)[-1:] != [page]:
        raise LookupError(f"mkdocs.yml: {page} did not land last in `nav:`; add it by hand")
