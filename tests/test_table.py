"""The one table printer of the commands and benchmarks."""

import pytest

from checks.table import format_table


def test_columns_are_padded_ruled_and_aligned_as_asked():
    text = format_table(["page", "ms"], [["faq.md", "7"], ["index.md", "120"]], align="lr")
    assert text.splitlines() == [
        "page       ms",
        "--------  ---",
        "faq.md      7",
        "index.md  120",
    ], text


def test_a_row_of_the_wrong_length_is_refused_not_misprinted():
    with pytest.raises(ValueError, match="every row needs 2 cells"):
        format_table(["page", "ms"], [["faq.md"]])
