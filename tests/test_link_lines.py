"""MkDocs' warnings about a broken link or anchor name its Markdown line
(overrides/hooks/link_lines.py), on small synthetic pages and MkDocs' own message forms."""

import logging

import pytest

from .hooks import load_hook

link_lines = load_hook("link_lines")

SOURCE = """---
title: T
---

See [a](faq.md#x), then [b](faq-old.md "its title").
[ref]: <other.md>
<a href="page.md#y">z</a> and [c](#nowhere)
[d](faq-old.md) again
"""


@pytest.mark.parametrize("link, line", [
    ("faq-old.md", 5), ("faq.md#x", 5), ("other.md", 6), ("page.md#y", 7), ("#nowhere", 7), ("faq.md", None),
], ids=["title", "anchor", "reference", "html", "same-page", "only-longer"])
def test_the_first_line_holding_the_link_as_written(link, line):
    """Inline (with a title), reference, HTML, same-page anchor; never a longer link it starts."""
    assert link_lines.link_line(SOURCE, link) == line, f"{link!r}: expected line {line}"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs" / "xx").mkdir(parents=True)
    (tmp_path / "docs" / "xx" / "index.md").write_text(SOURCE, encoding="utf-8")
    return tmp_path


# MkDocs 1.6's words (mkdocs/structure/pages.py), for a missing target and a missing anchor.
MISSING_TARGET = ("Doc file 'xx/index.md' contains a link 'faq-old.md', but the target 'xx/faq-old.md' is not "
                  "found among documentation files.")
MISSING_ANCHOR = "Doc file 'xx/index.md' contains a link 'page.md#y', but the doc 'xx/page.md' does not contain an anchor '#y'."


def amended(project, message: str) -> str:
    record = logging.makeLogRecord({"msg": message, "levelno": logging.WARNING, "levelname": "WARNING"})
    assert link_lines.LinkLines(str(project / "docs"), str(project)).filter(record), "a warning was dropped"
    return record.getMessage()


def test_a_missing_target_or_anchor_is_prefixed_with_its_file_and_line_keeping_mkdocs_words(project):
    assert amended(project, MISSING_TARGET) == f"docs/xx/index.md:5: {MISSING_TARGET}"
    assert amended(project, MISSING_ANCHOR) == f"docs/xx/index.md:7: {MISSING_ANCHOR}"


def test_a_link_not_found_in_the_source_names_the_file_and_other_messages_are_untouched(project):
    unfound = MISSING_TARGET.replace("'faq-old.md'", "'elsewhere.md'")
    assert amended(project, unfound) == f"docs/xx/index.md: {unfound}", "no file named"
    assert amended(project, "Something else entirely.") == "Something else entirely.", "another message amended"


def test_the_hook_puts_its_filter_on_mkdocs_logger_once_and_takes_it_off(project, caplog):
    config = type("Config", (), {"docs_dir": str(project / "docs"), "config_file_path": str(project / "mkdocs.yml")})
    logger = logging.getLogger("mkdocs.structure.pages")
    try:
        link_lines.on_config(config)
        link_lines.on_config(config)  # mkdocs serve loads the config again for each rebuild
        with caplog.at_level(logging.WARNING):
            logger.warning(MISSING_TARGET)
        assert [r.getMessage() for r in caplog.records] == [f"docs/xx/index.md:5: {MISSING_TARGET}"]
    finally:
        link_lines.on_shutdown()
    assert not any(isinstance(f, link_lines.LinkLines) for f in logger.filters), "the filter left in place"
