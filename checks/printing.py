"""What a page gives on paper (or in a PDF saved from a phone): the content and its date alone,
each link's full address written after it. Read from a Playwright page rendering print media;
returns the problems found as sentences naming the language and the page."""

from __future__ import annotations

from urllib.parse import urljoin

from checks.parity import ANSWER_CLASS, DATE_CLASS
from checks.site import Language

# What must not be printed: the header (search, language menu), the navigation, the footer, the
# back-to-top button and the answer-back links
SCREEN_ONLY = (".md-header", ".md-sidebar", ".md-footer", ".md-top", ".md-search", f".{ANSWER_CLASS}")

PRINTED = """([screenOnly, dateClass]) => {
  const shown = el => { const box = el.getBoundingClientRect(); return box.width > 0 && box.height > 0 &&
                        getComputedStyle(el).visibility !== "hidden" }
  const article = document.querySelector("article")
  const first = [...article.children].filter(shown).slice(0, 2)  // the title, then the date
  return {
    shown: screenOnly.filter(selector => [...document.querySelectorAll(selector)].some(shown)),
    first: first.map(el => el.tagName + "." + el.className),
    dated: first.some(el => el.classList.contains(dateClass)),
    links: [...article.querySelectorAll("a[href]")].filter(shown).map(a => ({href: a.getAttribute("href"), after: getComputedStyle(a, "::after").content})),
  }
}"""


def print_problems(page, language: Language, name: str) -> list[str]:
    """On a page already showing print media (page.emulate_media(media="print"))."""
    where = f"[{language.locale}] {name}, printed"
    found = page.evaluate(PRINTED, [list(SCREEN_ONLY), DATE_CLASS])
    problems = [f"{where}: shows {selector}" for selector in found["shown"]]
    if not found["dated"]:
        problems.append(f"{where}: no date at the top (it starts with {found['first']})")
    for link in found["links"]:
        if link["href"].startswith("#"):
            continue
        address = urljoin(page.url, link["href"])  # site_url is where the site is served from
        if address not in (link["after"] or ""):
            problems.append(f"{where}: the link to {link['href']!r} is printed without its address ({link['after']})")
    return problems
