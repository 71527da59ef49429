"""Tell the readers of a section whose translation is pending that it follows, and where to read
the updated text meanwhile.

`python -m commands.pending faq.md#refund es --reason "…"` writes an entry to
translations/pending.yml (next to mkdocs.yml): `{page, section, language, since, reason}`. While
that language builds, right after the heading of that section, the page gets a notice in its
language (`extra.pending_notice`: a `title`, and a `text` with `{date}` and `{links}`): the date
written the reader's way (Babel), and a link to the same section in each language not pending
for it, named as in plugins.i18n.languages (to the page, in a language that removed the
section). A section that does not exist yet in that language
(new in another) gets its notice where it will stand, before the next section the languages
share, with the section's id (`extra.pending_notice.missing`): the language switcher's anchor
lands on it. A pending title or description (`faq.md:title`) has no notice: the nav shows the
last translated one. Nothing anywhere else.

The notice is a Material admonition with the class `translation-pending`, which the parity and
freshness checks skip (checks/parity.py, NOTICE_CLASS), and `data-search-exclude`, which keeps
it out of the search index. A file that is not a list of such entries, or an entry naming no
language, page or section of the site, stops the build.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape
from pathlib import Path

import yaml
from babel.dates import format_date
from babel.lists import format_list
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from heading_ids import headings
from project import built_locales, current_locale, i18n, page_name, relative_href, source_path, yaml_error_line

PENDING = "translations/pending.yml"  # from the folder of mkdocs.yml
FIELDS = {"page": str, "section": str, "language": str, "since": date, "reason": str}
PLACEHOLDERS = ("{date}", "{links}")
NOTICE_TEXTS = ("text", "missing")  # a section pending here; a section not written here yet


def pending_entries(config: MkDocsConfig) -> list[dict]:
    """The entries of translations/pending.yml, each checked; [] without the file."""
    path = Path(config.config_file_path).parent / PENDING
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []
    except yaml.YAMLError as error:
        raise PluginError(yaml_error_line(PENDING, error)) from None
    if not isinstance(entries, list):
        raise PluginError(f"{PENDING}: expected a list of entries, found {entries!r}")
    for number, entry in enumerate(entries, start=1):
        where = f"{PENDING}: entry {number} ({entry!r})"
        if not isinstance(entry, dict) or set(entry) != set(FIELDS):
            raise PluginError(f"{where}: expected exactly the keys {', '.join(FIELDS)}")
        for key, kind in FIELDS.items():
            if not isinstance(entry[key], kind):
                must = "a date, YYYY-MM-DD" if kind is date else "text"
                raise PluginError(f"{where}: {key} must be {must}")
        if entry["language"] not in built_locales(config):
            raise PluginError(f"{where}: {entry['language']} is not a language of mkdocs.yml")
        if not (Path(config.docs_dir) / entry["language"] / entry["page"]).is_file():
            raise PluginError(f"{where}: there is no page docs/{entry['language']}/{entry['page']}")
        if not entry["section"].startswith(":") and not any(
            entry["section"] in source_ids(config, locale, entry["page"]) for locale in built_locales(config)
        ):
            raise PluginError(f"{where}: no language has a section #{entry['section']} on {entry['page']}")
        if not updated_locales(entries, entry["page"], entry["section"], config):
            raise PluginError(f"{where}: {entry['page']}#{entry['section']} is pending in every language")
    return entries


def updated_locales(entries: list[dict], page: str, section: str, config: MkDocsConfig) -> list[str]:
    """The languages in which a section is not pending: those that hold its updated text."""
    waiting = {entry["language"] for entry in entries if (entry["page"], entry["section"]) == (page, section)}
    return [locale for locale in built_locales(config) if locale not in waiting]


def heading_span(html: str, section: str) -> tuple[int, int] | None:
    """Where the heading with that id (however quoted) starts and ends in the page's HTML, if there."""
    found = re.search(rf"<(h[1-6])\b[^>]*(?<![\w-])id=[\"']?{re.escape(section)}[\"'\s>].*?</\1>", html, re.S)
    return found and found.span()


def source_ids(config: MkDocsConfig, locale: str, page: str) -> list[str]:
    """The heading ids of a language's page, in order, read from its Markdown source."""
    path = Path(config.docs_dir) / locale / page
    if not path.is_file():
        return []
    return [found.id for found in headings(path.read_text(encoding="utf-8-sig")) if found.id]


def missing_place(html: str, section: str, ids: list[str]) -> int:
    """Where a section absent from this language's page will stand: before the first section
    that follows it in a language that has it (ids) and stands here too; else at the end."""
    for later in ids[ids.index(section) + 1 :]:
        span = heading_span(html, later)
        if span:
            return span[0]
    return len(html)


def section_link(page: Page, locale: str, section: str | None, name: str) -> str:
    """A link to the section in another language's version of the page, relative, named in it;
    to the page's top when that language removed the section (section None): an anchor that
    is not there would be a broken link.

    Material's bundle takes over a click on any link to another language's version of the page
    (one of its <link rel=alternate>) and sends the reader to that page's top, the anchor lost;
    it leaves alone a link with a target, so `target="_self"` (the browser's default) keeps it.
    """
    href = escape(relative_href(page.file.alternates[locale].url, page.url))
    fragment = f"#{section}" if section else ""
    return f'<a href="{href}{fragment}" hreflang="{locale}" lang="{locale}" target="_self">{escape(name)}</a>'


def notice(texts: dict, since: date, links: list[str], locale: str, anchor: str | None = None) -> str:
    """The admonition: the title, then the text with the date and the links in place; with the
    section's id (anchor) when it stands in place of a section not written in this language."""
    when = f'<time datetime="{since}">{format_date(since, format="long", locale=locale)}</time>'
    words = texts["missing" if anchor else "text"]
    text = escape(words).replace("{date}", when).replace("{links}", format_list(links, locale=locale))
    where = f' id="{escape(anchor)}"' if anchor else ""
    return (
        f'<div{where} class="admonition info translation-pending" role="note" data-search-exclude>'
        f'<p class="admonition-title">{escape(texts["title"])}</p><p>{text}</p></div>'
    )


# The entries, read and checked once per language's build (on_pre_build), for every page of it:
# checking them reads other pages' sources, which no page should pay for again.
ENTRIES: list[dict] = []


def on_pre_build(*, config: MkDocsConfig, **kwargs) -> None:
    """Stop before any page on a bad file, or on a text a notice cannot be written from."""
    ENTRIES[:] = pending_entries(config)
    for key in NOTICE_TEXTS:
        text = (config.extra.get("pending_notice") or {}).get(key) or ""
        missing = [placeholder for placeholder in PLACEHOLDERS if placeholder not in text]
        if missing:
            raise PluginError(
                f"overrides/hooks/pending_notice.py: extra.pending_notice.{key} of language "
                f"'{current_locale(config)}' lacks {' and '.join(missing)}: add it in mkdocs.yml"
            )


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs) -> str:
    locale = current_locale(config)
    name = page_name(page, config)
    entries = ENTRIES
    names = {language.locale: language.name for language in i18n(config).config.languages}
    for entry in [e for e in entries if (e["language"], e["page"]) == (locale, name)]:
        section = entry["section"]
        if section.startswith(":"):
            continue  # a title or description: no place in the article
        updated = updated_locales(entries, name, section, config)
        links = [
            section_link(page, other, section if section in source_ids(config, other, name) else None, names[other])
            for other in updated
        ]
        span = heading_span(html, section)
        if span:
            text = notice(config.extra["pending_notice"], entry["since"], links, locale)
            html = html[: span[1]] + text + html[span[1] :]
            continue
        if section in source_ids(config, locale, name):
            raise PluginError(
                f"{PENDING}: {source_path(page, config)} has no heading with id '{section}' "
                f"(the entry {name}#{section} for {locale})"
            )
        ids = next((ids for other in updated if section in (ids := source_ids(config, other, name))), None)
        if ids is None:
            raise PluginError(f"{PENDING}: {name}#{section} stands in no language that holds its update")
        at = missing_place(html, section, ids)
        text = notice(config.extra["pending_notice"], entry["since"], links, locale, anchor=section)
        html = html[:at] + text + html[at:]
    return html
