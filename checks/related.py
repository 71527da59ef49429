"""The related sections shown after each FAQ answer and at the end of every other page but the
home (overrides/hooks/related_sections.py): one to three, each a section of another place of
the guide in the page's own language, and the same relations in every language. Each check returns
the problems it finds, as sentences naming the language, the page and the section."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from checks.parity import article
from checks.site import HOME_PAGE, Language, built_file, built_page, internal_target, language_of, site_path, soup

MOST = 3


def relations(html: BeautifulSoup, language: Language, page: str, faq_page: str) -> dict[str, list[str]]:
    """{where: [site path of each related section, as linked]}: where is "#id" for an FAQ
    answer's list, "" for the page's own."""
    content = article(html)
    found = {}
    for block in content.find_all("div", class_="related", recursive=False):
        heading = block.find_previous_sibling("h2") if page == faq_page else None
        where = f"#{heading['id']}" if heading is not None and heading.get("id") else ""
        found[where] = [
            "{}#{}".format(*internal_target(site_path(language, page), link["href"]))
            for link in block.select("li a[href]")
        ]
    return found


def neutral(path: str, languages: list[Language]) -> str:
    """A site path without its language folder: "es/faq/#refund" -> "faq/#refund"."""
    return path.removeprefix(language_of(path, languages).prefix)


def related_problems(site_dir: Path, languages: list[Language], page: str, faq_page: str) -> list[str]:
    """Each language's lists, checked on their own, then against the first language's."""
    problems, seen = [], {}
    for language in languages:
        html = soup(built_page(site_dir, language, page))
        found = relations(html, language, page, faq_page)
        wanted = [f"#{h['id']}" for h in article(html).find_all("h2", id=True, recursive=False)] if page == faq_page else [""]
        for where in ([] if page == HOME_PAGE else wanted):
            if where not in found:
                key = where.lstrip("#") or "<id of the page's title>"
                problems.append(
                    f"[{language.locale}] {page}{where}: no related sections; choose some in the front matter "
                    f"of the default language's docs/{languages[0].locale}/{page}: related: {{{key}: [page.md#id]}}"
                )
        for where, targets in found.items():
            place = f"[{language.locale}] {page}{where}"
            if not 0 < len(targets) <= MOST:
                problems.append(f"{place}: {len(targets)} related sections (1 to {MOST})")
            for target in targets:
                if language_of(target, languages) != language:
                    problems.append(f"{place}: related {target} is in another language")
                if target == f"{site_path(language, page)}{where}" or (not where and target.startswith(site_path(language, page) + "#")):
                    problems.append(f"{place}: related {target} is the very place it stands")
                if target.partition("#")[0] == site_path(language, HOME_PAGE):
                    problems.append(f"{place}: related {target} is on the home page")
        seen[language] = {where: [neutral(t, languages) for t in targets] for where, targets in found.items()}
    # A section some language lacks (pending there) is left out of that language's lists only
    def everywhere(target: str) -> bool:
        path, _, anchor = target.partition("#")
        return all(soup(built_file(site_dir, lang.prefix + path)).find(id=anchor) is not None for lang in languages)

    first = languages[0]
    for language in languages[1:]:
        for where in sorted(set(seen[first]) | set(seen[language])):
            mine = [t for t in seen[language].get(where, []) if everywhere(t)]
            theirs = [t for t in seen[first].get(where, []) if everywhere(t)]
            if mine != theirs:
                problems.append(
                    f"[{language.locale}] {page}{where}: related {mine}, while [{first.locale}] shows {theirs}"
                )
    return problems
