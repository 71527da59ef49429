"""The Lighthouse benchmark's reading of reports, its medians, its table and its exit status, on
trimmed real reports (tests/fixtures/lighthouse/); Lighthouse itself never runs here."""

import copy
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from benchmarks import lighthouse as bench_lighthouse
from benchmarks.lighthouse import PageSummary, parse_report, report, table

from .params import LANGUAGES, PAGES

FIXTURES = Path(__file__).parent / "fixtures" / "lighthouse"


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def variant(scores: dict[str, float] | None = None, lcp: float | None = None) -> dict:
    """The real FAQ report with some category scores (0-1) or the LCP changed."""
    lhr = copy.deepcopy(load("faq.json"))
    for category, score in (scores or {}).items():
        lhr["categories"][category]["score"] = score
    if lcp is not None:
        lhr["audits"]["largest-contentful-paint"]["numericValue"] = lcp
    return lhr


def row(output: str, page: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(f"/{page} "))


def test_a_real_report_is_read_into_scores_metrics_and_the_audits_that_cost_points():
    run = parse_report(load("faq.json"))
    assert run.error is None, run.error
    expected = {"performance": 100, "accessibility": 96, "best-practices": 100, "seo": 100}
    assert run.scores == expected, f"scores of the FAQ fixture: {run.scores}"
    assert run.lost["accessibility"] == ["aria-dialog-name"], f"accessibility lost: {run.lost}"
    assert run.metrics["total-byte-weight"] == 83596, f"transfer: {run.metrics}"
    assert run.metrics["largest-contentful-paint"] == pytest.approx(1426.488), f"LCP: {run.metrics}"


def test_a_failed_run_is_read_as_failed_with_lighthouses_reason():
    run = parse_report(load("failed-404.json"))
    assert run.error and "ERRORED_DOCUMENT_REQUEST" in run.error, f"error: {run.error}"
    assert set(run.scores.values()) == {None}, f"a failed run has no scores: {run.scores}"


def test_a_report_without_a_metric_is_a_failed_run():
    lhr = variant()
    del lhr["audits"]["total-blocking-time"]
    run = parse_report(lhr)
    assert run.error == "no value for total-blocking-time", f"error: {run.error}"


def test_scores_and_metrics_are_the_medians_of_the_runs():
    runs = [parse_report(variant({"performance": p}, lcp=lcp)) for p, lcp in ((1, 900), (0.8, 3000), (0.95, 1200))]
    summary = PageSummary("faq/", runs)
    assert summary.score("performance") == 95, "median of 100, 80, 95"
    assert summary.metric("largest-contentful-paint") == 1200, "median of 900, 3000, 1200 ms"


def test_of_an_even_count_of_runs_the_lower_middle_score_is_kept():
    runs = [parse_report(variant({"performance": p})) for p in (1, 0.99)] + [parse_report(load("failed-404.json"))]
    summary = PageSummary("faq/", runs)
    assert summary.score("performance") == 99, "two good runs, 100 and 99: 99, so the dip is not hidden"


def test_a_score_below_100_is_flagged_in_the_table_and_named_with_its_audits():
    perfect = PageSummary("es/", [parse_report(variant({"accessibility": 1}))] * 3)
    faq = PageSummary("faq/", [parse_report(load("faq.json"))] * 3)
    text, ok = report([perfect, faq], runs=3)
    assert ok, "a score below 100 is reported, not a failure"
    assert row(text, "faq/").split()[1:5] == ["100", "96", "100", "100"], text
    assert row(text, "faq/").endswith("a11y < 100"), text
    assert "< 100" not in row(text, "es/"), text
    assert "/faq/: accessibility 96: aria-dialog-name (3/3 runs)" in text, text
    assert "1 of 2 pages at 100 in all four categories; 0 failed runs." in text, text


def test_a_failed_run_is_shown_and_makes_the_report_fail():
    faq = PageSummary("faq/", [parse_report(load("faq.json")), parse_report(load("failed-404.json"))])
    text, ok = report([faq], runs=2)
    assert not ok, "a failed run must fail the benchmark"
    assert "1/2 runs failed" in row(text, "faq/"), text
    assert "/faq/: run 2 failed: ERRORED_DOCUMENT_REQUEST" in text, text


def test_a_page_whose_runs_all_failed_shows_dashes():
    text = table([PageSummary("es/faq/", [parse_report(load("failed-404.json"))])])
    assert row(text, "es/faq/").split()[1:10] == ["-"] * 9, text


def test_every_page_of_every_language_is_benchmarked_home_first():
    from checks.site import ROOT

    pages = bench_lighthouse.site_pages(ROOT)
    assert len(pages) == len(set(pages)) == len(LANGUAGES) * len(PAGES), pages
    assert pages[0] == "", f"the default language's home comes first: {pages}"


@pytest.fixture
def fake_npx(tmp_path, monkeypatch):
    """An `npx` first on PATH that writes the report named by $FAKE_REPORT (if any) where
    Lighthouse would, and exits with $FAKE_EXIT."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "npx"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, shutil, sys\n"
        "out = next(a.split('=', 1)[1] for a in sys.argv if a.startswith('--output-path='))\n"
        "if os.environ.get('FAKE_REPORT'): shutil.copy(os.environ['FAKE_REPORT'], out)\n"
        "sys.stderr.write('fake lighthouse\\n')\n"
        "sys.exit(int(os.environ.get('FAKE_EXIT', '0')))\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(bench_lighthouse, "ensure_lighthouse", lambda: None)
    monkeypatch.setenv("CHROMIUM", sys.executable)  # any existing file: the fake needs no browser
    return monkeypatch


def test_the_command_exits_0_when_every_run_succeeds_even_below_100(fake_npx, tmp_path, capsys):
    fake_npx.setenv("FAKE_REPORT", str(FIXTURES / "faq.json"))
    assert bench_lighthouse.main(["--runs", "2", "--site", str(tmp_path)]) == 0
    output = capsys.readouterr().out
    assert len([line for line in output.splitlines() if "a11y < 100" in line]) == len(LANGUAGES) * len(PAGES), output


@pytest.mark.parametrize("report_file, exit_code, reason", [
    ("failed-404.json", "1", "ERRORED_DOCUMENT_REQUEST"),
    (None, "1", "no report"),
    ("faq.json", "3", "lighthouse exited 3"),
])
def test_the_command_exits_1_when_a_run_fails(fake_npx, tmp_path, capsys, report_file, exit_code, reason):
    fake_npx.setenv("FAKE_REPORT", str(FIXTURES / report_file) if report_file else "")
    fake_npx.setenv("FAKE_EXIT", exit_code)
    assert bench_lighthouse.main(["--runs", "1", "--site", str(tmp_path)]) == 1
    output = capsys.readouterr().out
    assert f"/faq/: run 1 failed: " in output and reason in output, output
