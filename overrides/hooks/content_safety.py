"""Fail the build on raw HTML in a page that could run script or bring in what the site does not
serve itself: `<script>`, an `on…=` event-handler attribute (raw, or written with attr_list as
`{: onclick="…" }`), a `javascript:` URL (raw `href`/`src`, or a Markdown link or image, any case,
with entities or blanks in it; `vbscript:` and `data:text/html` too), `<iframe>`, `<object>`,
`<embed>`, `<frame>`, `<style>`, and `<meta>`, `<base>`, `<link>` (a redirect, or every link
re-aimed, is the templates' business); and on a raw
heading tag without an id, named as overrides/hooks/heading_ids.py names a Markdown heading
without one. Inline `style=` attributes may stay. Each slip is named as
`docs/<locale>/<page>.md:<line>` with what to write instead, all the slips of a page at once.

What is judged is the HTML Markdown made of the page (on_page_content, before our own hooks add
to it), not its source: code, fenced, indented or in backticks, is escaped there and so is text,
not HTML; whatever an extension turns into a tag or an attribute (attr_list, reference links,
`<…>` link targets) is seen as the browser will see it; and the stdlib HTML parser decodes
attribute values as a browser does (`java&#115;cript:` is `javascript:`). A scan of the source
would have to redo all of that, and would miss what it did not foresee. The stdlib parser, not
BeautifulSoup: the site's build does not depend on the tests' libraries.

The HTML keeps no source lines. A slip's line is found by rendering growing beginnings of the
page with the same Markdown extensions: the line that brings in the k-th slip of its kind
(a `<script>`, an `onclick=`, ...) is where the k-th one is written. It costs a few renders of
the page, and only when a page has a slip; it is exact where a text search would have to tell
code from HTML again. A slip no beginning of the page brings in (an extension of MkDocs' own
making it) is still reported, on line 1, saying so.

The site's Content-Security-Policy would block most of these anyway
(overrides/hooks/content_security_policy.py hashes only the templates' scripts): this hook
tells the editor at once, at the line, instead of a page that silently does not work.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from html.parser import HTMLParser
from typing import NamedTuple

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE
from project import stop_on_slips

SCRIPT_FILE = "a file under overrides/assets/javascripts/ listed under extra_javascript in mkdocs.yml"
REFUSED_TAGS = {
    "script": f"put the script in {SCRIPT_FILE}",
    "style": "put the rules in a file under overrides/assets/stylesheets/ listed under extra_css in mkdocs.yml",
    **dict.fromkeys(("iframe", "object", "embed", "frame", "frameset"), "link to what it shows instead: [its title](https://…)"),
    # What would redirect readers or re-aim every link and form of the page: only templates may.
    **dict.fromkeys(("meta", "base", "link"), "page settings belong in the front matter or in mkdocs.yml"),
}
HEADING = re.compile(r"h[1-6]")
HANDLER = re.compile(r"on[a-z]+")
# A URL as a browser reads it: blanks and control characters around it dropped, tabs and
# newlines anywhere in it dropped (WHATWG URL parsing), the scheme in any case.
URL_NOISE = re.compile(r"^[\x00-\x20]+|[\t\n\r]+|[\x00-\x20]+$")
JAVASCRIPT = re.compile(r"(?:java|vb)script:|data:text/html", re.I)  # URLs that run what they hold


class Slip(NamedTuple):
    kind: tuple[str, str]  # what is counted to find its line: ("tag", "script"), ("handler", "onclick")...
    problem: str  # what is wrong and what to write instead


def runs_script(url: str) -> bool:
    return JAVASCRIPT.match(URL_NOISE.sub("", url)) is not None


def url_advice(tag: str) -> str:
    if tag == "img":
        return "show an image file instead: ![its description](image.svg)"
    return "link to a page, a section ([text](faq.md#some-id)) or an https:// address instead"


class SlipFinder(HTMLParser):
    """The slips of a piece of HTML, in the order they come."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.slips: list[Slip] = []
        self.heading: tuple[str, list[str]] | None = None  # a raw heading without id, its text so far

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in REFUSED_TAGS:
            self.slips.append(Slip(("tag", tag), f"<{tag}> is refused in a page: {REFUSED_TAGS[tag]}"))
        for name, value in attrs:
            if HANDLER.fullmatch(name):
                self.slips.append(Slip(("handler", name), (
                    f"the {name}= attribute (on <{tag}>) runs script and is refused in a page: drop it, "
                    f"and put the behaviour in {SCRIPT_FILE}"
                )))
            elif value and runs_script(value):
                self.slips.append(Slip(("javascript", name), (
                    f"the {name}= of <{tag}> is a javascript: URL, which runs script, and is refused: "
                    f"{url_advice(tag)}"
                )))
        if HEADING.fullmatch(tag) and not any(name == "id" for name, _ in attrs):
            self.heading = (tag, [])

    def handle_data(self, data: str) -> None:
        if self.heading:
            self.heading[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self.heading and tag == self.heading[0]:
            self.heading_ends()

    def close(self) -> None:
        super().close()
        if self.heading:  # not closed: so it is in a beginning of the page, where its line is sought
            self.heading_ends()

    def heading_ends(self) -> None:
        tag, text = self.heading[0], " ".join("".join(self.heading[1]).split())
        self.slips.append(Slip(("heading", tag), (
            f'the heading "{text}" has no id: write "{"#" * int(tag[1])} {text} {{#some-id}}", '
            "with the same id in every language"
        )))
        self.heading = None


def slips(html: str) -> list[Slip]:
    finder = SlipFinder()
    finder.feed(html)
    finder.close()
    return finder.slips


def renderer(extensions: list, extension_configs: dict) -> Callable[[str], str]:
    """Markdown to HTML with the site's extensions (mkdocs.yml's markdown_extensions), made
    when first asked: a page without a slip never asks."""

    @lru_cache(maxsize=1)
    def converter() -> markdown.Markdown:
        return markdown.Markdown(extensions=extensions, extension_configs=extension_configs)

    def render(text: str) -> str:
        return converter().reset().convert(text)

    return render


def content_problems(source: str, html: str, render: Callable[[str], str]) -> list[tuple[int, str]]:
    """(line, problem) for each slip of html, the page made of source (its whole file, front
    matter included, as lines are counted), by line; render makes HTML of a part of the page."""
    found = slips(html)
    if not found:
        return []
    front_matter = YAML_RE.match(source)
    first = front_matter.group(0).count("\n") if front_matter else 0
    body = source.split("\n")[first:]

    @lru_cache(maxsize=None)
    def kinds_within(lines: int) -> Counter:
        """How many slips of each kind the first `lines` lines of the body bring in."""
        return Counter(slip.kind for slip in slips(render("\n".join(body[:lines]))))

    def line_of(kind: tuple[str, str], nth: int) -> int | None:
        """The first line of the body whose beginning brings in the nth slip of this kind."""
        if kinds_within(len(body))[kind] < nth:
            return None
        low, high = 1, len(body)
        while low < high:
            middle = (low + high) // 2
            low, high = (middle + 1, high) if kinds_within(middle)[kind] < nth else (low, middle)
        return first + low

    problems, seen = [], Counter()
    for slip in found:
        seen[slip.kind] += 1
        line = line_of(slip.kind, seen[slip.kind])
        if line is None:
            problems.append((1, f"{slip.problem} (its line could not be found: search the page for it)"))
        else:
            problems.append((line, slip.problem))
    return sorted(problems, key=lambda problem: problem[0])


# Before our own hooks (localized_permalinks, pending_notice) add to the HTML Markdown made.
@event_priority(50)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs) -> str:
    render = renderer(config.markdown_extensions, config.mdx_configs)
    stop_on_slips(content_problems(page.file.content_string, html, render), page, config)
    return html
