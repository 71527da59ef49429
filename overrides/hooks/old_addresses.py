"""The old address of a renamed or moved section still lands on it, in every language.

`python -m commands.rename` records each old address in translations/old_addresses.yml (next to
mkdocs.yml), with where its section is now: `faq.md#refund: faq.md#money-back` (renamed on its
page) or `faq.md#refund: negotiate.md#money-back` (moved to another page). In every language:

- renamed on its page: the heading gets an anchor with the old id, an empty
  `<span id="refund" class="old-address">` as its first child, which
  overrides/assets/stylesheets/old-addresses.css (loaded by overrides/main.html on such pages
  only) gives the heading's place and scroll margin, so that `faq/#refund` lands where
  `faq/#money-back` does, below Material's sticky header. A span inside a heading is not a
  heading, nor a block of the article, to the parity and freshness checks, nor markup to search;
- moved to another page: the old page forwards `#refund` to the new page's section, with
  overrides/assets/javascripts/old-addresses.js, which overrides/main.html loads on such pages
  with their forwards in a data- attribute (no inline script: the Content-Security-Policy allows
  none unhashed), as URLs relative to the page: the same build serves any site_url.

The language switcher keeps the anchor, old or new (overrides/assets/javascripts/language.js),
and every language has the same anchors and forwards. The build stops, naming the file and the
entry, on a file that is not such a mapping, on an entry whose section is not there in every
language (it would land nowhere), and on an old address that is a section's address again (a
new heading given the old id by hand: remove the entry, or choose another id; the rename command
itself drops the entries it makes live again).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import yaml
from heading_ids import headings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext
from project import built_locales, current_locale, page_name

OLD_ADDRESSES = "translations/old_addresses.yml"  # from the folder of mkdocs.yml
ADDRESS = re.compile(r"(?P<page>[^#\s]+\.md)#(?P<section>[a-z0-9]+(?:-[a-z0-9]+)*)")
ANCHOR_CLASS = "old-address"


def heading_lines(docs_dir: Path, locale: str, page: str) -> dict[str, int] | None:
    """{heading id: line} of a language's page source; None when there is no such page."""
    path = docs_dir / locale / page
    if not path.is_file():
        return None
    return {h.id: h.line for h in headings(path.read_text(encoding="utf-8")) if h.id}


def entry_problem(old: str, new: str, docs_dir: Path, locales: list[str]) -> str | None:
    """What is wrong with one entry, in a sentence that says what to do; None if it is fine."""
    (old_page, old_id), (new_page, new_id) = old.split("#"), new.split("#")
    for locale in locales:
        old_headings = heading_lines(docs_dir, locale, old_page)
        new_headings = heading_lines(docs_dir, locale, new_page)
        if old_headings is None:
            return f"there is no page docs/{locale}/{old_page} for the old address to be on: remove the entry"
        if old_id in old_headings:
            return (
                f"the old address is a section's address again (docs/{locale}/{old_page}:"
                f"{old_headings[old_id]}): remove the entry, or give that section another id"
            )
        if new_headings is None or new_id not in new_headings:
            return (
                f"docs/{locale}/{new_page} has no heading {{#{new_id}}}: the old address would land "
                "nowhere; write where the section is now"
            )
    return None


def entries(config: MkDocsConfig) -> list[tuple[str, str, str, str]]:
    """(old page, old id, new page, new id) of each entry, as written; [] without the file. A
    file that is not such a mapping stops the build."""
    path = Path(config.config_file_path).parent / OLD_ADDRESSES
    try:
        found = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except yaml.YAMLError as error:
        raise PluginError(f"{OLD_ADDRESSES} is not valid YAML: {error}") from None
    if not isinstance(found, dict | None):
        raise PluginError(f"{OLD_ADDRESSES}: expected a mapping `old-page.md#old-id: page.md#id`, found {found!r}")
    for old, new in (found or {}).items():
        if not all(isinstance(address, str) and ADDRESS.fullmatch(address) for address in (old, new)):
            raise PluginError(
                f"{OLD_ADDRESSES}: entry `{old}: {new}`: write `old-page.md#old-id: page.md#id` (ids: a-z, 0-9, -)"
            )
    return [(*old.split("#"), *new.split("#")) for old, new in (found or {}).items()]


def old_addresses(config: MkDocsConfig) -> list[tuple[str, str, str, str]]:
    """The entries, each checked against every language's pages."""
    found = entries(config)
    for old_page, old_id, new_page, new_id in found:
        old, new = f"{old_page}#{old_id}", f"{new_page}#{new_id}"
        problem = entry_problem(old, new, Path(config.docs_dir), built_locales(config))
        if problem:
            raise PluginError(f"{OLD_ADDRESSES}: entry `{old}: {new}`: {problem}")
    return found


# The entries, read and checked once per language's build (on_pre_build), for every page of it.
ENTRIES: list[tuple[str, str, str, str]] = []


def on_pre_build(*, config: MkDocsConfig, **kwargs) -> None:
    """Stop before any page on a bad file or an entry that would land nowhere (the page events
    then read the entries checked here)."""
    ENTRIES[:] = old_addresses(config)


def with_anchor(html: str, old_id: str, new_id: str, where: str) -> str:
    """The page's HTML with an empty anchor of old_id as the first child of the new_id heading."""
    heading = re.search(rf"<h[1-6]\b[^>]*(?<![\w-])id=[\"']?{re.escape(new_id)}[\"'\s>][^>]*>", html)
    if heading is None:
        raise PluginError(
            f"overrides/hooks/old_addresses.py: no heading with id '{new_id}' in the HTML of {where}, "
            f"for the old address #{old_id} ({OLD_ADDRESSES}): has the heading markup changed?"
        )
    anchor = f'<span id="{escape(old_id)}" class="{ANCHOR_CLASS}"></span>'
    return html[: heading.end()] + anchor + html[heading.end() :]


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs) -> str:
    name = page_name(page, config)
    for old_page, old_id, new_page, new_id in ENTRIES:
        if old_page == name == new_page:
            html = with_anchor(html, old_id, new_id, page.file.src_uri)
    return html


def on_page_context(
    context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation, **kwargs
) -> TemplateContext:
    """For overrides/main.html: old_address_anchors (the page has some: load their stylesheet),
    old_address_forwards ({old id: the new section's URL, relative to this page})."""
    name, locale = page_name(page, config), current_locale(config)
    mine = [entry for entry in ENTRIES if entry[0] == name]
    forwards = {}
    for _, old_id, new_page, new_id in mine:
        if new_page != name:
            urls = {file.src_uri: file.url for file in context["pages"]}
            url = get_relative_url(urls[f"{locale}/{new_page}"], page.url)
            forwards[old_id] = f"{url}/" if url.endswith(".") else url  # "../", not "..", for a home
            forwards[old_id] += f"#{new_id}"
    context["old_address_anchors"] = any(entry[2] == name for entry in mine)
    context["old_address_forwards"] = forwards
    return context
