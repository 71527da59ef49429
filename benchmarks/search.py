"""Benchmark search: each language's index size (raw and gzipped) and, typing every query of
tests/search_queries.yml in Chromium at phone size, the time from the last keystroke to the
results on screen (median and worst). Builds the site first unless given --site. Chromium is
$CHROMIUM (default /usr/bin/chromium), launched as the browser tests launch it."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checks.browser import PHONE, chromium_unavailable, launch
from checks.search import index_sizes, queries
from checks.search_ui import open_search, type_query
from checks.site import ROOT, Language, build_site, languages, site_path
from checks.static_server import serve
from checks.table import format_table

@dataclass
class Row:
    locale: str
    raw: int
    gzipped: int
    timings: list[float]  # ms, one per query, last keystroke to results on screen

    @property
    def median(self) -> float:
        return statistics.median(self.timings)

    @property
    def worst(self) -> float:
        return max(self.timings)


def time_queries(browser, base_url: str, language: Language, items: list[dict], rounds: int) -> list[float]:
    """Type each query (items of tests/search_queries.yml) `rounds` times on the language's FAQ
    page; the timings in ms, round after round."""
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    page = context.new_page()
    page.goto(site_path(language, "faq.md"))
    open_search(page)
    timings = [type_query(page, item["query"]) for _ in range(rounds) for item in items]
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
            row.timings = time_queries(browser, url, lang, queries(lang), rounds)
        browser.close()
    return rows


def table(rows: list[Row]) -> str:
    header = ("language", "index raw", "index gzip", "queries", "median ms", "worst ms")
    lines = [
        (r.locale, f"{r.raw / 1024:.1f} KiB", f"{r.gzipped / 1024:.1f} KiB", str(len(r.timings)),
         f"{r.median:.1f}", f"{r.worst:.1f}")
        for r in rows
    ]
    return format_table(list(header), [list(line) for line in lines], align="l" + "r" * (len(header) - 1))


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
        print(table(measure(site, args.rounds, build=args.site is None)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
