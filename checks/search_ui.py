"""A reader at Material's search box, driven through a Playwright page: open it, type a query,
read the results and time them. Shared by the browser tests and `python -m benchmarks.search`;
every function returns data, the callers judge it."""

from __future__ import annotations

from dataclasses import dataclass

from checks.search import expected_path, foreign_results
from checks.site import Language

QUERY = ".md-search__input"
META = ".md-search-result__meta"
LINKS = ".md-search-result__link:not([data-search-offer])"
# What the results panel offers when nothing matches (search-language.js): not results
OFFERS = ".md-search-result__link[data-search-offer]"

# Resolves, once the next key is pressed in the search box, with the milliseconds from that
# keystroke to the frame that shows the results it brought (Material renders them in one go).
TIME_NEXT_KEYSTROKE = """() => {
  const input = document.querySelector(".md-search__input")
  const results = document.querySelector(".md-search-result")
  window.__searchTiming = new Promise(resolve => {
    input.addEventListener("keydown", event => {
      const observer = new MutationObserver(() => {
        observer.disconnect()
        requestAnimationFrame(() => resolve(performance.now() - event.timeStamp))
      })
      observer.observe(results, {childList: true, subtree: true, characterData: true})
    }, {once: true})
  })
}"""

# Resolves once the results have not changed for `quiet` milliseconds.
SETTLED = """quiet => new Promise(resolve => {
  const results = document.querySelector(".md-search-result")
  let timer = setTimeout(done, quiet)
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quiet) })
  function done() { observer.disconnect(); resolve() }
  observer.observe(results, {childList: true, subtree: true, characterData: true})
})"""


@dataclass
class Hit:
    path: str  # site path of the link, "?h=" dropped: "es/faq/#refund"
    title: str  # the result's title, as displayed
    score: float  # Material's score of the result (data-md-score): Enter opens the highest


def open_search(page, key: str = "/") -> None:
    """Open the search the way a keyboard user does, and wait until it can answer."""
    page.keyboard.press(key)
    page.wait_for_function(
        """() => {
             const words = JSON.parse(document.getElementById("__config").textContent).translations
             const meta = document.querySelector(".md-search-result__meta")
             return meta.textContent.trim() === words["search.result.placeholder"]
           }""",
        timeout=15_000,
    )


def wait_for_answer(page) -> None:
    """Wait until the search shows its answer to the query in the box: results, or none (as
    after a ?q= in the address, which opens the search with that query)."""
    page.wait_for_function(
        """() => {
             const words = JSON.parse(document.getElementById("__config").textContent).translations
             const meta = document.querySelector(".md-search-result__meta").textContent.trim()
             return ["none", "one", "other"].some(count => {
               const [before, after] = words["search.result." + count].split("#")
               if (after === undefined) return meta === before
               const number = meta.slice(before.length, meta.length - after.length)
               return meta.startsWith(before) && meta.endsWith(after) && /^[0-9]+$/.test(number)
             })
           }""",
        timeout=15_000,
    )


def clear(page) -> None:
    """Empty the search box with the keyboard, so that Material sees it (it listens to keyup)."""
    page.locator(QUERY).press("Control+a")
    page.keyboard.press("Backspace")
    page.evaluate(SETTLED, 100)


def type_query(page, query: str) -> float:
    """Type a query key by key; returns the ms from its last keystroke to results on screen."""
    clear(page)
    page.keyboard.type(query[:-1])
    page.evaluate(SETTLED, 150)
    page.evaluate(TIME_NEXT_KEYSTROKE)
    page.keyboard.press(query[-1])
    return page.evaluate("window.__searchTiming")


def hits(page) -> list[Hit]:
    """The result links in the order shown, each with its title and score."""
    return [
        Hit(**hit)
        for hit in page.locator(LINKS).evaluate_all(
            """links => links.map(link => {
                 const url = new URL(link.href)
                 return {path: url.pathname.replace(/^\\//, "") + url.hash,
                         title: link.querySelector("h1, h2").textContent.trim(),
                         score: parseFloat(link.querySelector("[data-md-score]").dataset.mdScore)}
               })"""
        )
    ]


def ranked(found: list[Hit]) -> list[Hit]:
    """Hits best first, as Material ranks them: by score, the order shown breaking ties. Material
    shows them grouped by page, each page's title first (with a score of 0 when only its
    sections match); the first of this list is what Enter opens."""
    return sorted(found, key=lambda hit: -hit.score)


def rank(found: list[Hit], language: Language, expect: str) -> int | None:
    """Where the expected hit (tests/search_queries.yml's `expect`) ranks, from 1; None if absent."""
    paths = [hit.path for hit in ranked(found)]
    wanted = expected_path(language, expect)
    return paths.index(wanted) + 1 if wanted in paths else None


def meta_text(page) -> str:
    return page.locator(META).inner_text().strip()


def query_problems(page, item: dict, language: Language, languages: list[Language]) -> list[str]:
    """Type one query of tests/search_queries.yml; what is wrong with its results."""
    type_query(page, item["query"])
    found = hits(page)
    top = [hit.path for hit in ranked(found)[:3]]
    where = f"[{language.locale}] {item['query']!r}"
    problems = [
        f"{where}: result from another language: {path}"
        for path in foreign_results([hit.path for hit in found], language, languages)
    ]
    if "expect" in item and expected_path(language, item["expect"]) not in top:
        problems.append(f"{where}: {item['expect']} not in the top 3: {top}")
    titles = [hit.title for hit in ranked(found)[:3]]
    if "shows" in item and not any(item["shows"] in title for title in titles):
        problems.append(f"{where}: no top-3 title shows {item['shows']!r}: {titles}")
    return problems
