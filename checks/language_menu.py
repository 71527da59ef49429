"""The language menu of a built page (overrides/partials/alternate.html): one link per language,
each named in its own language (`lang`, or the page's when it is the page's own), and the
page's language marked with aria-current, once. Returns the problems found, as sentences naming
the language and the page."""

from __future__ import annotations

from bs4 import BeautifulSoup

from checks.site import Language

MENU_LINKS = ".md-select__list a.md-select__link"


def language_menu_problems(html: BeautifulSoup, language: Language, page: str, languages: list[Language]) -> list[str]:
    where = f"[{language.locale}] {page}: language menu"
    links = html.select(MENU_LINKS)
    page_lang = html.html.get("lang") if html.html else None
    problems = []
    listed = [link.get("hreflang") for link in links]
    if sorted(listed) != sorted(lang.locale for lang in languages):
        problems.append(f"{where}: lists {listed}, mkdocs.yml declares {[lang.locale for lang in languages]}")
    for link in links:
        spoken = link.get("lang", page_lang)
        if spoken != link.get("hreflang"):
            problems.append(f"{where}: {link.get_text(strip=True)!r} is marked as {spoken!r}, not {link.get('hreflang')!r}")
    current = [link.get("hreflang") for link in links if link.get("aria-current")]
    if current != [language.locale]:
        problems.append(f"{where}: aria-current on {current}, expected on [{language.locale!r}] alone")
    return problems
