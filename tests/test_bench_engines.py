"""The engine comparison's glue (python -m benchmarks.engines): the same for every engine, only
the site's language data; and its ranks and table, computed from what the engines return."""


from benchmarks.engines.__main__ import Row, also, main, table, without_question_words
from checks.search import folded_words, search_words

from .params import each_language


@each_language
def test_a_text_using_a_word_of_a_synonym_group_is_given_the_whole_group(language):
    groups = search_words(language)["synonyms"]
    group = groups[0]
    given = also(f"Un texte avec {group[0]} dedans.", groups).split()
    missing = [word for word in folded_words(" ".join(group)) if word not in folded_words(" ".join(given))]
    assert missing == [], f"[{language.locale}] {group[0]!r} given {given}, not {missing}"
    assert also("zzz qqq", groups) == "", f"[{language.locale}] a text of no group's word is given words"


@each_language
def test_question_words_are_left_out_of_a_query_and_what_it_asks_stays(language):
    words = search_words(language)
    for opening in words["questions"] + words["definitions"]:
        typed = without_question_words(f"{opening} zorblat ?", words)
        assert typed == "zorblat", f"[{language.locale}] {opening!r}: typed {typed!r}"
    assert without_question_words(words["questions"][0], words) == words["questions"][0], (
        "a query of only a question word is searched as typed"
    )


def test_the_table_shows_each_engine_and_language_with_its_ranks_bytes_and_times():
    rows = [Row("Engine 1.0", "xx", [1, 2, 4, None], [], 2048, 12.0, [1.0, 3.0, 2.0])]
    cells = table(rows).splitlines()[2].split()
    # top 1: 1 of 4; top 3: 2 of 4; MRR: (1 + 1/2 + 1/4 + 0) / 4
    assert cells == ["Engine", "1.0", "xx", "25%", "50%", "0.44", "2.0", "KiB", "12", "2.0", "3.0"], cells


def test_without_the_engines_installed_the_command_says_how_to_install_them(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("benchmarks.engines.__main__.NODE_MODULES", tmp_path)
    monkeypatch.setattr("benchmarks.engines.__main__.chromium_unavailable", lambda: None)
    assert main([]) == 2
    assert "npm ci" in capsys.readouterr().err
