"""How an editor's slips are reported: each a warning MkDocs counts under --strict
(overrides/hooks/project.py stop_on_slips), under `mkdocs serve` a box at the top of the page
(overrides/hooks/slips_on_serve.py), and the lines the commands pick out of a build's log
(checks/site.py BuildResult). Synthetic pages and logs."""

import logging
from types import SimpleNamespace

import pytest

from checks.site import BuildResult

from .hooks import hook_library, load_hook

project = hook_library("project")

# A made-up project: its mkdocs.yml in /p, its pages in /p/docs.
CONFIG = SimpleNamespace(docs_dir="/p/docs", config_file_path="/p/mkdocs.yml")
PAGE = SimpleNamespace(file=SimpleNamespace(src_uri="xx/page.md"))
SLIPS = [(9, 'the heading "<B>" has no id: write "## <B> {#some-id}"'), ((3, 8), "the front matter is not valid YAML")]


@pytest.fixture
def serve():
    """slips_on_serve.py freshly loaded, with no slip recorded before or after."""
    project.SLIPS.clear()
    yield load_hook("slips_on_serve")
    project.SLIPS.clear()


def test_each_slip_is_a_warning_under_mkdocs_logger_and_the_build_goes_on(serve, caplog):
    """One warning a slip, docs/<locale>/<page>.md:<line>[:<column>]: …, under "mkdocs" (what
    --strict counts); no exception, so every page's slips are listed."""
    with caplog.at_level(logging.WARNING):
        project.stop_on_slips(SLIPS, PAGE, CONFIG)
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.WARNING, f"docs/xx/page.md:9: {SLIPS[0][1]}"),
        (logging.WARNING, f"docs/xx/page.md:3:8: {SLIPS[1][1]}"),
    ], "not one warning per slip, named by file and line"
    assert all(r.name.startswith("mkdocs.") for r in caplog.records), "a logger --strict does not count"


def test_under_mkdocs_serve_the_page_begins_with_a_box_listing_each_slip_in_line_order(serve):
    serve.on_startup(command="serve", dirty=False)
    project.stop_on_slips(SLIPS, PAGE, CONFIG)
    html = serve.on_page_content("<h1>T</h1>", page=PAGE, config=CONFIG, files=None)
    box, rest = html.split("</div>", 1)
    assert box.startswith('<div class="admonition danger editor-slips"'), f"no danger admonition first: {html}"
    assert "data-search-exclude" in box and "<script" not in box and "style=" not in box, box
    items = box.split("<li>")[1:]
    assert items[0].startswith("<code>docs/xx/page.md:3:8</code>: the front matter"), items
    assert items[1].startswith("<code>docs/xx/page.md:9</code>: the heading &quot;&lt;B&gt;&quot;"), items
    assert rest == "<h1>T</h1>", "the page's own content changed"
    assert project.SLIPS == {}, "the page's slips left behind for the next build"


def test_mkdocs_build_never_writes_the_box_and_a_mended_page_loses_it(serve):
    serve.on_startup(command="build", dirty=False)
    project.stop_on_slips(SLIPS, PAGE, CONFIG)
    assert serve.on_page_content("<p>x</p>", page=PAGE, config=CONFIG, files=None) == "<p>x</p>", "box under build"
    serve.on_startup(command="serve", dirty=False)
    project.stop_on_slips(SLIPS, PAGE, CONFIG)
    serve.on_pre_build(config=CONFIG)  # the next build starts
    assert serve.on_page_content("<p>x</p>", page=PAGE, config=CONFIG, files=None) == "<p>x</p>", "a stale box"


LOG = """INFO    -  Building documentation...
WARNING -  docs/xx/page.md:9: the heading "B" has no id: write "## B {#some-id}"
WARNING -  docs/xx/page.md:3:8: the front matter is not valid YAML (…): close the quote
WARNING -  docs/yy/index.md:12: Doc file 'yy/index.md' contains a link 'gone.md', but the target 'yy/gone.md' is not found among documentation files.
WARNING -  Some plugin's own warning
INFO    -  Documentation built in 0.51 seconds
ERROR   -  Error reading page 'xx/b.md':
           its second line
"""


def test_the_commands_pick_the_slips_and_problems_out_of_a_build_log_as_written():
    result = BuildResult(1, "Aborted with 4 warnings in strict mode!\n" + LOG)
    lines = LOG.splitlines()
    written = [line.split("-  ", 1)[1] for line in lines[1:4]]
    assert result.slips == written, "the slips not picked as the build writes them"
    assert result.problems == [*written, "Some plugin's own warning", "Error reading page 'xx/b.md':\nits second line",
                               "Aborted with 4 warnings in strict mode!"], "the problems, less INFO, ending last"
    assert BuildResult(1, "Traceback (most recent call last):\n  boom").failure().startswith("Traceback"), (
        "a crash that names no problem must show its whole log"
    )
