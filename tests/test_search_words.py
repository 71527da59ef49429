"""search_words.yml: each language's question words, definitions and synonyms, read and checked
by overrides/hooks/search_words.py for the search index; a slip names the file, the language and
the list."""

import pytest
from mkdocs.exceptions import PluginError

from checks.search import search_words
from checks.site import SEARCH_WORDS_YML

from .hooks import load_hook
from .params import LANGUAGES, each_language

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)

words = load_hook("search_words")


def written(tmp_path, text):
    path = tmp_path / "search_words.yml"
    path.write_text(text, encoding="utf-8")
    return path


@each_language
def test_every_language_has_its_words_and_each_group_two_words_or_more(language):
    listed = search_words(language)
    loaded = words.load_words(SEARCH_WORDS_YML, [language.locale])[language.locale]
    assert loaded == listed, f"[{language.locale}] search_words.yml read differently by the hook"
    small = [group for group in listed["synonyms"] if len(group) < 2]
    assert listed["synonyms"] and small == [], f"[{language.locale}] synonym groups {small}"


def test_a_missing_language_an_unknown_list_and_wrong_shapes_are_named(tmp_path):
    locales = [language.locale for language in LANGUAGES]
    first = locales[0]
    with pytest.raises(PluginError, match=rf"search_words.yml: {locales[-1]}: missing"):
        words.load_words(written(tmp_path, f"{first}: {{questions: [a]}}\n"), locales)
    with pytest.raises(PluginError, match=rf"search_words.yml: {first}: unknown list 'synonym'"):
        words.load_words(written(tmp_path, f"{first}: {{synonym: [[a, b]]}}\n"), [first])
    with pytest.raises(PluginError, match=rf"search_words.yml: {first}: questions must be a list of words"):
        words.load_words(written(tmp_path, f"{first}: {{questions: how}}\n"), [first])
    with pytest.raises(PluginError, match=rf"search_words.yml: {first}: each synonym group must list two words"):
        words.load_words(written(tmp_path, f"{first}: {{synonyms: [[alone]]}}\n"), [first])
    with pytest.raises(PluginError, match="search_words.yml: not found next to mkdocs.yml"):
        words.load_words(tmp_path / "absent.yml", [first])


def test_a_group_is_used_when_a_page_word_starts_with_one_of_its_words_accents_aside():
    docs = [{"title": "Réductions", "text": "<p>Frais d'annulation</p>"}]
    assert words.unused_groups([["reduction", "rabais"], ["annul", "x"], ["zqxwv", "wvxqz"]], docs) == [
        ["zqxwv", "wvxqz"]
    ]
