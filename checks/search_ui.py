"""A reader at Material's search box, driven through a Playwright page: open it, type a query,
read the results and time them. Shared by the browser tests and `python -m benchmarks.search`;
every function returns data, or the problems it finds as sentences: the callers judge them."""

from __future__ import annotations

import re

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from checks.answer_back import destination, message_problems
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


# True once the search shows its prompt ("Type to start searching"): it can answer, and its box
# is empty.
SHOWS_PROMPT = """() => {
  const words = JSON.parse(document.getElementById("__config").textContent).translations
  const meta = document.querySelector(".md-search-result__meta")
  return meta.textContent.trim() === words["search.result.placeholder"]
}"""


def open_search(page, key: str = "/") -> None:
    """Open the search the way a keyboard user does, and wait until it can answer."""
    page.keyboard.press(key)
    page.wait_for_function(SHOWS_PROMPT, timeout=15_000)


def focus_search(page) -> None:
    """Press "/" and wait until the search box has the focus, not for search to load (the index
    request waits for the box): what a reader typing at once meets on first use."""
    page.keyboard.press("/")
    page.wait_for_function(f"() => document.activeElement === document.querySelector({QUERY!r})")


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
    """Empty the search box with the keyboard, so that Material sees it (it listens to keyup),
    and forget which query the results on screen answered: the same query typed again waits
    for its own answer."""
    page.evaluate("() => document.querySelector('.md-search-result').removeAttribute('data-search-query')")
    page.locator(QUERY).press("Control+a")
    page.keyboard.press("Backspace")
    page.wait_for_function(SHOWS_PROMPT)


def type_query(page, query: str) -> float:
    """Type a query key by key; returns the ms from its last keystroke to results on screen."""
    clear(page)
    page.keyboard.type(query[:-1])
    page.evaluate(SETTLED, 150)
    page.evaluate(TIME_NEXT_KEYSTROKE)
    page.keyboard.press(query[-1])
    return page.evaluate("window.__searchTiming")


def type_whole_query(page, query: str) -> None:
    """Put a query in the box as a paste or a keyboard's suggestion does, then type its last key
    (Material searches on keyup), and wait for the results of the whole query: one search rather
    than one a key, for checks of what a query finds. (A reader typing key by key, and Enter
    pressed before the answers, are the Enter tests' and type_query's.)"""
    clear(page)
    page.keyboard.insert_text(query[:-1])
    page.keyboard.press(query[-1])
    if page.locator("script[data-worker]").count():  # search-language.js names each answer's query
        page.wait_for_function(ANSWERED, arg=query, timeout=15_000)
    else:  # a broken twin without it: Material's results, once they stop changing
        page.evaluate(SETTLED, 150)


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
    """Where the expected hit (search_queries.yml's `expect`) ranks, from 1; None if absent."""
    paths = [hit.path for hit in ranked(found)]
    wanted = expected_path(language, expect)
    return paths.index(wanted) + 1 if wanted in paths else None


def meta_text(page) -> str:
    return page.locator(META).inner_text().strip()


def query_problems(page, item: dict, language: Language, languages: list[Language]) -> list[str]:
    """Type one query of search_queries.yml; what is wrong with its results."""
    type_whole_query(page, item["query"])
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


# -- What readers get beyond single words --------------------------------------------------------
# Each function drives the search box of a page already open on the site, and returns what is
# wrong, in sentences naming the language, the query and what differs.

ANSWERED = """query => document.querySelector(".md-search-result").getAttribute("data-search-query") === query"""
# A word no page of any language holds, and one to add to a query: it is found nowhere
NOTHING = "zqxwv"
UNKNOWN = "Zyxwéqs"


def search(page, text: str) -> list[Hit]:
    """Put text in the search box at once, as a paste does, and wait for its answer (the results
    panel names the query it answers: search-language.js); its hits."""
    box = page.locator(QUERY)
    box.fill(text)
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function(ANSWERED, arg=text, timeout=15_000)
    return hits(page)


def heading_problems(page, language: Language, headings: dict[str, str]) -> list[str]:
    """Each heading typed as it reads (site path -> heading) must rank its own section first."""
    return list(heading_misses(page, language, headings))


def heading_misses(page, language: Language, headings: dict[str, str]) -> Iterator[str]:
    """heading_problems one at a time, each searched for when asked: a broken twin needs only
    the first."""
    for path, heading in headings.items():
        found = ranked(search(page, heading))
        first = found[0].path if found else None
        if first != path:
            yield f"[{language.locale}] {heading!r} typed: first /{first}, not its section /{path}"


def synonym_problems(page, language: Language, groups: list[list[str]], using) -> list[str]:
    """Each word of each synonym group, typed alone, must find every entry that uses a word of its
    group as written (using(word) -> their site paths)."""
    return list(synonym_misses(page, language, groups, using))


def synonym_misses(page, language: Language, groups: list[list[str]], using) -> Iterator[str]:
    """synonym_problems one at a time, each searched for when asked: a broken twin needs only
    the first."""
    for group in groups:
        holders = set().union(*(using(word) for word in group))
        if not holders:
            yield f"[{language.locale}] synonyms {group}: no entry uses one of them as written"
        for word in group:
            found = {hit.path for hit in search(page, word) if hit.score > 0}
            missed = sorted(holders - found)
            if missed:
                yield f"[{language.locale}] synonym {word!r} of {group}: misses {missed}"


def offered(page) -> list[tuple[str, str]]:
    """(site path, title) of each page or section the results panel offers."""
    return [
        tuple(offer)
        for offer in page.locator(OFFERS).evaluate_all(
            """links => links.map(link => {
                 const url = new URL(link.href)
                 return [url.pathname.replace(/^\\//, "") + url.hash, link.textContent.trim()]
               })"""
        )
    ]


def offer_problems(page, language: Language, none: str, line: str, expected: list[tuple[str, str]]) -> list[str]:
    """Search NOTHING: Material's "no result" (none), our line with the words typed (line, its
    {query} filled), then the expected offers, in the page's language, and last the link to
    write to the editors, its message carrying the words typed."""
    where = f"[{language.locale}] {NOTHING!r}"
    found = search(page, NOTHING)
    problems = [f"{where}: results {[hit.path for hit in found]}"] if found else []
    if meta_text(page) != none:
        problems.append(f"{where}: the count line says {meta_text(page)!r}, not {none!r}")
    lines = page.locator(".md-search-result__list p:not(:has([data-answer-back]))").all_inner_texts()
    wanted = line.replace("{query}", NOTHING)
    if [text.strip() for text in lines] != [wanted]:
        problems.append(f"{where}: the line above the offers reads {lines}, not {wanted!r}")
    if offered(page) != expected:
        problems.append(f"{where}: offers {offered(page)}, expected {expected}")
    write = page.locator(".md-search-result__list a[data-answer-back]")
    if write.count() != 1:
        return problems + [f"{where}: {write.count()} links to write to the editors, not 1"]
    return problems + message_problems(write.get_attribute("href"), where, destination(), [NOTHING, language.name], "")


def missing_word_problems(page, language: Language, query: str) -> list[str]:
    """query + UNKNOWN: the results of query, each teaser saying UNKNOWN is missing, as typed."""
    text = f"{query} {UNKNOWN}"
    found = search(page, text)
    where = f"[{language.locale}] {text!r}"
    if not found:
        return [f"{where}: no result"]
    lines = page.locator(".md-search-result__terms").evaluate_all(
        "terms => terms.map(line => [...line.querySelectorAll('del')].map(del => del.textContent))"
    )
    if not lines or any(words != [UNKNOWN] for words in lines):
        return [f"{where}: the results' missing words read {lines}, not [{UNKNOWN!r}] each"]
    return []


def marked_words(page, timeout_ms: int = 10_000) -> list[str]:
    """The words Material marks on a page opened from a result, once it has marked them; none if
    it marks nothing within timeout_ms."""
    try:
        page.wait_for_selector("mark[data-md-highlight]", timeout=timeout_ms)
    except Exception:  # Playwright's TimeoutError: nothing marked
        return []
    return page.locator("mark[data-md-highlight]").all_inner_texts()


def highlight_problems(page, language: Language, item: dict, timeout_ms: int = 10_000) -> list[str]:
    """Type a query (search_queries.yml) and press Enter: the page it opens marks the word
    `shows`, with its accents, however it was typed, within timeout_ms."""
    start = page.url
    type_query(page, item["query"])
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != start, timeout=10_000)
    marks = marked_words(page, timeout_ms)
    where = f"[{language.locale}] {item['query']!r}, opened {page.url}"
    if not any(item["shows"].lower() in mark.lower() for mark in marks):
        return [f"{where}: marks {marks[:8]}, none {item['shows']!r}"]
    return []


def type_and_enter(page, text: str, keys: bool = True) -> str:
    """Type text as fast as keys go, or without keys at all (keys=False: as a phone keyboard's
    suggestion lands, which Material reads only at the next key), and press Enter at once.
    Returns the page's URL before Enter, for opened()."""
    start = page.url
    if keys:
        page.keyboard.type(text)
    else:
        page.keyboard.insert_text(text)
    page.keyboard.press("Enter")
    return start


def opened(page, start: str, timeout_ms: int = 15_000) -> str | None:
    """The site path the page went to from start, or None if it stayed there for timeout_ms."""
    try:
        page.wait_for_url(lambda url: url != start, timeout=timeout_ms)
    except Exception:  # Playwright's TimeoutError: Enter opened nothing
        return None
    url = urlsplit(page.url)
    return url.path.lstrip("/") + (f"#{url.fragment}" if url.fragment else "")


def enter_opens(page, text: str, keys: bool = True, timeout_ms: int = 15_000) -> str | None:
    """type_and_enter, then the site path Enter opened (None: nothing)."""
    return opened(page, type_and_enter(page, text, keys), timeout_ms)


def prefix_trap(page, items: list[dict]) -> tuple[dict, str, str, str] | None:
    """A query of several words of search_queries.yml (items; questions first) whose top result
    differs from that of its words but the last, where an Enter on the prefix's results goes
    astray: (the item, that prefix, the whole query's top, the prefix's top); None if there is
    none."""
    for item in sorted(items, key=lambda item: item.get("kind") != "question"):
        words = item["query"].split()
        if len(words) < 2:
            continue
        prefix = " ".join(words[:-1])
        whole, before = ranked(search(page, item["query"])), ranked(search(page, prefix))
        if whole and before and whole[0].path != before[0].path:
            return item, prefix, whole[0].path, before[0].path
    return None


def punctuation_marked(page) -> list[str]:
    """The words marked in the results that carry punctuation with them ("retención?")."""
    marked = page.locator(".md-search-result mark").all_inner_texts()
    return sorted({text for text in marked if re.search(r"^[\W_]|[\W_]$", text.strip(), re.U)})
