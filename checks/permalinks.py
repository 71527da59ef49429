"""Where a heading's permalink mark falls on a narrow screen: on the line of the heading's last
character, never alone on a line of its own. Read from a Playwright page."""

from __future__ import annotations

# Phone widths tried: small, common, large
PHONE_WIDTHS = (320, 360, 390, 414)

# The ids of the headings whose permalink mark starts below the heading's last character
ORPHANS = """() => [...document.querySelectorAll("article :is(h1,h2,h3,h4,h5,h6) > a.headerlink")].filter(mark => {
  const texts = [...mark.parentElement.childNodes].filter(node => node.nodeType === 3 && node.textContent.trim())
  if (!texts.length) return false
  const last = texts[texts.length - 1], text = last.textContent.replace(/\\s+$/, "")
  const range = document.createRange()
  range.setStart(last, text.length - 1)
  range.setEnd(last, text.length)
  return mark.getBoundingClientRect().top >= range.getBoundingClientRect().bottom - 2
}).map(mark => mark.parentElement.id)"""


def orphan_marks(page, paths: list[str], widths=PHONE_WIDTHS, first_only: bool = False) -> list[str]:
    """"path#id at N px" for each heading whose mark wraps alone, over the paths and widths (each
    page loaded once, then laid out at each width); first_only: stop at the first found."""
    found = []
    for path in paths:
        page.goto(path)
        for width in widths:
            page.set_viewport_size({"width": width, "height": 800})
            found += [f"{path}#{heading} at {width} px" for heading in page.evaluate(ORPHANS)]
            if found and first_only:
                return found
    return found
