"""What several hooks need to know of the project, worked out in one place: the languages
mkdocs-static-i18n builds, the default one, the one being built now, where a page's source
file is, and how an editor's slip is reported (by file and line, a YAML error by file, line and
column). Not a hook itself: hooks import it (MkDocs puts their folder on sys.path while it loads
them, and keeps the module for the whole process)."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url


def i18n(config: MkDocsConfig):
    """The mkdocs-static-i18n plugin, which builds the languages one after the other."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("overrides/hooks: mkdocs.yml has no i18n plugin (mkdocs-static-i18n)")
    return plugin


def built_locales(config: MkDocsConfig) -> list[str]:
    """The locales built, in the order mkdocs.yml declares them."""
    return [lang.locale for lang in i18n(config).config.languages if lang.build]


def default_locale(config: MkDocsConfig) -> str:
    return next(lang.locale for lang in i18n(config).config.languages if lang.default)


def inner_build(config: MkDocsConfig) -> bool:
    """Whether this is one of the builds mkdocs-static-i18n runs for the other languages, from
    within the default language's on_post_build (its `building` flag). A hook that reads the
    whole built site after them (priority below -100) need not run in them: the default
    language's own on_post_build comes last, with every language built."""
    return bool(getattr(i18n(config), "building", False))


def current_locale(config: MkDocsConfig) -> str:
    """The language being built now."""
    return i18n(config).current_language


def page_name(page: Page, config: MkDocsConfig) -> str:
    """The page as the language folders all name it: "es/faq.md" -> "faq.md"."""
    return page.file.src_uri.removeprefix(f"{current_locale(config)}/")


def page_url(name: str) -> str:
    """A page's URL from its language's folder: "faq.md" -> "faq/", "index.md" -> ""."""
    stem = name.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def relative_href(to_url: str, from_url: str) -> str:
    """A link from one page's URL to another's: "../", not "..", for a home."""
    href = get_relative_url(to_url, from_url)
    return f"{href}/" if href.endswith(".") else href


# A question of the FAQ: its id and its heading's inner HTML
QUESTION = re.compile(r"<h2\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h2>", re.S)


def answer_ends(html: str) -> list[tuple[str, str, int]]:
    """Each FAQ question of a page's HTML as (id, heading HTML, where its answer ends: at the next
    question, or the end), last first: inserting at one leaves the others' places as they are."""
    found = list(QUESTION.finditer(html))
    ends = [after.start() for after in found[1:]] + [len(html)]
    return [(q.group(1), q.group(2), end) for q, end in reversed(list(zip(found, ends)))]


def faq_url(config: MkDocsConfig) -> str:
    """The FAQ page's URL from its language's folder ("faq/"), named by extra.faq_page in mkdocs.yml."""
    name = config.extra.get("faq_page")
    if not isinstance(name, str) or not name.endswith(".md"):
        raise PluginError("mkdocs.yml: set extra.faq_page to the FAQ's file name, such as faq.md")
    if not (Path(config.docs_dir) / default_locale(config) / name).is_file():
        raise PluginError(f"mkdocs.yml: extra.faq_page names {name}, which docs/{default_locale(config)}/ lacks")
    return page_url(name)


def source_path(page: Page, config: MkDocsConfig) -> str:
    """The page's file as the editor sees it from the project's root: docs/<locale>/<page>.md."""
    path = os.path.join(config.docs_dir, page.file.src_uri)
    return Path(os.path.relpath(path, os.path.dirname(config.config_file_path))).as_posix()


# Under "mkdocs": MkDocs prints its records, and `mkdocs build --strict` counts their warnings.
log = logging.getLogger("mkdocs.hooks.slips")

# Where a slip is: its line, or (line, column) for a YAML error.
Position = int | tuple[int, int]

# The slips reported for each page in the build under way, by source path, in the order
# reported: overrides/hooks/slips_on_serve.py shows them at the top of the page under
# `mkdocs serve`, and empties this before each language builds.
SLIPS: dict[str, list[tuple[Position, str]]] = {}


def slip_place(path: str, position: Position) -> str:
    """Where a slip is, as an editor's tools read it: docs/<locale>/<page>.md:<line>[:<column>]."""
    return f"{path}:{':'.join(map(str, position)) if isinstance(position, tuple) else position}"


def stop_on_slips(problems: list[tuple[Position, str]], page: Page, config: MkDocsConfig) -> None:
    """Report an editor's slips in a page, one warning each, as MkDocs' own validation does:
    docs/<locale>/<page>.md:<line>: what is wrong: what to write instead. The page still builds;
    `mkdocs build --strict` stops at the end, once every slip of every page is listed (MkDocs
    counts the warnings), and `mkdocs serve` also shows them in the page (slips_on_serve.py)."""
    path = source_path(page, config)
    for position, problem in problems:
        log.warning(f"{slip_place(path, position)}: {problem}")
        SLIPS.setdefault(path, []).append((position, problem))


def yaml_mark(error: yaml.YAMLError) -> yaml.Mark | None:
    """Where an editor mends a YAML error: where PyYAML stopped (problem_mark), but for a token
    it could not finish (an unclosed quote, a key without ":") or a bracket never closed, where
    that starts (context_mark): PyYAML stops on the next line or at the end of the file."""
    problem = getattr(error, "problem", None) or ""
    unfinished = isinstance(error, yaml.scanner.ScannerError) or "<stream end>" in problem
    context = getattr(error, "context_mark", None)
    return context if unfinished and context else getattr(error, "problem_mark", None)


def yaml_said(error: yaml.YAMLError) -> str:
    """What PyYAML says is wrong, on one line: "while scanning a quoted scalar, found unexpected end of stream"."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return " ".join(str(error).split())
    return ", ".join(" ".join(part.split()) for part in (error.context, error.problem) if part)


def yaml_error_line(file: str, error: yaml.YAMLError) -> str:
    """A YAML file's error on one line: FILE:LINE:COLUMN: not valid YAML: what PyYAML says."""
    mark = yaml_mark(error)
    where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark else file
    return f"{where}: not valid YAML: {yaml_said(error)}"
