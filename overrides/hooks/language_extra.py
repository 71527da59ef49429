"""Fail the build when a language lacks a text or setting that the templates or hooks read from `extra`.

Jinja renders a missing key as an empty string: a 404 page without its text, or link previews
without a locale, would build without a word. Each language sets these under
plugins.i18n.languages in mkdocs.yml; mkdocs-static-i18n merges them into `extra` before each
language's build, so they are checked there.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from project import current_locale

REQUIRED = [
    "full_name",  # overrides/main.html, 404.html: the site's full name in page titles
    "og_locale",  # overrides/main.html: og:locale and og:locale:alternate
    "not_found.title",  # overrides/404.html
    "not_found.text",
    "not_found.home",
    "not_found.search",
    "pending_notice.title",  # overrides/hooks/pending_notice.py
    "pending_notice.text",
    "pending_notice.missing",
    "search_none",  # overrides/main.html: the search panel's line when nothing matches
    "updated",  # overrides/hooks/freshness_dates.py: "Mis à jour le {date}"
    "freshness.imported",  # the same: the day of the import (one for every language)
    "answer_back.link",  # overrides/hooks/answer_back.py: the link to write to the editors,
    "answer_back.subject",  # its message's subject and body,
    "answer_back.body",
    "answer_back.search",  # and the line search's "nothing found" puts first
    "answer_back_to",  # where the messages go (one for every language)
    "related.title",  # overrides/hooks/related_sections.py: the line above the related sections
]


def missing_keys(extra: dict) -> list[str]:
    """The dotted REQUIRED keys that extra lacks or leaves empty."""

    def lookup(key):
        value = extra
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    return [key for key in REQUIRED if not lookup(key)]


def on_pre_build(*, config: MkDocsConfig, **kwargs) -> None:
    missing = missing_keys(dict(config.extra))
    if missing:
        language = current_locale(config)
        listing = ", ".join(f"extra.{key}" for key in missing)
        raise PluginError(
            f"overrides/hooks/language_extra.py: language '{language}' lacks {listing}: "
            "add it under plugins.i18n.languages in mkdocs.yml"
        )
