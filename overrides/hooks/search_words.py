"""Each language's search words (search_words.yml, next to mkdocs.yml), read and checked for
overrides/hooks/search_per_language.py, which folds them into the language's index. Not a hook
itself, like project.py.

The search worker (overrides/assets/javascripts/workers/search-ranking.js) reads them from the
index's configuration, as `words`: the question words that weigh little in a query, and the
groups of synonyms a query word also finds. Riding in the index, they cost no request of their
own, and a slip stops the build: a language without an entry, a list of the wrong shape, a
synonym group none of whose words the language's pages use.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from project import yaml_error_line

FILE = "search_words.yml"


def words_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / FILE


LISTS = ("questions", "definitions")  # lists of words or phrases; "synonyms" lists groups of them


def phrases(value) -> bool:
    return isinstance(value, list) and all(isinstance(word, str) and word.strip() for word in value)


def load_words(path: Path, locales: list[str]) -> dict[str, dict]:
    """Each locale's {"questions": [...], "definitions": [...], "synonyms": [[...], ...]}, checked
    for shape: a slip names the file, the language and the list."""
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
    except FileNotFoundError:
        raise PluginError(f"{FILE}: not found next to mkdocs.yml (the search words of each language)")
    except yaml.YAMLError as error:
        raise PluginError(yaml_error_line(FILE, error)) from None
    words = {}
    for locale in locales:
        entry = data.get(locale)
        where = f"{FILE}: {locale}"
        if not isinstance(entry, dict):
            raise PluginError(f"{where}: missing; give the language its {', '.join(LISTS)} and synonyms")
        unknown = sorted(set(entry) - {*LISTS, "synonyms"})
        if unknown:
            raise PluginError(f"{where}: unknown list {unknown[0]!r}; the lists are {', '.join(LISTS)}, synonyms")
        for name in LISTS:
            if not phrases(entry.get(name, [])):
                raise PluginError(f"{where}: {name} must be a list of words, not {entry[name]!r}")
        synonyms = entry.get("synonyms", [])
        for group in synonyms if isinstance(synonyms, list) else [synonyms]:
            if not (phrases(group) and len(group) > 1):
                raise PluginError(f"{where}: each synonym group must list two words or more, not {group!r}")
        words[locale] = {name: entry.get(name, []) for name in (*LISTS, "synonyms")}
    return words


def fold(text: str) -> str:
    """Lower case and unaccented, as search compares words."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def unused_groups(synonyms: list[list[str]], docs: list[dict]) -> list[list[str]]:
    """The synonym groups none of whose words starts a word of the pages: they would find nothing."""
    text = " " + fold(" ".join(doc["title"] + " " + doc["text"] for doc in docs))
    text = "".join(c if c.isalnum() else " " for c in text)
    return [group for group in synonyms if not any(f" {fold(word)}" in text for word in group)]


def language_words(words: dict, locale: str, docs: list[dict]) -> dict:
    """A language's words, for its index: its synonym groups checked against its pages."""
    unused = unused_groups(words["synonyms"], docs)
    if unused:
        raise PluginError(
            f"{FILE}: {locale}: no page of the language uses a word of the synonym group "
            f"{unused[0]}: add the word the pages use, or drop the group"
        )
    return words
