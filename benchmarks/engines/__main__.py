"""Compare candidate search engines on this site's own queries, to choose the one the site's
search component will use (issue 18): MiniSearch, Orama (with its French and Spanish stemmers)
and Pagefind, each fed the same sections of the built site and the same queries of
search_queries.yml, in Chromium.

    npm ci && python -m benchmarks.engines [--site BUILT_SITE]

Prints, per engine and language: how often the expected section ranks first and in the top 3,
the mean reciprocal rank, what a first search transfers (gzipped: the engine's code, and its
index or the documents it indexes), the time to be ready and the median and worst query time;
then the queries each engine misses. The glue is the same for every engine and is only the
site's language data (search_words.yml): question words are left out of queries, and each
section's text is given the other words of each synonym group it uses (a field `also`).
Matching, typo tolerance and ranking are the engine's own (benchmarks/engines/harness.py).
"""

from __future__ import annotations

import argparse
import gzip
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
from checks.search import expected_path, folded_words, load_index, queries, search_words
from checks.site import ROOT, Language, build_site, languages
from checks.static_server import serve
from checks.table import format_table

from .harness import MINISEARCH, ORAMA, PAGEFIND

NODE_MODULES = ROOT / "node_modules"
# Orama's stemmers by locale (its package names them by ISO code too).
STEMMERS = {"fr": "fr", "es": "es", "pt": "pt", "it": "it", "de": "de", "nl": "nl"}


def documents(site_dir: Path, language: Language, words: dict) -> list[dict]:
    """The sections of the language's built site as its search index lists them (one per page
    and one per heading), their text without markup, with the synonyms they use."""
    docs = []
    for number, entry in enumerate(load_index(site_dir, language)["docs"]):
        text = BeautifulSoup(entry["text"], "html.parser").get_text(" ")
        docs.append({
            "id": str(number),
            "location": entry["location"],  # a site path: the language's folder comes with it
            "title": entry["title"],
            "text": text,
            "also": also(entry["title"] + " " + text, words.get("synonyms", [])),
        })
    return docs


def also(text: str, synonyms: list[list[str]]) -> str:
    """The words of each synonym group of which the text uses a word (or phrase)."""
    folded = " " + " ".join(folded_words(text)) + " "
    used = [group for group in synonyms
            if any(f" {' '.join(folded_words(word))} " in folded for word in group)]
    return " ".join(word for group in used for word in group)


def without_question_words(query: str, words: dict) -> str:
    """The query less its question words and definition openings ("qu'est-ce que"), its "?" and
    "¿": what a reader asks about."""
    folded = " " + " ".join(folded_words(query)) + " "
    for phrase in sorted(words.get("definitions", []) + words.get("questions", []), key=len, reverse=True):
        folded = folded.replace(f" {' '.join(folded_words(phrase))} ", " ")
    return folded.strip() or query


@dataclass
class Row:
    engine: str
    locale: str
    ranks: list[int | None]  # where each query's expected section ranked, from 1
    misses: list[str]
    transferred: int  # bytes (gzipped) a first search fetches
    ready_ms: float
    query_ms: list[float]

    def share(self, within: int) -> float:
        return sum(1 for rank in self.ranks if rank and rank <= within) / len(self.ranks)

    @property
    def mrr(self) -> float:
        return sum(1 / rank for rank in self.ranks if rank) / len(self.ranks)


def pagefind_bundle(docs: list[dict], language: Language, folder: Path) -> None:
    records = [{"url": doc["location"], "title": doc["title"], "language": language.locale,
                "content": f"{doc['title']}. {doc['text']} {doc['also']}"} for doc in docs]
    source = folder.with_suffix(".json")
    source.write_text(json.dumps(records), encoding="utf-8")
    subprocess.run(["node", str(Path(__file__).with_name("pagefind_index.mjs")), str(source), str(folder)],
                   check=True, cwd=ROOT, capture_output=True, text=True)


def run(page, url: str, script: str, argument: dict) -> tuple[dict, int]:
    """Evaluate an engine's harness on a blank page of the server; its result, and the bytes
    (as sent, gzipped) of what the page fetched meanwhile."""
    page.goto(url + "blank.html")
    fetched = []

    def keep(request):
        fetched.append(request)

    page.on("requestfinished", keep)
    result = page.evaluate(script, argument)
    page.remove_listener("requestfinished", keep)
    return result, sum(request.sizes()["responseBodySize"] for request in fetched)


def compare(site_dir: Path) -> list[Row]:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        served = Path(tmp)
        (served / "blank.html").write_text("<!doctype html><title>engines</title>", encoding="utf-8")
        for name, package in (("minisearch", "minisearch"), ("orama", "@orama/orama"), ("stemmers", "@orama/stemmers")):
            (served / name).symlink_to(NODE_MODULES / package)
        browser = launch(playwright)
        with serve(served, gzip=True) as url:
            for language in languages():
                words = search_words(language)
                docs = documents(site_dir, language, words)
                items = [item for item in queries(language) if "expect" in item]
                typed = [without_question_words(item["query"], words) for item in items]
                pagefind_bundle(docs, language, served / f"pagefind-{language.locale}")
                data = len(gzip.compress(json.dumps(docs).encode()))
                for engine, script, argument in (
                    ("MiniSearch 7.2.0", MINISEARCH, {"docs": docs, "queries": typed}),
                    ("Orama 3.1.18", ORAMA, {"docs": docs, "queries": typed, "stemmer": STEMMERS[language.locale]}),
                    ("Pagefind 1.6.0", PAGEFIND, {"bundle": f"pagefind-{language.locale}", "queries": typed}),
                ):
                    page = browser.new_page(viewport=PHONE)
                    result, transferred = run(page, url, script, argument)
                    page.close()
                    if "Pagefind" not in engine:
                        transferred += data  # the documents, which it indexes in the browser
                    ranks, misses = [], []
                    for item, query, answer in zip(items, typed, result["answers"]):
                        wanted = expected_path(language, item["expect"])
                        hits = [hit.lstrip("/") for hit in answer["hits"]]  # Pagefind roots its URLs
                        rank = hits.index(wanted) + 1 if wanted in hits else None
                        ranks.append(rank)
                        if rank != 1:
                            top = hits[0] if hits else "nothing"
                            misses.append(f"{item['query']!r} ({item['kind']}, typed {query!r}): "
                                          f"{item['expect']} ranks {rank or 'nowhere'}; first: {top}")
                    rows.append(Row(engine, language.locale, ranks, misses, transferred,
                                    result["index_ms"], [answer["ms"] for answer in result["answers"]]))
        browser.close()
    return rows


def table(rows: list[Row]) -> str:
    header = ["engine", "language", "top 1", "top 3", "MRR", "first search", "ready ms", "median ms", "worst ms"]
    lines = [[row.engine, row.locale, f"{row.share(1):.0%}", f"{row.share(3):.0%}", f"{row.mrr:.2f}",
              f"{row.transferred / 1024:.1f} KiB", f"{row.ready_ms:.0f}",
              f"{statistics.median(row.query_ms):.1f}", f"{max(row.query_ms):.1f}"] for row in rows]
    return format_table(header, lines, align="ll" + "r" * 7)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.engines", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
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
        rows = compare(site)
    print(table(rows))
    for row in rows:
        if row.misses:
            print(f"\n{row.engine} [{row.locale}], not first:\n  " + "\n  ".join(row.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
