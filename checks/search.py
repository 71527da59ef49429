"""What the tests and the benchmark know about search: each language's index, the checks run
on it, the queries readers type (search_queries.yml) and the search interface's words.

The checks return the problems they find, as sentences naming the language, the entry and what
is wrong; the tests assert there are none.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import material

from checks.parity import FAQ_PAGE
from checks.site import (
    MKDOCS_YML,
    SEARCH_QUERIES_YML,
    SEARCH_WORDS_YML,
    Language,
    built_page,
    i18n_config,
    language_of,
    load_config,
    nav_pages,
    site_path,
    soup,
)
from checks.yaml_files import read_yaml

# The queries readers type, each with the section it must find: read only through queries().
QUERIES_YML = SEARCH_QUERIES_YML
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
# The lunr pipeline every language's index must run: its own stop words and stemmer.
REQUIRED_PIPELINE = {"stopWordFilter", "stemmer"}


def index_file(site_dir: Path, language: Language) -> Path:
    """Where a language's search index lands: next to its pages."""
    return site_dir / language.prefix / "search" / "search_index.json"


def load_index(site_dir: Path, language: Language) -> dict:
    return json.loads(index_file(site_dir, language).read_text(encoding="utf-8"))


def index_sizes(site_dir: Path, language: Language) -> tuple[int, int]:
    """The index's size in bytes, raw and gzipped (as a static host would serve it)."""
    raw = index_file(site_dir, language).read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=9))


def index_config_problems(index: dict, language: Language) -> list[str]:
    config = index.get("config", {})
    problems = []
    if config.get("lang") != [language.locale]:
        problems.append(
            f"[{language.locale}] search index: lunr languages {config.get('lang')}, "
            f"expected only [{language.locale!r}]"
        )
    missing = sorted(REQUIRED_PIPELINE - set(config.get("pipeline", [])))
    if missing:
        problems.append(f"[{language.locale}] search index: pipeline lacks {missing}")
    return problems


def foreign_entries(index: dict, language: Language, languages: list[Language]) -> list[str]:
    """Entries of another language: an index that mixes languages."""
    return [
        f"[{language.locale}] search index: {doc['location'] or '/'} ({doc['title']!r}) "
        f"belongs to {language_of(doc['location'], languages).locale}"
        for doc in index.get("docs", [])
        if language_of(doc["location"], languages) != language
    ]


def heading_titles(site_dir: Path, language: Language, page: str) -> dict[str, str]:
    """A built page's sections: heading id -> heading text, as a reader sees it."""
    headings = soup(built_page(site_dir, language, page)).select(".md-content h2[id]")
    return {h["id"]: h.get_text().removesuffix("¶").strip() for h in headings}


def missing_sections(
    index: dict, site_dir: Path, language: Language, pages: list[str]
) -> list[str]:
    """Each guide section and FAQ question must be its own entry, under the page's title."""
    titles = {doc["location"]: doc["title"] for doc in index.get("docs", [])}
    problems = []
    for page in pages:
        for anchor, heading in heading_titles(site_dir, language, page).items():
            location = f"{site_path(language, page)}#{anchor}"
            if location not in titles:
                problems.append(f"[{language.locale}] {page}: no search entry for #{anchor}")
            elif titles[location] != heading:
                problems.append(
                    f"[{language.locale}] {page}: search entry #{anchor} titled "
                    f"{titles[location]!r}, the page says {heading!r}"
                )
    return problems


def lost_accents(index: dict, language: Language, docs_dir: Path, pages: list[str]) -> list[str]:
    """Accented letters of the pages missing from the index: text folded where it is shown."""
    page_text = "".join((docs_dir / language.locale / page).read_text("utf-8") for page in pages)
    accented = {c for c in page_text if c.isalpha() and not c.isascii()}
    indexed = "".join(doc["title"] + doc["text"] for doc in index.get("docs", []))
    lost = sorted(accented - set(indexed))
    return [f"[{language.locale}] search index: accented letters {lost} lost"] if lost else []


# -- The queries readers type -------------------------------------------------------------------

# What the queries of search_queries.yml try (its header says what each means).
QUERY_KINDS = ("word", "words", "question", "typo", "own word", "number", "purpose", "english")
# How many a language needs: in all, and of each kind.
MIN_QUERIES, MIN_QUERIES_OF_A_KIND = 20, 2


def queries(language: Language, queries_yml: Path = QUERIES_YML) -> list[dict]:
    """A language's test queries: [{"query": ..., "expect": "faq.md#refund"}, ...]."""
    by_locale = read_yaml(queries_yml) or {}
    if language.locale not in by_locale:
        raise LookupError(
            f"[{language.locale}] no search queries in {queries_yml.name}: add a list under "
            f"'{language.locale}:' (at least {MIN_QUERIES}, of every kind: {', '.join(QUERY_KINDS)})"
        )
    return by_locale[language.locale]


def expected_path(language: Language, expect: str) -> str:
    """The site path a query's expected hit links to: "faq.md#refund" -> "es/faq/#refund"."""
    page, _, anchor = expect.partition("#")
    return site_path(language, page) + (f"#{anchor}" if anchor else "")


def result_paths(hrefs: list[str]) -> list[str]:
    """Result links as site paths: Material's "?h=" highlight parameter dropped."""
    paths = []
    for href in hrefs:
        url = urlsplit(href)
        paths.append(url.path.lstrip("/") + (f"#{url.fragment}" if url.fragment else ""))
    return paths


def foreign_results(paths: list[str], language: Language, languages: list[Language]) -> list[str]:
    """Result paths that lead to another language's pages."""
    return [path for path in paths if language_of(path, languages) != language]


# -- The words search treats apart: search_words.yml ---------------------------------------------


def search_words(language: Language, words_yml: Path = SEARCH_WORDS_YML) -> dict:
    """A language's question words, definitions and synonyms, as search_words.yml lists them."""
    by_locale = read_yaml(words_yml) or {}
    if language.locale not in by_locale:
        raise LookupError(f"[{language.locale}] no search words in {words_yml.name}")
    entry = by_locale[language.locale]
    return {name: entry.get(name, []) for name in ("questions", "definitions", "synonyms")}


def index_words_problems(index: dict, language: Language, words: dict) -> list[str]:
    """The language's words must ride in its index, as search_words.yml lists them."""
    carried = index.get("config", {}).get("words")
    if carried != words:
        return [f"[{language.locale}] search index: words {carried!r}, search_words.yml lists {words!r}"]
    return []


def folded_words(text: str) -> list[str]:
    """A text's words as search compares them: lower case, unaccented, markup left out."""
    text = unicodedata.normalize("NFD", re.sub(r"<[^>]*>", " ", text).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", text)


def padded(text: str) -> str:
    """A text's folded words between spaces (" d annulation "): a word or phrase is used by a
    text when padded(phrase) is in padded(text)."""
    return f" {' '.join(folded_words(text))} "


def entries_using(index: dict, phrase: str) -> set[str]:
    """The locations of the entries whose heading or text use a word or phrase as written."""
    wanted = folded_words(phrase)
    found = set()
    for doc in index.get("docs", []):
        words = folded_words(doc["title"] + " " + doc["text"])
        if any(words[n : n + len(wanted)] == wanted for n in range(len(words))):
            found.add(doc["location"])
    return found


# -- What the results panel offers when nothing matches ------------------------------------------

FAQ = FAQ_PAGE  # offered first, whole; every other page of the nav (the home aside) by its sections


def page_heading(site_dir: Path, language: Language, page: str) -> str:
    h1 = soup(built_page(site_dir, language, page)).select_one(".md-content h1")
    return h1.get_text().removesuffix("¶").strip() if h1 else ""


def expected_offers(site_dir: Path, language: Language, mkdocs_yml: Path = MKDOCS_YML) -> list[tuple[str, str]]:
    """(site path, title) of what a search that finds nothing offers: the FAQ, then each guide
    page's sections in reading order (the page itself when it has none), the home aside."""
    pages = nav_pages(mkdocs_yml)
    offers = [(site_path(language, FAQ), page_heading(site_dir, language, FAQ))] if FAQ in pages else []
    for page in pages:
        if page in (FAQ, pages[0]):
            continue
        sections = heading_titles(site_dir, language, page)
        offers += [(f"{site_path(language, page)}#{anchor}", title) for anchor, title in sections.items()]
        offers += [] if sections else [(site_path(language, page), page_heading(site_dir, language, page))]
    return offers


def index_offers(index: dict) -> list[tuple[str, str]]:
    """(site path, title) of what the index says to offer."""
    titles = {doc["location"]: doc["title"] for doc in index.get("docs", [])}
    return [(location, titles.get(location, "")) for location in index.get("config", {}).get("offers", [])]


def none_line(language: Language, mkdocs_yml: Path = MKDOCS_YML) -> str:
    """The line above the offers (extra.search_none of the language), {query} unfilled."""
    config = load_config(mkdocs_yml)
    for declared in i18n_config(config)["languages"]:
        if declared["locale"] == language.locale:
            return declared.get("extra", {}).get("search_none") or config.get("extra", {}).get("search_none", "")
    return ""


# -- Material's words for the search interface --------------------------------------------------

SEARCH_WORDS = [
    "search.placeholder",
    "search.result.placeholder",
    "search.result.none",
    "search.result.one",
    "search.result.other",
]


def material_translations(locale: str) -> dict[str, str]:
    """Material's search interface words in a language, from its partials/languages/<locale>."""
    text = (MATERIAL_LANGUAGES / f"{locale}.html").read_text(encoding="utf-8")
    pairs = dict(re.findall(r'^\s*"([\w.]+)":\s*"(.*)",?\s*$', text, re.MULTILINE))
    return {key: pairs[key] for key in SEARCH_WORDS if key in pairs}


# A word of five letters or more with punctuation stuck to it ("rétention ?" has a no-break
# space before its "?"; "rétention:" has none).
STUCK = re.compile(r"([^\W\d_]{5,})[?!:;,.)»]")


def word_before_punctuation(index: dict) -> str | None:
    """A word of a language's index that its text writes with punctuation stuck to it (the
    first found), or None: what a reader may search for and see marked in the results."""
    for entry in index["docs"]:
        found = STUCK.search(re.sub(r"<[^>]*>", " ", entry["text"]))
        if found:
            return found.group(1)
    return None
