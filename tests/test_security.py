"""The Content-Security-Policy of every page, the `_headers` file, and the pinned Material."""

import re

import pytest
from bs4 import BeautifulSoup
from packaging.version import Version

from checks.parity import article
from checks.security import headers_problems, inline_script_hashes, policy_problems
from checks.site import ROOT, built_page, soup

from .planted_copy import PLANTED_IN, PLANTED_SCRIPT

# The checks of the built site hold for any content: run on an edited copy too
# (tests/test_editor_paths.py); not the planted script's, which builds a copy of its own.
site = pytest.mark.site


def built_html(site_dir):
    return sorted(site_dir.glob("**/*.html"))


@site
def test_every_page_has_a_strict_policy_allowing_exactly_its_inline_scripts(site_dir):
    problems = [p for page in built_html(site_dir) for p in policy_problems(soup(page), str(page.relative_to(site_dir)))]
    assert problems == []


@site
def test_headers_file_carries_the_policy_for_every_page_and_the_other_headers(site_dir):
    hashes = {h for page in built_html(site_dir) for h in inline_script_hashes(soup(page))}
    assert headers_problems(site_dir / "_headers", hashes) == []


def test_the_pinned_material_is_at_least_9_7_7_which_fixes_a_search_xss():
    pinned = re.search(r"^mkdocs-material==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M)
    assert pinned, "requirements.txt does not pin mkdocs-material exactly"
    assert Version(pinned.group(1)) >= Version("9.7.7"), pinned.group(0)


def test_policy_checks_catch_an_unhashed_script_unsafe_inline_and_a_late_meta(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><script>alert(1)</script>'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "script-src 'self' 'unsafe-inline'\"></head></html>",
        encoding="utf-8",
    )
    assert policy_problems(soup(page), "page") == ["page: a script comes before the Content-Security-Policy <meta>"]
    page.write_text(page.read_text().replace("<script>alert(1)</script>", "") + "<script>alert(1)</script>")
    problems = " ".join(policy_problems(soup(page), "page"))
    assert "script-src allows 'unsafe-inline'" in problems and "is not in script-src" in problems, problems
    assert "object-src is '(missing)'" in problems, problems


@site
def test_headers_checks_catch_a_missing_hash_short_hsts_and_no_frame_ancestors(site_dir, tmp_path):
    broken = tmp_path / "_headers"
    text = (site_dir / "_headers").read_text(encoding="utf-8")
    text = re.sub(r"max-age=\d+", "max-age=600", text).replace("; frame-ancestors 'none'", "")
    broken.write_text(text, encoding="utf-8")
    problems = headers_problems(broken, {"'sha256-notthere='"})
    assert "_headers: script-src lacks 'sha256-notthere='" in problems, problems
    assert "_headers: Strict-Transport-Security missing or under a year" in problems, problems
    assert any("frame-ancestors" in p for p in problems), problems


def test_a_script_in_a_page_is_never_allowed_by_the_policy_while_the_templates_scripts_are(unguarded):
    """A copy without overrides/hooks/content_safety.py, a script planted in a page: it reaches
    the page's article, and neither the page's policy nor `_headers` carries its hash, while every
    other inline script of the page (the templates') is allowed."""
    page = built_page(unguarded.site, PLANTED_IN, unguarded.page)
    where = f"{page.relative_to(unguarded.site)} (docs/{PLANTED_IN.locale}/{unguarded.page})"
    html = soup(page)
    planted = inline_script_hashes(BeautifulSoup(PLANTED_SCRIPT, "html.parser"))[0]
    assert planted in inline_script_hashes(article(html)), f"{where}: the planted script is not in the article"
    templates = [h for h in inline_script_hashes(html) if h != planted]
    assert templates, f"{where}: no inline script of the templates to be allowed"
    # The page's policy: every script allowed (the check) but the planted one.
    assert policy_problems(html, where) == [f"{where}: inline script {planted} is not in script-src"]
    headers = (unguarded.site / "_headers").read_text(encoding="utf-8")
    assert planted not in headers, f"_headers allows the script planted in {where}"
    assert headers_problems(unguarded.site / "_headers", set(templates)) == []
