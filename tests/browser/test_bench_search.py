"""The benchmark's browser half: one timing per query, each a real, positive duration."""

import pytest

from benchmarks.search import time_queries
from checks.search import queries

from ..params import each_language

pytestmark = pytest.mark.browser


@each_language
def test_every_query_is_timed_from_last_keystroke_to_results(browser, base_url, language):
    timings = time_queries(browser, base_url, language, rounds=1)
    assert len(timings) == len(queries(language)), f"[{language.locale}] timings: {timings}"
    assert all(0 < ms < 5000 for ms in timings), f"[{language.locale}] timings: {timings}"
