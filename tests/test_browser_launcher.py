"""One Chromium for every browser test and benchmark (checks/browser.py): one setting names it,
and each of them refuses to start, naming it, when it is not there."""

import sys
from pathlib import Path

from benchmarks import lighthouse as bench_lighthouse
from benchmarks import search as bench_search
from checks.browser import DEFAULT_CHROMIUM, FLAGS, chromium, chromium_unavailable


def test_the_chromium_variable_names_the_binary_else_it_is_debians(monkeypatch):
    monkeypatch.setenv("CHROMIUM", sys.executable)
    assert chromium() == Path(sys.executable), "CHROMIUM set: that binary"
    assert chromium_unavailable() is None, f"{sys.executable} exists: {chromium_unavailable()}"
    monkeypatch.delenv("CHROMIUM")
    assert chromium() == Path(DEFAULT_CHROMIUM), "CHROMIUM unset: Debian's"


def test_a_missing_chromium_is_named_with_the_setting_that_changes_it(monkeypatch, tmp_path):
    missing = tmp_path / "no-chromium"
    monkeypatch.setenv("CHROMIUM", str(missing))
    reason = chromium_unavailable()
    assert reason and str(missing) in reason and "CHROMIUM" in reason, reason


def test_both_benchmarks_stop_before_any_work_without_that_chromium(monkeypatch, tmp_path, capsys):
    missing = tmp_path / "no-chromium"
    monkeypatch.setenv("CHROMIUM", str(missing))
    assert bench_search.main(["--rounds", "1"]) == 2, "benchmarks.search exit status"
    assert bench_lighthouse.main(["--runs", "1"]) == 2, "benchmarks.lighthouse exit status"
    said = capsys.readouterr().err.splitlines()
    assert len(said) == 2 and all(str(missing) in line for line in said), said


def test_lighthouse_starts_chromium_with_the_same_flags_headless():
    flags = bench_lighthouse.CHROME_FLAGS.split()
    assert flags == ["--headless=new", *FLAGS], flags
