"""Unit checks of the small HTML-rewriting hooks, fed input that shows what they must (not) do."""

from .hooks import load_hook


def test_indentation_goes_but_pre_script_and_line_breaks_stay():
    strip = load_hook("strip_indentation").strip_indentation
    html = "<div>\n   <p>a\n   b</p>\n  <pre>\n  x\n    y</pre>\n <script>\n  var a = 1\n</script>\n  <i>z</i>"
    assert strip(html) == "<div>\n<p>a\nb</p>\n<pre>\n  x\n    y</pre>\n<script>\n  var a = 1\n</script>\n<i>z</i>"


def test_built_pages_carry_no_indentation_outside_verbatim_blocks(site_dir):
    strip = load_hook("strip_indentation").strip_indentation
    unstripped = [
        str(page.relative_to(site_dir))
        for page in site_dir.glob("**/*.html")
        if strip(page.read_text(encoding="utf-8")) != page.read_text(encoding="utf-8")
    ]
    assert unstripped == []


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
