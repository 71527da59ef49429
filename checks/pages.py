"""Checks of the built site, one function each: they return the problems they find, as
sentences that name the language, the page and what is wrong; the tests assert there are none.

Every function reads one language's page, so the tests can parametrise by language and page.
"""

from __future__ import annotations

from pathlib import Path

from checks.site import Language, built_page, soup

def page_not_built(site_dir: Path, language: Language, page: str) -> list[str]:
    built = built_page(site_dir, language, page)
    if built.is_file():
        return []
    return [
        f"[{language.locale}] {page}: not built (no {built.relative_to(site_dir)}); "
        f"is docs/{language.locale}/{page} missing?"
    ]


def contract_id_problems(site_dir: Path, language: Language, page: str, ids: list[str]) -> list[str]:
    """Each of the ids others rely on must stand exactly once on the page."""
    html = soup(built_page(site_dir, language, page))
    counts = {anchor: len(html.find_all(id=anchor)) for anchor in ids}
    return [
        f"[{language.locale}] {page}: id #{anchor} found {count} times, expected once"
        for anchor, count in counts.items()
        if count != 1
    ]


def html_lang_problems(site_dir: Path, language: Language, page: str) -> list[str]:
    lang = soup(built_page(site_dir, language, page)).html.get("lang")
    if lang == language.locale:
        return []
    return [f"[{language.locale}] {page}: <html lang={lang!r}>, expected {language.locale!r}"]
