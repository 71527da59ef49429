"""The engine comparison's glue (python -m benchmarks.engines): the same for every engine, only
the site's language data; its ranks and table, computed from what the engines return; and its
guides of distinct text (benchmarks/distinct_text.py)."""


import gzip
import re

from benchmarks.engines.__main__ import Row, also, documents, main, table, without_question_words
from benchmarks.distinct_text import distinct_sections
from checks.search import folded_words, search_words

from .params import each_language

NUMBER = re.compile(r"\d+")
NAME = re.compile(r"\b[A-ZÀ-Ý]\w*")  # a capitalised word: a name, or a sentence's first


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


def test_the_table_shows_each_engine_language_and_size_with_its_ranks_bytes_and_times():
    rows = [Row("Engine 1.0", "xx", 50, [1, 2, 4, None], [], 2048, 12.0, [8.0, 1.0, 3.0, 2.0], 4.25)]
    cells = table(rows).splitlines()[2].split()
    # top 1: 1 of 4; top 3: 2 of 4; MRR: (1 + 1/2 + 1/4 + 0) / 4; first answer: ready + first
    # query (12 + 8); later: the median of the others (1, 3, 2)
    assert cells == ["Engine", "1.0", "xx", "50", "25%", "50%", "0.44", "2.0", "KiB", "20", "2.0", "4.2"], cells


def test_without_the_engines_installed_the_command_says_how_to_install_them(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("benchmarks.engines.__main__.NODE_MODULES", tmp_path)
    monkeypatch.setattr("benchmarks.engines.__main__.chromium_unavailable", lambda: None)
    assert main([]) == 2
    assert "npm ci" in capsys.readouterr().err


@each_language
def test_a_distinct_guide_keeps_the_real_sections_first_and_repeats_no_text(site_dir, language):
    real = documents(site_dir, language, search_words(language))
    pages = len({section["location"].split("#")[0] for section in real})
    made = distinct_sections(real, pages * 3, language.locale)
    where = f"[{language.locale}] a guide of {pages * 3} pages"
    assert made[: len(real)] == real, f"{where}: the real sections do not come first, unchanged"
    assert len(made) == 3 * len(real), f"{where}: {len(made)} sections, not {3 * len(real)}"
    assert len({section["location"] for section in made}) == len(made), f"{where}: a location repeats"
    texts = [section["text"] for section in made if len(section["text"]) > 40]
    assert len(set(texts)) == len(texts), f"{where}: a section's text repeats"
    for copy, section in zip(made[len(real):], real * 2):
        assert NUMBER.findall(copy["text"]) == NUMBER.findall(section["text"]), f"{where}: numbers changed"
        assert NAME.findall(copy["text"]) == NAME.findall(section["text"]), f"{where}: names changed"


@each_language
def test_a_distinct_guide_grows_its_vocabulary_and_compresses_like_real_text(site_dir, language):
    real = documents(site_dir, language, search_words(language))
    pages = len({section["location"].split("#")[0] for section in real})
    vocabulary, ratio = [], []
    for size in (pages, pages * 10, pages * 40):
        text = " ".join(section["title"] + " " + section["text"] for section in distinct_sections(real, size, language.locale))
        vocabulary.append(len(set(folded_words(text))))
        ratio.append(len(gzip.compress(text.encode())) / len(text.encode()))
    assert vocabulary[0] < vocabulary[1] < vocabulary[2], f"[{language.locale}] vocabulary by size: {vocabulary}"
    # Copies of the same pages would compress ever better as the guide grows (to 2 % at 500
    # pages); distinct text compresses the same at every size, as real text does.
    assert ratio[2] > 0.9 * ratio[1], (
        f"[{language.locale}] gzip folds the copies: {ratio[2]:.0%} of the size at {pages * 40} pages, "
        f"{ratio[1]:.0%} at {pages * 10}"
    )
