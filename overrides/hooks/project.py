"""What several hooks need to know of the project, worked out in one place: the languages
mkdocs-static-i18n builds, the default one, the one being built now, and where a page's source
file is (for error messages). Not a hook itself: hooks import it (MkDocs puts their folder on
sys.path while it loads them)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


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


def current_locale(config: MkDocsConfig) -> str:
    """The language being built now."""
    return i18n(config).current_language


def source_path(page: Page, config: MkDocsConfig) -> str:
    """The page's file as the editor sees it from the project's root: docs/<locale>/<page>.md."""
    path = os.path.join(config.docs_dir, page.file.src_uri)
    return Path(os.path.relpath(path, os.path.dirname(config.config_file_path))).as_posix()


def stop_on_slips(problems: list[tuple[int, str]], page: Page, config: MkDocsConfig) -> None:
    """Stop the build on an editor's slips in a page, one line each, as an editor's tools read
    them: docs/<locale>/<page>.md:<line>: what is wrong and what to write instead."""
    if problems:
        path = source_path(page, config)
        raise PluginError("\n".join(f"{path}:{line}: {problem}" for line, problem in problems))
