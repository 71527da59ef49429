"""The links of a page's Markdown source, rewritten when sections move: inline links
`[x](faq.md#refund "title")`, reference definitions `[x]: faq.md#refund`, and the href of raw
HTML links `<a href="../faq/#refund">`, outside code (code blocks, `inline code`).

A Markdown link names a source file, relative to the file it is written in (`../faq.md#refund`,
`#refund` on its own page); a raw HTML link names a built page, relative to that page's address
(`../faq/#refund`): MkDocs rewrites the first, not the second. Each is rewritten in its own kind.
A link is left exactly as written unless the section it leads to moved, or the link itself moved
with its section to a file where, as written, it would lead elsewhere.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from checks.site import Language, internal_target, site_path

# (page, section) -> (page, section): where each moved section goes; pages as "faq.md"
Moves = dict[tuple[str, str], tuple[str, str]]

MARKDOWN_LINK = re.compile(r"(\]\(\s*<?)([^\s)<>]+)")
REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:[ \t]*<?)([^\s>]+)")
HTML_LINK = re.compile(r"(<a\s[^>]*?\bhref=[\"']?)([^\"'\s>]+)", re.I)
INLINE_CODE = re.compile(r"(`+).+?\1")


@dataclass(frozen=True)
class Kind:
    """How one kind of link names its target: resolve (a link's path, from a base: the target,
    or None when it leaves the site), relative (a target, from a base: the path to write),
    page_of (a target: (locale, page) when it is a page of a language, else None) and target_of
    (the reverse)."""

    resolve: Callable[[str, str], str | None]
    relative: Callable[[str, str], str]
    page_of: Callable[[str], tuple[str, str] | None]
    target_of: Callable[[str, str], str]  # (locale, page) -> target


def source_files(languages: list[Language]) -> Kind:
    """Markdown links: targets are files under docs/, "fr/faq.md"; bases are the files linking."""
    locales = {lang.locale for lang in languages}

    def resolve(path: str, base: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if path else base

    def relative(target: str, base: str) -> str:
        return "" if target == base else posixpath.relpath(target, posixpath.dirname(base) or ".")

    def page_of(target: str) -> tuple[str, str] | None:
        locale, _, page = target.partition("/")
        return (locale, page) if locale in locales and page.endswith(".md") else None

    return Kind(resolve, relative, page_of, lambda locale, page: f"{locale}/{page}")


def built_pages(languages: list[Language], pages: list[str]) -> Kind:
    """Raw HTML links: targets are site-root paths, "es/faq/"; bases are the pages linking."""
    by_path = {site_path(lang, page): (lang.locale, page) for lang in languages for page in pages}
    by_locale = {lang.locale: lang for lang in languages}

    def resolve(path: str, base: str) -> str | None:
        found = internal_target(base, path)
        return None if found is None else found[0].removesuffix("index.html")

    def relative(target: str, base: str) -> str:
        if target == base:
            return ""
        up = posixpath.relpath(target or ".", base or ".")
        return "./" if up == "." else up + "/" if target.endswith("/") or not target else up

    return Kind(resolve, relative, by_path.get, lambda locale, page: site_path(by_locale[locale], page))


def moved_href(href: str, kind: Kind, written_at: str, ends_at: str, moves: Moves) -> str:
    """The href a link must have at ends_at (where it is after the move; written_at before it)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return href
    target = kind.resolve(parts.path, written_at)
    if target is None:
        return href
    new_target, fragment = target, parts.fragment
    page = kind.page_of(target)
    if page and fragment and (page[1], fragment) in moves:
        new_page, fragment = moves[page[1], fragment]
        new_target = kind.target_of(page[0], new_page)
    path = parts.path if kind.resolve(parts.path, ends_at) == new_target else kind.relative(new_target, ends_at)
    if (path, fragment) == (parts.path, parts.fragment):
        return href
    return urlunsplit(("", "", path, parts.query, fragment))


@dataclass(frozen=True)
class Place:
    """Where a link is: its language, the page it was written in and the page it is in after
    the move (another one for the links of a moved section)."""

    language: Language
    written_in: str  # the page, "faq.md", the link was written in
    ends_in: str  # the page it is in after the move


def rewrite_links(
    lines: list[str], code: set[int], place: Place, kinds: tuple[Kind, Kind], moves: Moves
) -> tuple[list[str], list[tuple[int, str, str]]]:
    """(the lines with their links rewritten, [(line index, old href, new href)]). Lines in code
    (indexes in `code`) and `inline code` are left alone."""
    markdown, html = kinds
    locale = place.language.locale
    source = (f"{locale}/{place.written_in}", f"{locale}/{place.ends_in}")
    built = (site_path(place.language, place.written_in), site_path(place.language, place.ends_in))
    changes: list[tuple[int, str, str]] = []

    def replace(number: int, kind: Kind, bases: tuple[str, str]):
        def sub(match: re.Match) -> str:
            href = match.group(2)
            is_source = kind is markdown or urlsplit(href).path.endswith(".md")
            new = moved_href(href, markdown if is_source else kind, *(source if is_source else bases), moves)
            if new != href:
                changes.append((number, href, new))
            return match.group(1) + new

        return sub

    result = []
    for number, line in enumerate(lines):
        if number not in code:
            pieces, last = [], 0
            for span in [*INLINE_CODE.finditer(line), None]:
                text = line[last : span.start() if span else len(line)]
                if last == 0:
                    text = REFERENCE.sub(replace(number, markdown, source), text, count=1)
                text = MARKDOWN_LINK.sub(replace(number, markdown, source), text)
                text = HTML_LINK.sub(replace(number, html, built), text)
                pieces.append(text + (span.group(0) if span else ""))
                last = span.end() if span else len(line)
            line = "".join(pieces)
        result.append(line)
    return result, changes
