"""Checks of the built site, one function each: they return the problems they find, as
sentences that name the language, the page and what is wrong; the tests assert there are none.

Every function reads one language's page, so the tests can parametrise by language and page.
"""

from __future__ import annotations

from pathlib import Path

from checks.freshness import load_lock, project_files, removed
from checks.old_addresses import OLD_ADDRESSES, load_addresses
from checks.site import Language, built_page, soup

def page_not_built(site_dir: Path, language: Language, page: str) -> list[str]:
    built = built_page(site_dir, language, page)
    if built.is_file():
        return []
    return [
        f"[{language.locale}] {page}: not built (no {built.relative_to(site_dir)}); "
        f"is docs/{language.locale}/{page} missing?"
    ]


def contract_id_problems(
    site_dir: Path, language: Language, page: str, ids: list[str], landing: frozenset[str] = frozenset()
) -> list[str]:
    """Each of the ids others rely on must stand exactly once on the page, unless its address
    still lands (landing, see landing_addresses): renamed or moved, or its section removed."""
    html = soup(built_page(site_dir, language, page))
    counts = {anchor: len(html.find_all(id=anchor)) for anchor in ids}
    return [
        f"[{language.locale}] {page}: id #{anchor} found {count} times, expected once"
        for anchor, count in counts.items()
        if count > 1 or (count == 0 and f"{page}#{anchor}" not in landing)
    ]


def landing_addresses(project: Path) -> frozenset[str]:
    """The "page#id"s that still land though no heading has the id: the old addresses of sections
    renamed or moved (translations/old_addresses.yml), which lead to them, and sections removed
    from every language and confirmed (the lock keeps them as removed), which land on their page."""
    lock_file, _ = project_files(project)
    removed_ones = {
        f"{page}#{section}" for page, sections in load_lock(lock_file).items()
        for section, entry in sections.items() if removed(entry)
    }
    return frozenset(load_addresses(project / OLD_ADDRESSES)) | removed_ones


def html_lang_problems(site_dir: Path, language: Language, page: str) -> list[str]:
    lang = soup(built_page(site_dir, language, page)).html.get("lang")
    if lang == language.locale:
        return []
    return [f"[{language.locale}] {page}: <html lang={lang!r}>, expected {language.locale!r}"]
