"""What `python -m commands.rename` rewrites outside docs/, on synthetic inputs: the lock (entry
moved with its texts, link paths in every text rewritten with their fingerprints), the pending
entries, the kept ids and the search queries (edited as text: comments and other lines kept),
and the old addresses (chains collapse, an address made live again is dropped)."""

from datetime import date

import pytest

from checks.freshness import Pending, fingerprint, lock_entry
from checks.old_addresses import recorded
from checks.section_records import Unedited, moved_expectations, moved_kept_ids, moved_lock, moved_pending

from .params import LANGUAGES, REFERENCE

MOVE = {("guide.md", "old"): ("other.md", "moved"), ("guide.md", "sub"): ("other.md", "sub")}
RENAME = {("guide.md", "old"): ("guide.md", "renamed")}


def test_the_lock_entry_moves_with_its_texts_and_links_to_it_are_rewritten_everywhere():
    texts = {lang.locale: f"Old ({lang.locale}) [→ /other/#end]" for lang in LANGUAGES}
    linking = {lang.locale: f"See [→ /guide/#old] not [→ /guide/#old-ish] nor [→ /guide/] ({lang.locale})" for lang in LANGUAGES}
    lock = {
        "guide.md": {"old": {"confirmed": "import", **{k: lock_entry(t) for k, t in texts.items()}}},
        "index.md": {"list": {"confirmed": "2026-01-02", **{k: lock_entry(t) for k, t in linking.items()}}},
    }
    new, moved, rewritten = moved_lock(lock, MOVE)
    assert "guide.md" not in new, "a page left with no entry leaves the lock"
    assert new["other.md"]["moved"] == lock["guide.md"]["old"], "the entry moves as it was"
    for lang in LANGUAGES:
        entry = new["index.md"]["list"][lang.locale]
        expected = linking[lang.locale].replace("[→ /guide/#old]", "[→ /other/#moved]")
        assert entry == {"text": expected, "fingerprint": fingerprint(expected)}, f"[{lang.locale}] {entry}"
    assert new["index.md"]["list"]["confirmed"] == "2026-01-02"
    assert (len(moved), len(rewritten)) == (1, len(LANGUAGES)), (moved, rewritten)
    assert lock["guide.md"]["old"][REFERENCE.locale]["text"] == texts[REFERENCE.locale], "the input is left alone"


def test_the_lock_of_a_home_page_section_is_written_from_the_site_root():
    lock = {"faq.md": {"x": {REFERENCE.locale: lock_entry("[→ /#top-one]")}}}
    new, _, rewritten = moved_lock(lock, {("index.md", "top-one"): ("index.md", "top-two")})
    assert new["faq.md"]["x"][REFERENCE.locale]["text"] == "[→ /#top-two]" and rewritten


def test_pending_entries_follow_the_section():
    since = date(2026, 1, 2)
    entries = [Pending("guide.md", "old", REFERENCE.locale, since, "r"), Pending("guide.md", "keep", REFERENCE.locale, since, "r")]
    new, done = moved_pending(entries, MOVE)
    assert [(p.page, p.section) for p in new] == [("other.md", "moved"), ("guide.md", "keep")] and len(done) == 1


KEPT = """# Ids others rely on: keep them.
guide.md: [intro, old, sub]   # a comment kept
other.md:  [end]
last.md: [x]
"""


def test_kept_ids_are_edited_line_by_line():
    text, done = moved_kept_ids(KEPT, MOVE, "kept.yml")
    assert text == KEPT.replace("[intro, old, sub]", "[intro]").replace("[end]", "[end, moved, sub]"), text
    assert len(done) == 2
    text, _ = moved_kept_ids(KEPT, RENAME, "kept.yml")
    assert text == KEPT.replace("[intro, old, sub]", "[intro, renamed, sub]")
    alone = "guide.md: [old]\nother.md: [end]\n"
    assert moved_kept_ids(alone, {("guide.md", "old"): ("new.md", "old")}, "kept.yml")[0] == "other.md: [end]\nnew.md: [old]\n"
    assert moved_kept_ids(KEPT, {("nowhere.md", "old"): ("x.md", "y")}, "kept.yml") == (KEPT, [])


def test_kept_ids_in_another_form_are_refused_naming_the_file():
    block = "guide.md:\n  - old\n"
    with pytest.raises(Unedited, match="^kept.yml: .*guide.md#old → other.md#moved by hand"):
        moved_kept_ids(block, MOVE, "kept.yml")


QUERIES = f"""# Queries, each with the section it must find.
{REFERENCE.locale}:
  - {{kind: word, query: "old", expect: guide.md#old, shows: Old}}
  - {{kind: word, query: "older", expect: guide.md#old-ish}}
  - {{kind: word, query: "page", expect: guide.md}}
  - kind: words
    query: "sub section"
    expect: guide.md#sub
"""


def test_search_queries_expect_the_section_where_it_went():
    text, done = moved_expectations(QUERIES, MOVE, "queries.yml")
    assert text == QUERIES.replace("expect: guide.md#old,", "expect: other.md#moved,").replace(
        "expect: guide.md#sub", "expect: other.md#sub"
    ), text
    assert done == ["line 3: guide.md#old → other.md#moved", "line 8: guide.md#sub → other.md#sub"]


def test_old_addresses_collapse_chains_and_drop_what_is_live_again():
    once, _ = recorded({}, {("a.md", "x"): ("a.md", "y")})
    assert once == {"a.md#x": "a.md#y"}
    twice, _ = recorded(once, {("a.md", "y"): ("b.md", "z")})
    assert twice == {"a.md#x": "b.md#z", "a.md#y": "b.md#z"}, "a→b then b→c records a→c"
    back, dropped = recorded(twice, {("b.md", "z"): ("a.md", "x")})
    assert back == {"a.md#y": "a.md#x", "b.md#z": "a.md#x"}, back
    assert dropped == {"a.md#x": "a.md#x"}, "the address a section holds again is dropped"
