"""Show readers how recent each answer is: the day its text was last confirmed in every language.

The dates come from the translation lock (translations/lock.yml, written by
`python -m commands.confirm`), never from files' modification times, which a clone resets. Each
lock entry says when its section was confirmed: a date, or "import" for text untouched since the
guide was imported from provenance/ (on `extra.freshness.imported` in mkdocs.yml).

- Under the page's title: the latest date of the page's sections (not of its nav label or
  description: labels, not content), in the language's words (`extra.updated`, with `{date}`): "Mis à jour le
  4 décembre 2026". The same date is the page's `<lastmod>` in the sitemaps.
- Under a section's heading, when its date differs from the page's: its own, discreetly.
- A section pending in this language (translations/pending.yml) shows no date of its own: its
  notice (overrides/hooks/pending_notice.py) already says on which day the text it lags behind
  was updated, and links to it.
A section not in the lock yet (new, awaiting confirm) shows none.

Dates are `<time datetime>` elements written by Babel for the page's language, in Material's
"source file" style (`md-source-file`): no stylesheet of our own. Not in search (data-search-exclude)
and skipped by the checks that compare the languages (checks/parity.py, DATE_CLASS, like the
pending notice).
"""

from __future__ import annotations

import re
from datetime import date
from html import escape
from pathlib import Path

import yaml
from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from pending_notice import heading_span, pending_entries
from project import current_locale, page_name, yaml_error_line

LOCK = "translations/lock.yml"  # from the folder of mkdocs.yml
DATE_CLASS = "freshness-date"  # checks/parity.py skips what has it
IMPORTED = "import"  # a lock entry untouched since the import


def entry_date(entry: dict, imported: date, where: str) -> date:
    """When a lock entry was last confirmed."""
    confirmed = entry.get("confirmed")
    if confirmed == IMPORTED:
        return imported
    if isinstance(confirmed, date):
        return confirmed
    try:
        return date.fromisoformat(str(confirmed))
    except ValueError:
        raise PluginError(f"{LOCK}: {where}: confirmed is {confirmed!r}, not a date or '{IMPORTED}'") from None


def page_dates(lock: dict, page: str, imported: date) -> dict[str, date]:
    """Each section of a page that stands (not removed) and when it was confirmed: {id: date}.
    Its title and description (":title", ":description") are labels, not content: a new nav
    label does not make an answer newer."""
    return {
        section: entry_date(entry, imported, f"{page}#{section}")
        for section, entry in (lock.get(page) or {}).items()
        if isinstance(entry, dict) and "removed" not in entry and not section.startswith(":")
    }


def read_lock(config: MkDocsConfig) -> dict:
    path = Path(config.config_file_path).parent / LOCK
    if not path.is_file():
        return {}  # nothing confirmed yet: no dates, and `python -m commands.status` says so
    try:
        with open(path, encoding="utf-8") as f:
            lock = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as error:
        raise PluginError(yaml_error_line(LOCK, error)) from None
    if not isinstance(lock, dict):
        raise PluginError(f"{LOCK}: expected pages and their sections, found {type(lock).__name__}")
    return lock


def imported_date(config: MkDocsConfig) -> date:
    value = (config.extra.get("freshness") or {}).get("imported")
    if not isinstance(value, date):
        raise PluginError(
            f"mkdocs.yml: extra.freshness.imported must be the day the guide was imported from "
            f"provenance/ (YYYY-MM-DD), found {value!r}"
        )
    return value


def stamp(text: str, when: date, locale: str, kind: str) -> str:
    """The paragraph readers see: the language's words, the date in them as Babel writes it."""
    written = f'<time datetime="{when.isoformat()}">{format_date(when, format="long", locale=locale)}</time>'
    return (
        f'<p class="md-source-file {DATE_CLASS} {DATE_CLASS}--{kind}" data-search-exclude>'
        f'<small>{escape(text).replace("{date}", written)}</small></p>'
    )


# Read once per language's build (on_pre_build), for every page of it.
LOCKED: dict = {}


def on_pre_build(*, config: MkDocsConfig, **kwargs) -> None:
    LOCKED.clear()
    LOCKED.update(lock=read_lock(config), imported=imported_date(config), pending=pending_entries(config))
    text = config.extra["updated"]  # there: overrides/hooks/language_extra.py checks it first
    if "{date}" not in text:
        raise PluginError(
            f"overrides/hooks/freshness_dates.py: extra.updated of language '{current_locale(config)}' "
            f"must say when a page was updated, with {{date}} (e.g. \"Mis à jour le {{date}}\"): add it in mkdocs.yml"
        )


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
    locale = current_locale(config)
    name = page_name(page, config)
    dates = page_dates(LOCKED["lock"], name, LOCKED["imported"])
    if not dates:
        return html  # a page not confirmed yet: status and the tests name it
    newest = max(dates.values())
    page.update_date = newest.isoformat()  # the sitemaps' <lastmod>
    pending = {e["section"] for e in LOCKED["pending"] if (e["language"], e["page"]) == (locale, name)}
    text = config.extra["updated"]
    for section, confirmed in dates.items():
        span = heading_span(html, section)
        if span is None or html.startswith("<h1", span[0]):
            continue  # the page's own heading: the page's date
        if section not in pending and confirmed != newest:
            html = html[: span[1]] + stamp(text, confirmed, locale, "section") + html[span[1] :]
    title = re.search(r"<h1\b.*?</h1>", html, re.S)
    at = title.end() if title else 0
    return html[:at] + stamp(text, newest, locale, "page") + html[at:]
