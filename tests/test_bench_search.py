"""The search benchmark's numbers and table: sizes as served, median and worst as computed."""

import pytest

from benchmarks.search import Answer, Row, main, misses, table
from checks.search import index_file, index_sizes

from .params import each_language


@each_language
def test_index_sizes_are_the_file_raw_and_gzipped(site_dir, language):
    raw, gzipped = index_sizes(site_dir, language)
    data = index_file(site_dir, language).read_bytes()
    where = f"[{language.locale}] {index_file(site_dir, language).relative_to(site_dir)}"
    assert raw == len(data), f"{where}: raw size {raw}, the file has {len(data)} bytes"
    assert 0 < gzipped < raw, f"{where}: gzipped size {gzipped} vs raw {raw}"


ANSWERS = [
    Answer("a", "page.md#some-question", 1, "page/#some-question"),
    Answer("b", "page.md#some-question", 2, ""),
    Answer("c", "page.md", 4, "page/#some-question"),
    Answer("d", "page.md", None, None),
]


def test_the_table_shows_each_language_with_its_hit_rates_sizes_median_and_worst():
    rows = [Row("xx", 2048, 512, [10.0, 30.0, 20.0], ANSWERS), Row("yy", 1024, 256, [5.0], ANSWERS[:1])]
    lines = table(rows).splitlines()
    assert lines[0].split() == ["language", "queries", "top", "1", "top", "3", "MRR", "index", "raw",
                                "index", "gzip", "median", "ms", "worst", "ms"]
    # top 1: a; top 3: a, b; MRR: (1 + 1/2 + 1/4 + 0) / 4
    assert lines[2].split() == ["xx", "4", "25%", "50%", "0.44", "2.0", "KiB", "0.5", "KiB", "20.0", "30.0"], lines
    assert lines[3].split() == ["yy", "1", "100%", "100%", "1.00", "1.0", "KiB", "0.2", "KiB", "5.0", "5.0"], lines


def test_misses_name_each_query_not_ranked_first_with_what_was():
    assert misses([Row("xx", 1, 1, [1.0], ANSWERS)]).splitlines() == [
        "[xx] 'b': page.md#some-question ranks 2; first: /",
        "[xx] 'c': page.md ranks 4; first: /page/#some-question",
        "[xx] 'd': page.md ranks nowhere; first: no result",
    ]


def test_help_names_the_command_and_exits_cleanly(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["--help"])
    assert exit.value.code == 0
    assert "python -m benchmarks.search" in capsys.readouterr().out
