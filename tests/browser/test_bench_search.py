"""The benchmark's browser half: each typing of a query timed, a real, positive duration.

One query suffices here: tests/browser/test_search.py types every query of every language."""

import pytest

from benchmarks.search import time_queries
from checks.parity import FAQ_PAGE
from checks.search import queries

from ..params import each_language

pytestmark = pytest.mark.browser


@each_language
def test_a_query_typed_twice_is_timed_twice_from_last_keystroke_to_results(browser, base_url, language):
    query = queries(language)[:1]
    timings = time_queries(browser, base_url, language, query, rounds=2)
    where = f"[{language.locale}] {FAQ_PAGE}, {query[0]['query']!r} typed twice"
    assert len(timings) == 2, f"{where}: timings {timings}"
    assert all(0 < ms < 5000 for ms in timings), f"{where}: timings {timings} (ms)"
