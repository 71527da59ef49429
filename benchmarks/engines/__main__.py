"""Compare candidate search engines on this site's own queries, to choose the one the site's
search component will use (issue 18): MiniSearch, Orama (with its French and Spanish stemmers)
and Pagefind, each fed the same sections and the same queries of search_queries.yml, in
Chromium at phone size with its CPU slowed 4 times: the built site as it is, then guides of
50, 500 and 2,000 pages a language of distinct text (benchmarks/distinct_text.py), the real
sections among them.

    npm ci && python -m benchmarks.engines [--site BUILT_SITE] [--pages 50 500 2000]

Prints, per engine, language and size: how often the expected section ranks first and in the
top 3, the mean reciprocal rank, what loading the engine and a first search fetch (gzipped: its
code, and the documents it indexes or the index chunks it needs), the first answer (loading and
a first query, as for a reader who types at once), the later queries' median and the page's
JavaScript heap; then the queries each engine misses on the site as it is. The glue is the
same for every engine and is only the site's language data (search_words.yml): question words
are left out of queries, and each section's text is given the other words of each synonym group
it uses (a field `also`).
Matching, typo tolerance and ranking are the engine's own (benchmarks/engines/harness.py).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from checks.browser import PHONE, chromium_unavailable, launch
from checks.search import expected_path, load_index, padded, queries, search_words
from checks.site import ROOT, Language, build_site, languages
from checks.static_server import serve
from checks.table import format_table

from benchmarks.distinct_text import distinct_sections
from benchmarks.search import mean_reciprocal_rank, share
from .harness import ASK, MINISEARCH, ORAMA, PAGEFIND

NODE_MODULES = ROOT / "node_modules"
# A phone's CPU, as Lighthouse's mobile runs slow it: 4 times.
THROTTLE = 4


def documents(site_dir: Path, language: Language, words: dict) -> list[dict]:
    """The sections of the language's built site as its search index lists them (one per page
    and one per heading), their text without markup, with the synonyms they use."""
    docs = []
    for entry in load_index(site_dir, language)["docs"]:
        text = BeautifulSoup(entry["text"], "html.parser").get_text(" ")
        docs.append({
            "location": entry["location"],  # a site path: the language's folder comes with it
            "title": entry["title"],
            "text": text,
            "also": also(entry["title"] + " " + text, words.get("synonyms", [])),
        })
    return docs


def also(text: str, synonyms: list[list[str]]) -> str:
    """The words of each synonym group of which the text uses a word (or phrase)."""
    folded = padded(text)
    used = [group for group in synonyms if any(padded(word) in folded for word in group)]
    return " ".join(word for group in used for word in group)


def without_question_words(query: str, words: dict) -> str:
    """The query less its question words and definition openings ("qu'est-ce que"), its "?" and
    "¿": what a reader asks about."""
    folded = padded(query)
    for phrase in sorted(words.get("definitions", []) + words.get("questions", []), key=len, reverse=True):
        folded = folded.replace(padded(phrase), " ")
    return folded.strip() or query


@dataclass
class Row:
    engine: str
    locale: str
    pages: int  # per language
    ranks: list[int | None]  # where each query's expected section ranked, from 1
    misses: list[str]
    transferred: int  # bytes (gzipped) that loading the engine and a first search fetch
    ready_ms: float  # from the start to ready for a first query
    query_ms: list[float]  # each query in turn, the first one included
    heap_mb: float  # the page's JavaScript heap once every query ran

    def share(self, within: int) -> float:
        return share(self.ranks, within)

    @property
    def mrr(self) -> float:
        return mean_reciprocal_rank(self.ranks)

    @property
    def first_answer_ms(self) -> float:
        """A reader who types before anything has loaded: loading, then the first query."""
        return self.ready_ms + self.query_ms[0]


def pagefind_bundle(docs: list[dict], language: Language, folder: Path) -> None:
    records = [{"url": doc["location"], "title": doc["title"], "language": language.locale,
                "content": f"{doc['title']}. {doc['text']} {doc['also']}"} for doc in docs]
    source = folder.with_suffix(".json")
    source.write_text(json.dumps(records), encoding="utf-8")
    subprocess.run(["node", str(Path(__file__).with_name("pagefind_index.mjs")), str(source), str(folder)],
                   check=True, cwd=ROOT, capture_output=True, text=True)


def run(page, url: str, script: str, argument: dict, typed: list[str]) -> tuple[float, list[dict], int, float]:
    """Load an engine (its harness script) on a blank page of the server, the CPU slowed
    THROTTLE times as on a phone, and ask it every query in turn: the milliseconds it took to be
    ready, each answer ({ms, hits}), the bytes (as sent, gzipped) fetched by the loading and the
    first query, and the page's JavaScript heap at the end (MB)."""
    page.goto(url + "blank.html")
    devtools = page.context.new_cdp_session(page)
    devtools.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    fetched = []

    def keep(request):
        fetched.append(request)

    page.on("requestfinished", keep)
    ready_ms = page.evaluate(script, argument)
    answers = [page.evaluate(ASK, typed[0])]
    page.remove_listener("requestfinished", keep)
    answers += [page.evaluate(ASK, query) for query in typed[1:]]
    heap = devtools.send("Runtime.getHeapUsage")["usedSize"] / 1e6
    return ready_ms, answers, sum(request.sizes()["responseBodySize"] for request in fetched), heap


def judged(items: list[dict], typed: list[str], answers: list[dict], language: Language) -> tuple[list, list]:
    """Where each query's expected section ranked (from 1, None if absent) and, for each not
    first, a line saying what came first."""
    ranks, misses = [], []
    for item, query, answer in zip(items, typed, answers):
        wanted = expected_path(language, item["expect"])
        hits = [hit.lstrip("/") for hit in answer["hits"]]  # Pagefind roots its URLs
        rank = hits.index(wanted) + 1 if wanted in hits else None
        ranks.append(rank)
        if rank != 1:
            top = hits[0] if hits else "nothing"
            misses.append(f"{item['query']!r} ({item['kind']}, typed {query!r}): "
                          f"{item['expect']} ranks {rank or 'nowhere'}; first: {top}")
    return ranks, misses


def compare(site_dir: Path, sizes: list[int]) -> list[Row]:
    """Every engine in every language, on the built site as it is (sizes 0) and on guides of
    each size of pages a language made of distinct text (benchmarks/distinct_text.py)."""
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        served = Path(tmp)
        (served / "blank.html").write_text("<!doctype html><title>engines</title>", encoding="utf-8")
        for name, package in (("minisearch", "minisearch"), ("orama", "@orama/orama"), ("stemmers", "@orama/stemmers")):
            (served / name).symlink_to(NODE_MODULES / package)
        browser = launch(playwright)
        with serve(served, gzip=True) as url:
            for size in sizes:
                for language in languages():
                    words = search_words(language)
                    sections = documents(site_dir, language, words)
                    pages = len({section["location"].split("#")[0] for section in sections})
                    if size:
                        sections, pages = distinct_sections(sections, size, language.locale), size
                        for section in sections:
                            section["also"] = also(section["title"] + " " + section["text"], words["synonyms"])
                    docs = [{**section, "id": str(number)} for number, section in enumerate(sections)]
                    name = f"{language.locale}-{pages}"
                    (served / f"docs-{name}.json").write_text(json.dumps(docs), encoding="utf-8")
                    pagefind_bundle(docs, language, served / f"pagefind-{name}")
                    items = [item for item in queries(language) if "expect" in item]
                    typed = [without_question_words(item["query"], words) for item in items]
                    source = f"/docs-{name}.json"
                    # Orama's stemmers are named by ISO code, as our locales are.
                    if not (NODE_MODULES / "@orama" / "stemmers" / "dist" / f"{language.locale}.js").is_file():
                        raise SystemExit(f"Orama has no stemmer for {language.locale}")
                    for engine, script, argument in (
                        ("MiniSearch 7.2.0", MINISEARCH, {"source": source}),
                        ("Orama 3.1.18", ORAMA, {"source": source, "stemmer": language.locale}),
                        ("Pagefind 1.6.0", PAGEFIND, {"bundle": f"pagefind-{name}"}),
                    ):
                        print(f"{engine}, {language.locale}, {pages} pages", file=sys.stderr)
                        page = browser.new_page(viewport=PHONE)
                        ready_ms, answers, transferred, heap = run(page, url, script, argument, typed)
                        page.close()
                        ranks, misses = judged(items, typed, answers, language)
                        rows.append(Row(engine, language.locale, pages, ranks, misses, transferred,
                                        ready_ms, [answer["ms"] for answer in answers], heap))
        browser.close()
    return rows


def table(rows: list[Row]) -> str:
    header = ["engine", "language", "pages", "top 1", "top 3", "MRR", "first search", "first answer ms",
              "later median ms", "heap MB"]
    lines = [[row.engine, row.locale, str(row.pages), f"{row.share(1):.0%}", f"{row.share(3):.0%}",
              f"{row.mrr:.2f}", f"{row.transferred / 1024:.1f} KiB", f"{row.first_answer_ms:.0f}",
              f"{statistics.median(row.query_ms[1:] or row.query_ms):.1f}", f"{row.heap_mb:.1f}"] for row in rows]
    return format_table(header, lines, align="ll" + "r" * 8)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.engines", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--pages", type=int, nargs="*", default=[50, 500, 2000],
                        help="also guides of these many pages a language, of distinct text (50 500 2000)")
    args = parser.parse_args(argv)
    if reason := chromium_unavailable():
        print(f"Cannot compare the engines: {reason}", file=sys.stderr)
        return 2
    if not (NODE_MODULES / "pagefind").is_dir():
        print("The engines are not installed: run `npm ci` (package.json, benchmarks only).", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None and (built := build_site(ROOT, site)).returncode != 0:
            print(built.failure(), file=sys.stderr)
            return 1
        rows = compare(site, [0, *args.pages])
    print(table(rows))
    for row in rows:
        if row.misses and row.pages == rows[0].pages:  # the site as it is
            print(f"\n{row.engine} [{row.locale}], not first:\n  " + "\n  ".join(row.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
