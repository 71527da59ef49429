"""The footer's links on a phone: the bar never shows only arrows, with no page named (a phone
trial found the last page's footer a dark bar with a lone arrow). Read from a Playwright page."""

from __future__ import annotations

# The names the footer's links show, as a reader sees them (hidden text left out)
SHOWN_NAMES = """() => [...document.querySelectorAll(".md-footer__link")]
  .map(link => link.innerText.replace(/\\s+/g, " ").trim()).filter(Boolean)"""


def unnamed_footers(page, paths: list[str]) -> list[str]:
    """The paths whose footer has links but shows no page name."""
    found = []
    for path in paths:
        page.goto(path)
        if page.locator(".md-footer__link").count() and not page.evaluate(SHOWN_NAMES):
            found.append(path)
    return found
