"""Benchmark search: typing every query of search_queries.yml in Chromium at phone size,
how well each language's search answers (how often the expected section ranks first, in the top
3, and the mean reciprocal rank), its index size (raw and gzipped) and the time from the last
keystroke to the results on screen (median and worst). Below the table, each query whose answer
does not rank first. Builds the site first unless given --site. Chromium is $CHROMIUM (default
/usr/bin/chromium), launched as the browser tests launch it."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from checks.browser import PHONE, chromium_unavailable, launch
from checks.parity import FAQ_PAGE
from checks.search import index_sizes, queries
from checks.search_ui import hits, open_search, rank, ranked, type_query
from checks.site import ROOT, Language, build_site, languages, site_path
from checks.static_server import serve
from checks.table import format_table

@dataclass
class Answer:
    query: str
    expect: str
    rank: int | None  # where the expected hit ranked, from 1; None when absent
    top: str | None  # the site path of the hit that ranked first ("" for the home); None: no hit


@dataclass
class Row:
    locale: str
    raw: int
    gzipped: int
    timings: list[float]  # ms, one per query typed, last keystroke to results on screen
    answers: list[Answer] = field(default_factory=list)  # one per query that expects a hit

    @property
    def median(self) -> float:
        return statistics.median(self.timings)

    @property
    def worst(self) -> float:
        return max(self.timings)

    def share(self, within: int) -> float:
        return share([a.rank for a in self.answers], within)

    @property
    def mrr(self) -> float:
        return mean_reciprocal_rank([a.rank for a in self.answers])


def share(ranks: list[int | None], within: int) -> float:
    """The share of the answers (their ranks, from 1; None: not found) ranked within the first
    `within`."""
    return sum(1 for rank in ranks if rank and rank <= within) / len(ranks)


def mean_reciprocal_rank(ranks: list[int | None]) -> float:
    """1 when every answer ranks first, 0 when none is found."""
    return sum(1 / rank for rank in ranks if rank) / len(ranks)


def time_queries(
    browser, base_url: str, language: Language, items: list[dict], rounds: int, answers: list | None = None
) -> list[float]:
    """Type each query (items of search_queries.yml) `rounds` times on the language's FAQ
    page; the timings in ms, round after round. Given a list `answers`, appends to it an Answer
    for each query of the first round that expects a hit."""
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    page = context.new_page()
    page.goto(site_path(language, FAQ_PAGE))
    open_search(page)
    timings = []
    for round in range(rounds):
        for item in items:
            timings.append(type_query(page, item["query"]))
            if round == 0 and answers is not None and "expect" in item:
                found = hits(page)
                top = ranked(found)[0].path if found else None
                answers.append(Answer(item["query"], item["expect"], rank(found, language, item["expect"]), top))
    context.close()
    return timings


def measure(site_dir: Path, rounds: int = 1, build: bool = False) -> list[Row]:
    """Time the queries on site_dir served on loopback; with build, build it there first, for
    the address it is served from (its hreflang links and sitemaps then stay on that host)."""
    from playwright.sync_api import sync_playwright

    with serve(site_dir) as url, sync_playwright() as playwright:
        if build:
            result = build_site(ROOT, site_dir, site_url=url)
            if result.returncode != 0:
                raise SystemExit(result.log)
        rows = [Row(lang.locale, *index_sizes(site_dir, lang), []) for lang in languages()]
        browser = launch(playwright)
        for row, lang in zip(rows, languages()):
            row.timings = time_queries(browser, url, lang, queries(lang), rounds, row.answers)
        browser.close()
    return rows


def table(rows: list[Row]) -> str:
    header = ("language", "queries", "top 1", "top 3", "MRR", "index raw", "index gzip", "median ms",
              "worst ms")
    lines = [
        (r.locale, str(len(r.answers)), f"{r.share(1):.0%}", f"{r.share(3):.0%}", f"{r.mrr:.2f}",
         f"{r.raw / 1024:.1f} KiB", f"{r.gzipped / 1024:.1f} KiB", f"{r.median:.1f}", f"{r.worst:.1f}")
        for r in rows
    ]
    return format_table(list(header), [list(line) for line in lines], align="l" + "r" * (len(header) - 1))


def misses(rows: list[Row]) -> str:
    """One line per query whose answer does not rank first: language, query, rank, what did."""
    return "\n".join(
        f"[{r.locale}] {a.query!r}: {a.expect} ranks {a.rank or 'nowhere'}; first: "
        + ("no result" if a.top is None else f"/{a.top}")
        for r in rows for a in r.answers if a.rank != 1
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search", description=__doc__)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--rounds", type=int, default=3, help="times each query is typed (3)")
    args = parser.parse_args(argv)
    reason = chromium_unavailable()
    if reason:
        print(f"Cannot time the queries: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        site.mkdir(exist_ok=True)
        rows = measure(site, args.rounds, build=args.site is None)
        print(table(rows))
        if misses(rows):
            print(f"\nNot first:\n{misses(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
