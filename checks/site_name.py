"""The site's name where a phone shows it: the header (at rest) and the menu drawer's title,
never cut by an ellipsis. Read from a Playwright page."""

from __future__ import annotations

PHONE_WIDTHS = (360, 390, 414)

# Each place's name, and whether it overflows its box (Material cuts it with an ellipsis)
CUT = """() => [[".md-header__topic:first-child .md-ellipsis", "header"],
                [".md-nav--primary > .md-nav__title", "menu"]].map(([selector, place]) => {
  const box = document.querySelector(selector)
  return box && {place, name: box.textContent.trim(), cut: box.scrollWidth > box.clientWidth + 1}
}).filter(found => found && found.cut)"""


def cut_names(page, path: str, widths=PHONE_WIDTHS) -> list[str]:
    """"header at 360 px: 'name'" for each place and width where the name does not fit."""
    page.goto(path)
    found = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        found += [f"{cut['place']} at {width} px: {cut['name']!r}" for cut in page.evaluate(CUT)]
    return found
