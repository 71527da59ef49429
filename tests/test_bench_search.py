"""The search benchmark's numbers and table: sizes as served, median and worst as computed."""

import pytest

from benchmarks.search import Row, main, table
from checks.search import index_file, index_sizes

from .params import each_language


@each_language
def test_index_sizes_are_the_file_raw_and_gzipped(site_dir, language):
    raw, gzipped = index_sizes(site_dir, language)
    data = index_file(site_dir, language).read_bytes()
    where = f"[{language.locale}] {index_file(site_dir, language).relative_to(site_dir)}"
    assert raw == len(data), f"{where}: raw size {raw}, the file has {len(data)} bytes"
    assert 0 < gzipped < raw, f"{where}: gzipped size {gzipped} vs raw {raw}"


def test_the_table_shows_each_language_with_its_median_and_worst():
    lines = table([Row("xx", 2048, 512, [10.0, 30.0, 20.0]), Row("yy", 1024, 256, [5.0])]).splitlines()
    assert lines[0].split() == ["language", "index", "raw", "index", "gzip", "queries", "median",
                                "ms", "worst", "ms"]
    assert lines[2].split() == ["xx", "2.0", "KiB", "0.5", "KiB", "3", "20.0", "30.0"], lines
    assert lines[3].split() == ["yy", "1.0", "KiB", "0.2", "KiB", "1", "5.0", "5.0"], lines


def test_help_names_the_command_and_exits_cleanly(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["--help"])
    assert exit.value.code == 0
    assert "python -m benchmarks.search" in capsys.readouterr().out
