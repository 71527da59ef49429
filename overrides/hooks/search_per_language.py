"""Write one search index per language, each with its own stemmer and stop words.

mkdocs-static-i18n merges every language into the one search/search_index.json Material
loads, under a mixed lunr pipeline: a French reader gets Spanish hits. Once it has merged
(it runs at priority -100), split the entries by the folder they live in and write each
language its own index: search/search_index.json for the default language, <locale>/search/
for the others. overrides/assets/javascripts/search-language.js makes a page load its own.

Each index's configuration also carries what the search worker needs beyond Material's: the
language's search words (`words`, from search_words.yml: see search_words.py) and the entries
the search panel offers when nothing matches (`offers`): the FAQ page (when there is one), then
every other page's sections (the page itself when it has none), the home aside.
"""

import json
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import write_file
from project import built_locales, current_locale, default_locale, faq_url
from search_words import language_words, load_words, words_file

LUNR_LANGUAGES = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
# Material's default pipeline leaves the stemmer out; each index here stems its own words.
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]


def index_path(locale: str, default: bool) -> str:
    return f"{'' if default else locale + '/'}search/search_index.json"


def split_by_language(entries: list[dict], locales: list[str], default: str) -> dict[str, list]:
    """Each language's entries, told apart by their folder: "es/faq/#refund" is Spanish."""
    folders = {f"{locale}/": locale for locale in locales if locale != default}
    by_language = {locale: [] for locale in locales}
    for entry in entries:
        if "location" not in entry:
            raise PluginError(
                f"overrides/hooks/search_per_language.py: a search entry without a location "
                f"({sorted(entry)}); has Material changed its index?"
            )
        folder = entry["location"].split("/", 1)[0] + "/"
        by_language[folders.get(folder, default)].append(entry)
    return by_language


def nav_urls(nav: list) -> list[str]:
    """The URLs of the pages of `nav:` in reading order: "faq.md" -> "faq/", "index.md" -> ""."""
    urls = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            urls += nav_urls(value)
        elif isinstance(value, str) and value.endswith(".md"):
            stem = value.removesuffix(".md")
            urls.append("" if stem == "index" else stem.removesuffix("/index") + "/")
    return urls


def offers(entries: list[dict], prefix: str, nav: list[str], faq: str) -> list[str]:
    """What the search panel offers when nothing matches, from a language's entries (prefix: its
    folder, "" or "es/"), in the order of nav (page URLs): the FAQ, then every other page's
    sections (or the page, when it has none), the home's aside. faq: the FAQ's URL ("faq/"),
    offered whole."""
    pages: dict[str, list[str]] = {}
    for entry in entries:
        page = entry["location"].partition("#")[0]
        pages.setdefault(page, []).append(entry["location"])
    order = {prefix + url: n for n, url in enumerate(nav)}
    offered = [prefix + faq] if prefix + faq in pages else []
    for page in sorted(pages, key=lambda page: order.get(page, len(order))):
        if page not in (prefix, prefix + faq):
            offered += [loc for loc in pages[page] if "#" in loc] or [page]
    return offered


def stemmable_locales(config: MkDocsConfig) -> list[str]:
    """The locales built; each must have a lunr stemmer."""
    for locale in built_locales(config):
        if locale != "en" and not (LUNR_LANGUAGES / f"lunr.{locale}.min.js").is_file():
            raise PluginError(f"Search: lunr has no stemmer for language {locale!r}")
    return built_locales(config)


@event_priority(-110)  # after mkdocs-static-i18n has set up the language being built
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Tell the templates where this language's index is (overrides/main.html)."""
    load_words(words_file(config), stemmable_locales(config))
    locale = current_locale(config)
    config.extra["search_index"] = index_path(locale, locale == default_locale(config))
    return config


@event_priority(-110)  # after mkdocs-static-i18n has merged every language's entries
def on_post_build(*, config: MkDocsConfig, **kwargs) -> None:
    search = config.plugins["material/search"]
    locales, default = stemmable_locales(config), default_locale(config)
    words = load_words(words_file(config), locales)
    for locale, entries in split_by_language(search.search_index.entries, locales, default).items():
        if not entries:  # a language built later: its own build writes its index
            continue
        settings = {"lang": [locale], "separator": search.config.separator, "pipeline": PIPELINE}
        prefix = "" if locale == default else f"{locale}/"
        index = {
            "config": {
                **settings,
                "fields": search.config.fields,
                "words": language_words(words[locale], locale, entries),
                "offers": offers(entries, prefix, nav_urls(config.nav), faq_url(config)),
            },
            "docs": entries,
        }
        path = Path(config.site_dir) / index_path(locale, locale == default)
        write_file(json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode(), str(path))
