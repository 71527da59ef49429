"""Unit checks of the small HTML-rewriting hooks, fed input that shows what they must (not) do."""

import re

import pytest

from .hooks import load_hook

pytestmark = pytest.mark.site  # holds for any content: run on an edited copy too (test_editor_paths.py)

SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def test_built_pages_are_minified_with_scripts_and_attributes_as_material_writes_them(site_dir):
    """The minify plugin is on: no indented line and no HTML comment in any built page outside
    its scripts (kept byte for byte: the policy hashes them); attribute quotes are kept."""
    unminified = [
        str(page.relative_to(site_dir))
        for page in site_dir.glob("**/*.html")
        if re.search(r"\n[ \t]+<|<!--", SCRIPT.sub("", text := page.read_text(encoding="utf-8")))
        or '<html lang="' not in text
    ]
    assert unminified == []


def test_a_script_the_dev_server_adds_is_allowed_by_its_own_hash_and_nothing_else():
    csp = load_hook("content_security_policy")
    before = (
        '<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'; object-src 'none'\">"
        "<body><script>var theirs = 1</script></body>"
    )
    after = before.replace("</body>", "<script>livereload(1, 2)</script></body>")
    added = csp.script_hashes("<script>livereload(1, 2)</script>")[0]
    policy = csp.META.search(csp.with_scripts_allowed(before, after)).group(1)
    assert policy == f"script-src {added} 'self'; object-src 'none'", policy
    assert csp.with_scripts_allowed(before, before) == before, "a page with no added script changed"
