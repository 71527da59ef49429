"""Run Lighthouse over every page of every language and print, per page, the medians of N runs:
the four category scores (0-100), the Web Vitals (LCP, CLS, TBT, FCP) and the transfer size.
Scores below 100 are flagged, with the audits that cost points; a failed run exits 1.

    python -m benchmarks.lighthouse [--runs 3] [--site DIR]

Lighthouse is the npm package pinned in package.json (`npm ci` runs first if node_modules/ lacks
it), driving the browser tests' Chromium with their flags (checks/browser.py: $CHROMIUM, default
/usr/bin/chromium): mobile form factor, simulated throttling, the site served gzipped from
127.0.0.1 the GitHub Pages way. Runs are sequential: parallel runs skew each other's timings on
a small machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from checks.browser import FLAGS, chromium
from checks.site import ROOT, build_site, languages, nav_pages, site_path, source_pages
from checks.static_server import serve
from checks.table import format_table

CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
# Web Vitals and transfer: audit id -> (column, how to print the numeric value).
METRICS = {
    "largest-contentful-paint": ("LCP s", lambda ms: f"{ms / 1000:.2f}"),
    "cumulative-layout-shift": ("CLS", lambda value: f"{value:.3f}"),
    "total-blocking-time": ("TBT ms", lambda ms: f"{ms:.0f}"),
    "first-contentful-paint": ("FCP s", lambda ms: f"{ms / 1000:.2f}"),
    "total-byte-weight": ("transfer KiB", lambda size: f"{size / 1024:.1f}"),
}
CHROME_FLAGS = " ".join(["--headless=new", *FLAGS])
LIGHTHOUSE_BIN = ROOT / "node_modules" / ".bin" / "lighthouse"


@dataclass
class Run:
    """What one Lighthouse report says: scores 0-100 by category, metric values by audit id, the
    audits that cost points by category, and an error when the run failed."""

    scores: dict[str, int | None] = field(default_factory=dict)
    metrics: dict[str, float | None] = field(default_factory=dict)
    lost: dict[str, list[str]] = field(default_factory=dict)
    benchmark_index: float | None = None  # Lighthouse's measure of this machine's CPU speed
    error: str | None = None


def lost_points(audit: dict) -> bool:
    """An audit that counts and scored below 1 (None: informative or not applicable)."""
    score = audit.get("score")
    return score is not None and score < 1


def parse_report(report: dict) -> Run:
    """A Lighthouse JSON report (lhr) read into a Run; a runtime error or a missing score or
    metric makes it a failed run."""
    run = Run()
    runtime_error = report.get("runtimeError")
    if runtime_error:
        run.error = f"{runtime_error.get('code', 'error')}: {runtime_error.get('message', '')}".strip()
    categories, audits = report.get("categories", {}), report.get("audits", {})
    for category in CATEGORIES:
        score = categories.get(category, {}).get("score")
        run.scores[category] = None if score is None else round(score * 100)
        run.lost[category] = [
            ref["id"]
            for ref in categories.get(category, {}).get("auditRefs", [])
            if ref.get("weight", 0) > 0 and lost_points(audits.get(ref["id"], {}))
        ]
    for audit in METRICS:
        run.metrics[audit] = audits.get(audit, {}).get("numericValue")
    run.benchmark_index = report.get("environment", {}).get("benchmarkIndex")
    missing = [c for c, s in run.scores.items() if s is None] + [a for a, v in run.metrics.items() if v is None]
    if run.error is None and missing:
        run.error = f"no value for {', '.join(missing)}"
    return run


@dataclass
class PageSummary:
    page: str  # the site path, "es/faq/"
    runs: list[Run]

    @property
    def good_runs(self) -> list[Run]:
        return [run for run in self.runs if run.error is None]

    def score(self, category: str) -> int | None:
        """The median score; of an even count, the lower middle one, so a low run is not hidden."""
        values = [run.scores[category] for run in self.good_runs]
        return statistics.median_low(values) if values else None

    def metric(self, audit: str) -> float | None:
        values = [run.metrics[audit] for run in self.good_runs]
        return statistics.median(values) if values else None

    def below_100(self) -> dict[str, int]:
        return {c: s for c in CATEGORIES if (s := self.score(c)) is not None and s < 100}

    def lost_audits(self, category: str) -> dict[str, int]:
        """Audit id -> in how many good runs it cost the category points."""
        counts: dict[str, int] = {}
        for run in self.good_runs:
            for audit in run.lost[category]:
                counts[audit] = counts.get(audit, 0) + 1
        return counts


def table(summaries: list[PageSummary]) -> str:
    header = ["page", *CATEGORIES.values(), *(column for column, _ in METRICS.values()), "flag"]
    rows = [header]
    for summary in summaries:
        scores = [summary.score(c) for c in CATEGORIES]
        metrics = [
            "-" if (value := summary.metric(audit)) is None else show(value)
            for audit, (_, show) in METRICS.items()
        ]
        flags = [f"{CATEGORIES[c]} < 100" for c in summary.below_100()]
        failed = len(summary.runs) - len(summary.good_runs)
        flags += [f"{failed}/{len(summary.runs)} runs failed"] if failed else []
        rows.append(
            ["/" + summary.page, *("-" if s is None else str(s) for s in scores), *metrics, "; ".join(flags)]
        )
    # Text columns (page, flag) to the left, numbers to the right
    return format_table(header, rows[1:], align="l" + "r" * (len(header) - 2) + "l")


def details(summaries: list[PageSummary]) -> list[str]:
    """One line per score below 100 (with the audits that cost points) and per failed run."""
    lines = []
    for summary in summaries:
        for category, score in summary.below_100().items():
            audits = summary.lost_audits(category)
            runs = len(summary.good_runs)
            named = ", ".join(f"{audit} ({count}/{runs} runs)" for audit, count in sorted(audits.items()))
            lines.append(f"/{summary.page}: {category} {score}: {named or 'no audit named'}")
        for n, run in enumerate(summary.runs, 1):
            if run.error:
                lines.append(f"/{summary.page}: run {n} failed: {run.error}")
    return lines


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def report(summaries: list[PageSummary], runs: int) -> tuple[str, bool]:
    """The printed report and whether every run succeeded."""
    failed = sum(len(s.runs) - len(s.good_runs) for s in summaries)
    perfect = sum(1 for s in summaries if len(s.good_runs) and not s.below_100())
    indexes = [run.benchmark_index for s in summaries for run in s.good_runs if run.benchmark_index]
    text = [
        table(summaries),
        "",
        f"Medians of {plural(runs, 'run')} per page (scores 0-100; perf = performance, "
        "a11y = accessibility, bp = best practices).",
        "Lighthouse, mobile, simulated throttling, served gzipped from 127.0.0.1"
        + (f"; CPU benchmark index {statistics.median(indexes):.0f} (median)." if indexes else "."),
        f"{perfect} of {len(summaries)} pages at 100 in all four categories; {plural(failed, 'failed run')}.",
    ]
    lines = details(summaries)
    if lines:
        text += ["", *lines]
    return "\n".join(text), failed == 0


def ensure_lighthouse() -> None:
    """Install the pinned Lighthouse with `npm ci` when node_modules/ lacks it."""
    if LIGHTHOUSE_BIN.exists():
        return
    print("Lighthouse is not in node_modules/: running `npm ci` (package-lock.json)...", file=sys.stderr)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)


def lighthouse(url: str, chrome_path: str) -> Run:
    """One Lighthouse run of a URL."""
    with tempfile.TemporaryDirectory() as out:
        output = Path(out) / "report.json"
        command = [
            "npx", "--no-install", "lighthouse", url,
            "--output=json", f"--output-path={output}", "--quiet",
            "--form-factor=mobile", "--throttling-method=simulate",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]  # fmt: skip
        env = {**os.environ, "CHROME_PATH": chrome_path}  # where Lighthouse's launcher looks
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        try:
            run = parse_report(json.loads(output.read_text(encoding="utf-8")))
        except (OSError, ValueError) as error:
            run = Run(error=f"no report ({error}); lighthouse said: {done.stderr.strip()[-300:]}")
        if done.returncode != 0 and run.error is None:
            run.error = f"lighthouse exited {done.returncode}: {done.stderr.strip()[-300:]}"
        return run


def site_pages(project: Path) -> list[str]:
    """Every page of every language as a site path, in nav order: "", "faq/", ..., "es/", "es/faq/"."""
    nav = nav_pages(project / "mkdocs.yml")
    order = {page: n for n, page in enumerate(nav)}
    return [
        site_path(lang, page)
        for lang in languages(project / "mkdocs.yml")
        for page in sorted(source_pages(project / "docs", lang), key=lambda page: (order.get(page, len(nav)), page))
    ]


def bench(base_url: str, pages: list[str], runs: int, chrome_path: str) -> list[PageSummary]:
    summaries = []
    total, done = len(pages) * runs, 0
    for page in pages:
        summary = PageSummary(page, [])
        for _ in range(runs):
            started = time.monotonic()
            run = lighthouse(base_url + page, chrome_path)
            summary.runs.append(run)
            done += 1
            scores = " ".join(f"{CATEGORIES[c]} {s}" for c, s in run.scores.items())
            outcome = f"FAILED: {run.error}" if run.error else scores
            print(f"[{done}/{total}] /{page} ({time.monotonic() - started:.0f} s): {outcome}", file=sys.stderr)
        summaries.append(summary)
    return summaries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    parser.add_argument(
        "--site", type=Path, help="an already built site, built with SITE_URL=http://127.0.0.1:PORT/ (default: build this project)"
    )
    parser.add_argument("--port", type=int, default=0, help="the port to serve on (default: any free one)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    chrome_path = str(chromium())
    if not Path(chrome_path).is_file():
        print(f"No Chromium at {chrome_path} (apt-get install chromium, or set CHROMIUM)", file=sys.stderr)
        return 2
    ensure_lighthouse()
    pages = site_pages(ROOT)
    with tempfile.TemporaryDirectory() as build_dir:
        site = args.site or Path(build_dir) / "site"
        site.mkdir(exist_ok=True)
        with serve(site, port=args.port, gzip=True) as base_url:
            if args.site is None:
                # Built for the address it is served from, as a deployment is: its absolute
                # hreflang links, and the sitemaps Material fetches next to them, stay on it.
                print(f"Building the site for {base_url} (mkdocs build --strict)...", file=sys.stderr)
                result = build_site(ROOT, site, site_url=base_url)
                if result.returncode != 0:
                    print(f"The build failed:\n{result.log}", file=sys.stderr)
                    return 2
            load_before = os.getloadavg()[0]
            text, ok = report(bench(base_url, pages, args.runs, chrome_path), args.runs)
    print(text)
    # Other work on the machine slows Chromium and lowers the performance scores: say how busy it was.
    load_after = os.getloadavg()[0]
    print(f"Load average (1 min): {load_before:.1f} at the start, {load_after:.1f} at the end, {os.cpu_count()} CPUs.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
