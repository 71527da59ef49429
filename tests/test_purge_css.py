"""The CSS purge keeps what can match and drops the rest (overrides/hooks/purge_css.py)."""

import pytest
import tinycss2

from .hooks import load_hook

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)

purge_css = load_hook("purge_css")

CSS = (
    ".md-used{color:red}.md-unused{color:blue}.md-used,.md-unused b{margin:0}"
    ":is(.md-unused,.md-used) i{padding:0}@media screen{.md-unused{top:0}.md-used{left:0}}"
    ":root{--read:1px;--unread:2px}.md-used{width:var(--read)}"
)


def purge(css, used):
    return purge_css.purge_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True), used)


def test_rules_naming_an_unused_class_go_and_the_rest_stays():
    out = purge(CSS, {"md-used"})
    assert ".md-unused{color:blue}" not in out, out
    assert ".md-used{color:red}" in out and ".md-used{margin:0}" in out, out
    assert ":is(.md-unused,.md-used) i{padding:0}" in out, out  # functional pseudo-classes stay
    assert "@media screen{.md-used{left:0}}" in out and ".md-unused{top:0}" not in out, out


def test_custom_properties_nothing_reads_go():
    out = purge_css.drop_unread_properties(":root{--read:1px;--unread:2px}", {"--read"})
    assert out == ":root{--read:1px;}", out


def test_the_built_stylesheet_keeps_no_rule_for_an_unused_component(site_dir):
    """Material's tabbed-content rules (no tabs on this site) are gone; its header rules stay."""
    main_css = next((site_dir / "assets" / "stylesheets").glob("main.*.min.css")).read_text()
    assert ".md-header{" in main_css
    assert ".tabbed-set" not in main_css


def test_a_kept_purge_is_the_purge_and_never_stale(tmp_path, monkeypatch):
    """purged() keeps each result (tmp_path here) and reads it back; another set of names in
    use, or an edited stylesheet, is purged anew."""
    cache = tmp_path / "cache"
    first = purge_css.purged(CSS, {"md-used"}, cache)
    assert first == purge(CSS, {"md-used"}) and any(cache.iterdir()), "nothing kept"
    fresh = purge_css.purge_rules
    monkeypatch.setattr(purge_css, "purge_rules", lambda *args: pytest.fail("purged again, not read back"))
    assert purge_css.purged(CSS, {"md-used", "unrelated"}, cache) == first  # a name no selector needs
    monkeypatch.setattr(purge_css, "purge_rules", fresh)
    both = {"md-used", "md-unused"}
    assert purge_css.purged(CSS, both, cache) == purge(CSS, both)
    edited = CSS.replace("color:red", "color:green")
    assert purge_css.purged(edited, {"md-used"}, cache) == purge(edited, {"md-used"})
