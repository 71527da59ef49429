"""What readers must see of how recent each answer is (overrides/hooks/freshness_dates.py),
worked out here on its own from the lock, and compared with the built site: under each page's
title the latest day its entries were confirmed; under a section confirmed on another day, its
own; none under a pending section (its notice says when the text it lags behind changed); the
same day as the page's `<lastmod>` in the sitemaps. Dates are written by Babel in the page's
language, inside the language's `extra.updated`.

Each check returns the problems it finds, as sentences naming the language, the page and the
section; the tests assert there are none.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from babel.dates import format_date
from bs4 import Tag

from checks.freshness import Pending
from checks.parity import DATE_CLASS, HEADINGS, article
from checks.seo import language_extra
from checks.site import MKDOCS_YML, Language, built_page, load_config, site_path, soup

IMPORTED = "import"  # the lock's word for text untouched since the import
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def imported_on(mkdocs_yml: Path = MKDOCS_YML) -> date:
    """The day the guide was imported (extra.freshness.imported of mkdocs.yml)."""
    return load_config(mkdocs_yml)["extra"]["freshness"]["imported"]


def updated_text(language: Language, mkdocs_yml: Path = MKDOCS_YML) -> str:
    """The language's words around a date, "{date}" unfilled."""
    return language_extra(language, mkdocs_yml).get("updated", "")


def confirmed_dates(lock: dict, page: str, imported: date) -> dict[str, date]:
    """Each standing section of a page in the lock and its day (its :title and :description are
    labels, not content, and date nothing)."""
    found = {}
    for section, entry in (lock.get(page) or {}).items():
        if "removed" in entry or section.startswith(":"):
            continue
        confirmed = entry.get("confirmed")
        found[section] = imported if confirmed == IMPORTED else date.fromisoformat(str(confirmed))
    return found


def shown(tag: Tag | None) -> tuple[date, str] | None:
    """The day a date paragraph gives (its <time datetime>) and its text, if tag is one."""
    if tag is None or DATE_CLASS not in tag.get("class", []) or tag.find("time") is None:
        return None
    return date.fromisoformat(tag.find("time")["datetime"]), tag.get_text(" ", strip=True)


def date_problems(
    site_dir: Path, language: Language, page: str, lock: dict, imported: date,
    pending: list[Pending], words: str,
) -> list[str]:
    """How the built page's dates differ from what the lock says it must show."""
    where = f"[{language.locale}] {page}"
    dates = confirmed_dates(lock, page, imported)
    content = article(soup(built_page(site_dir, language, page)))
    stamps = content.find_all(class_=DATE_CLASS)
    if not dates:
        return [f"{where}: not in translations/lock.yml, yet shows a date"] if stamps else []
    newest = max(dates.values())
    problems = []

    def expect(tag: Tag | None, day: date, what: str) -> None:
        found = shown(tag)
        wanted = words.replace("{date}", format_date(day, format="long", locale=language.locale))
        if found is None:
            problems.append(f"{where}: {what}: no date; the lock says {day}")
        elif found[0] != day:
            problems.append(f"{where}: {what}: shows {found[0]}, the lock says {day}")
        elif found[1] != wanted:
            problems.append(f"{where}: {what}: reads {found[1]!r}, expected {wanted!r}")

    title = content.find("h1")
    expect(title.find_next_sibling() if title else content.find(), newest, "under the title")
    waiting = {entry.section for entry in pending if (entry.language, entry.page) == (language.locale, page)}
    for heading in content.find_all(HEADINGS[1:], recursive=False):
        section = heading.get("id")
        if section not in dates:
            continue
        after = heading.find_next_sibling()
        if section not in waiting and dates[section] != newest:
            expect(after, dates[section], f"#{section}")
        elif shown(after):
            why = "pending here (its notice gives the day)" if section in waiting else f"confirmed with the page ({newest})"
            problems.append(f"{where}: #{section}: shows a date of its own, though {why}")
    return problems


def sitemap_problems(site_dir: Path, languages: list[Language], lock: dict, imported: date, pages: list[str]) -> list[str]:
    """Each page's <lastmod> in the root sitemap must be its date from the lock."""
    lastmod = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in ET.parse(site_dir / "sitemap.xml").getroot().iter(f"{SITEMAP}url")
    }
    root = min(lastmod, key=len)  # the site's address: the default language's home
    problems = []
    for language in languages:
        for page in pages:
            dates = confirmed_dates(lock, page, imported)
            found = lastmod.get(root + site_path(language, page))
            wanted = max(dates.values()).isoformat() if dates else None
            if wanted and found != wanted:
                problems.append(f"[{language.locale}] {page}: sitemap.xml <lastmod> {found}, the lock says {wanted}")
    return problems
