"""Raw HTML that could run script is refused in pages (overrides/hooks/content_safety.py): each
form on a small Markdown source, named at its line with what to write instead; code is text; and
one build of a copy with a script planted in a page, which stops naming that page and line."""

import pytest
from mkdocs.config import load_config

from checks.site import MKDOCS_YML, build_site, copy_project

from .hooks import load_hook
from .planted_copy import PLANTED_IN, PLANTED_SCRIPT, plant, planted_page

safety = load_hook("content_safety")
heading_problems = load_hook("heading_ids").heading_problems

# Seven lines of front matter, as the real pages have, then the title and a blank line: the snippet is on line 11.
PAGE = "---\ntitle: T\ndescription: >-\n  Une\n  page.\nhide: []\n---\n\n# T {#t}\n"
LINE = 11
SCRIPT = "<script> is refused in a page: put the script in a file under overrides/assets/javascripts/ listed under extra_javascript in mkdocs.yml"
STYLE = "<style> is refused in a page: put the rules in a file under overrides/assets/stylesheets/ listed under extra_css in mkdocs.yml"
LINK_INSTEAD = "link to a page, a section ([text](faq.md#some-id)) or an https:// address instead"
IMAGE_INSTEAD = "show an image file instead: ![its description](image.svg)"


def handler(name: str, tag: str) -> str:
    return (
        f"the {name}= attribute (on <{tag}>) runs script and is refused in a page: drop it, and put the "
        "behaviour in a file under overrides/assets/javascripts/ listed under extra_javascript in mkdocs.yml"
    )


def javascript_url(name: str, tag: str, advice: str = LINK_INSTEAD) -> str:
    return f"the {name}= of <{tag}> is a javascript: URL, which runs script, and is refused: {advice}"


def SETTINGS(tag: str) -> str:  # noqa: N802 (reads as the constants beside it)
    return f"<{tag}> is refused in a page: page settings belong in the front matter or in mkdocs.yml"


def embedded(tag: str) -> str:
    return f"<{tag}> is refused in a page: link to what it shows instead: [its title](https://…)"


@pytest.fixture(scope="module")
def render():
    """Markdown to HTML with the extensions mkdocs.yml gives MkDocs (its built-in ones too)."""
    config = load_config(str(MKDOCS_YML))
    return safety.renderer(config.markdown_extensions, config.mdx_configs)


def problems_of(source: str, render) -> list[tuple[int, str]]:
    """The hook's answer on a page whose HTML is what the site's Markdown makes of its body."""
    return safety.content_problems(source, render(source.split("\n---\n", 1)[1]), render)


FORBIDDEN = [  # (Markdown written on line 11, lines below it, the problem)
    ("<script>alert(1)</script>", 0, SCRIPT),
    ("Texte.\n\n<SCRIPT type=module>\nalert(1)\n</SCRIPT>", 2, SCRIPT),
    ('<p onclick="alert(1)">Texte</p>', 0, handler("onclick", "p")),
    ('Une <img src="x.png" ONERROR="alert(1)"> image', 0, handler("onerror", "img")),
    ('Texte.\n{: onclick="alert(1)" }', 1, handler("onclick", "p")),
    ('## Titre {: #titre onmouseover="alert(1)" }', 0, handler("onmouseover", "h2")),
    ("[x](javascript:alert(1))", 0, javascript_url("href", "a")),
    ("![x](JavaScript:alert(1))", 0, javascript_url("src", "img", IMAGE_INSTEAD)),
    ("[x](java&#115;cript:alert(1))", 0, javascript_url("href", "a")),
    ("[x]( javascript:alert(1))", 0, javascript_url("href", "a")),
    ("[x](<javascript:alert(1)>)", 0, javascript_url("href", "a")),
    ("Voir [x][ici].\n\n[ici]: javascript:alert(1)", 2, javascript_url("href", "a")),
    ('<a href="&#106;ava&#x09;script&colon;alert(1)">x</a>', 0, javascript_url("href", "a")),
    ('<a href="\n JAVAscript:alert(1)">x</a>', 1, javascript_url("href", "a")),  # the line of the URL
    ('<iframe src="https://example.com/"></iframe>', 0, embedded("iframe")),
    ('<object data="x.swf"></object>', 0, embedded("object")),
    ('<embed src="x.swf">', 0, embedded("embed")),
    ('<frame src="x.html">', 0, embedded("frame")),
    ("<style>p { color: red }</style>", 0, STYLE),
    ('<meta http-equiv="refresh" content="0; url=https://example.com/">', 0, SETTINGS("meta")),
    ('<base href="https://example.com/">', 0, SETTINGS("base")),
    ("[x](vbscript:msgbox(1))", 0, javascript_url("href", "a")),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", 0, javascript_url("href", "a")),
    ("<h2>Titre</h2>", 0, 'the heading "Titre" has no id: write "## Titre {#some-id}", with the same id in every language'),
    ("<h3 class=x>Un\n<em>titre</em></h3>", 0, 'the heading "Un titre" has no id: write "### Un titre {#some-id}", with the same id in every language'),
]


@pytest.mark.parametrize("markdown, below, problem", FORBIDDEN, ids=[f[0].replace("\n", " ")[:40] for f in FORBIDDEN])
def test_each_forbidden_form_is_named_at_its_line_with_what_to_write(render, markdown, below, problem):
    found = problems_of(f"{PAGE}\n{markdown}\n", render)
    assert found == [(LINE + below, problem)], f"{markdown!r}: {found}, expected line {LINE + below}: {problem}"


def test_code_and_harmless_html_pass(render):
    """Forbidden markup as code (in backticks, fenced, indented) is text; inline styles, links,
    images, a raw heading with an id and prose about javascript: are fine."""
    source = PAGE + (
        "\nTexte `<script>alert(1)</script>` et `[x](javascript:alert(1))`, "
        '<span style="color: red">rouge</span>, [FAQ](faq.md#t) ![logo](logo.svg).\n\n'
        "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```\n\n"
        "~~~\n<p onclick=x>\n~~~\n\n"
        "    <style>p {}</style>\n\n"
        '<h2 id="brut">Titre brut</h2>\n\n<div class="note"><p>Le mot javascript: est du texte.</p></div>\n\n'
        "[recherche](https://example.com/?q=javascript:x)\n"
    )
    assert problems_of(source, render) == []


def test_every_slip_of_a_page_is_reported_each_on_its_line_in_order(render):
    source = PAGE + '\n<style>p {}</style>\n\n`<script>`\n\n<script>a()</script>\n\n[x](javascript:b())\n\n<script>c()</script>\n'
    assert problems_of(source, render) == [
        (11, STYLE), (15, SCRIPT), (17, javascript_url("href", "a")), (19, SCRIPT),
    ]


def test_a_raw_heading_is_named_as_heading_ids_names_a_markdown_heading_without_id(render):
    ours = problems_of(f"{PAGE}\n<h2>Les frais</h2>\n", render)
    theirs = heading_problems(f"{PAGE}\n## Les frais\n")
    assert ours == theirs and ours, f"content_safety says {ours}, heading_ids says {theirs}"


def test_a_slip_no_part_of_the_source_brings_in_is_still_reported_on_line_1(render):
    """Were MkDocs to make HTML the site's Markdown does not (one of its own extensions)."""
    found = safety.content_problems(PAGE, render("# T {#t}") + PLANTED_SCRIPT, render)
    assert found == [(1, f"{SCRIPT} (its line could not be found: search the page for it)")], found


def test_a_script_planted_in_a_page_stops_the_build_naming_its_file_and_line(tmp_path):
    """The real project, a script and an attr_list onclick planted at the end of a page."""
    project = copy_project(tmp_path / "project")
    script, paragraph = plant(project, [PLANTED_SCRIPT, 'Texte.\n{: onclick="window.__planted = true" }'])
    where = f"docs/{PLANTED_IN.locale}/{planted_page(project)}"
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, f"{where}: the build passed with a script planted on line {script}"
    for line, problem in [(script, SCRIPT), (paragraph + 1, handler("onclick", "p"))]:
        assert f"{where}:{line}: {problem}" in result.log, f"{where}:{line} not named:\n{result.log[-3000:]}"
