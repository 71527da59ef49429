"""Broken twins of our stylesheet's phone mends: the page served overrides/assets/stylesheets/
accessibility.css (as built: accessibility.min.css) without the rules a pattern matches."""

import re

from checks.site import ROOT

STYLESHEET = ROOT / "overrides" / "assets" / "stylesheets" / "accessibility.css"


def serve_without(page, rules: str) -> None:
    """Serve the stylesheet to the page without what the regular expression `rules` matches
    (re.S); a pattern that matches nothing proves nothing, and raises."""
    css = STYLESHEET.read_text(encoding="utf-8")
    without = re.sub(rules, "", css, flags=re.S)
    if without == css:
        raise ValueError(f"{STYLESHEET}: nothing matches {rules!r}: has the rule changed?")
    page.route("**/accessibility*.css", lambda route: route.fulfill(body=without, content_type="text/css"))
