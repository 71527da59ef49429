"""A page's label in the navigation and the footer (its front matter `title`) must say what its
title on the page (its `#` heading) says: the same words, or their beginning ("Facturation ou
rétention" for « Facturation ou rétention : à qui parler »). The home, whose label names its
role ("Accueil"), is left out. Returns the problems found, naming the file to change."""

from __future__ import annotations

from bs4 import BeautifulSoup

from checks.parity import article
from checks.search import folded_words
from checks.site import HOME_PAGE, Language



def label_problems(html: BeautifulSoup, language: Language, page: str) -> list[str]:
    if page == HOME_PAGE:
        return []
    active = html.select_one(".md-nav--primary .md-nav__link--active")
    h1 = article(html).find("h1")
    if active is None or h1 is None:
        return [f"[{language.locale}] {page}: no navigation label or no title to compare"]
    label, title = active.get_text(" ", strip=True), h1.get_text().removesuffix("¶").strip()
    said, heading = folded_words(label), folded_words(title)
    if heading[: len(said)] != said or not said:
        return [
            f"[{language.locale}] {page}: the navigation calls it {label!r}, its title says {title!r}: "
            f"set title: in the front matter of docs/{language.locale}/{page} to the heading's words, or "
            f"their beginning (or change the heading in every language)"
        ]
    return []
