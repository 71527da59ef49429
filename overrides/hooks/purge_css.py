"""Drop the rules of Material's stylesheets that no page of this site can use.

Material ships one stylesheet for every feature it has (code blocks, tabs, admonitions, blog,
tooltips...): 22 KB gzipped, most of it unused by a six-page guide. After the build, a rule is
kept when every class, id and element type its selector names occurs in the built HTML or in a
script (which may add it at run time); then the custom properties that no remaining rule reads are dropped
with it. What the site uses is never touched, whatever the page: the test suite's budgets and
accessibility checks run on the purged output.

Parsing Material's stylesheets is most of the purge's time (about 0.35 s a build, every
`mkdocs serve` reload and every copy the tests build). What a stylesheet purges to depends only
on its text and on which of the names its selectors require are in use, so the result is kept in
a folder of the system's temporary directory under a hash of those (and of this file: a changed
purge never reads an old result). It is a cache, never an input: deleting it changes only time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

import tinycss2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from project import inner_build

NAMES = re.compile(r"[.#](-?[_a-zA-Z][\w-]*)")
TYPES = re.compile(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)")
# [data-md-color-primary=pink]: a palette colour no page names.
VALUES = re.compile(r"\[[\w-]+=[\"']?([a-zA-Z][\w-]*)[\"']?\]")
NOT_NAMES = re.compile(r"\[[^\]]*\]|::?[\w-]+(\([^)]*\))?")
WORDS = re.compile(r"[\w-]+")
LOGICAL = re.compile(r":(is|where|not|has|-webkit-any|-moz-any)\(")
VAR_USES = re.compile(r"var\((--[\w-]+)")
STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
CACHE = Path(tempfile.gettempdir()) / f"_purge-css-cache-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


def words_in_use(site_dir: Path) -> set[str]:
    """Every word of every built page and script: a superset of the classes and ids in use."""
    words = set()
    for pattern in ("**/*.html", "**/*.js"):
        for path in site_dir.glob(pattern):
            words.update(WORDS.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return words


def split_selectors(prelude: str) -> list[str]:
    """A selector list cut at its top-level commas (not those inside :is(...) and the like)."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:at])
            start = at + 1
    return parts + [prelude[start:]]


def names(selector: str) -> list[str]:
    """The classes, ids, element types and attribute values a selector requires."""
    bare = NOT_NAMES.sub(" ", selector)  # attribute tests, pseudo-classes and -elements
    return NAMES.findall(bare) + TYPES.findall(bare) + VALUES.findall(selector)


def can_match(selector: str, used: set[str]) -> bool:
    # A functional pseudo-class (:is, :where, :not, :has) is kept whole: telling when it can
    # match takes more than a look at names, and keeping too much is only a few bytes.
    return LOGICAL.search(selector) is not None or all(name in used for name in names(selector))


def keep_selectors(prelude: str, used: set[str]) -> str | None:
    """The selectors of a list that can match this site, or None if none can."""
    kept = [selector for selector in split_selectors(prelude) if can_match(selector, used)]
    return ",".join(kept) if kept else None


def purge_rules(rules, used: set[str]) -> str:
    """Serialise the rules that can match, recursing into @media and @supports."""
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            prelude = keep_selectors(tinycss2.serialize(rule.prelude), used)
            if prelude is not None:
                out.append(f"{prelude}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = purge_rules(tinycss2.parse_rule_list(rule.content), used)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def required_names(rules) -> set[str]:
    """Every name that a selector of the rules (inside @media and @supports too) requires."""
    found = set()
    for rule in rules:
        if rule.type == "qualified-rule":
            for selector in split_selectors(tinycss2.serialize(rule.prelude)):
                found.update(names(selector))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            found |= required_names(tinycss2.parse_rule_list(rule.content))
    return found


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def cached(path: Path, make) -> str:
    """The text kept at path, or make()'s, kept there (written whole: builds run side by side)."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        text = make()
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)
        except OSError:
            pass  # a cache it cannot write is only slower
        return text


def purged(css: str, used: set[str], cache: Path = CACHE) -> str:
    """purge_rules of a stylesheet's text, kept in cache by its text, the names in use that its
    selectors require, and this file's source."""
    own = digest(css, Path(__file__).read_text(encoding="utf-8"), tinycss2.__version__)
    parse = lambda: tinycss2.parse_stylesheet(css, skip_whitespace=True)  # noqa: E731
    required = json.loads(cached(cache / f"{own}.names.json", lambda: json.dumps(sorted(required_names(parse())))))
    in_use = [name for name in required if name in used]
    return cached(cache / f"{digest(own, *in_use)}.css", lambda: purge_rules(parse(), used))


def drop_unread_properties(css: str, read: set[str]) -> str:
    """Remove the custom property declarations (--name: ...) whose name is not in read."""
    declaration = re.compile(r"(?<=[{;])(--[\w-]+):((?:[^;{}\"']|\"[^\"]*\"|'[^']*')*)(;|(?=}))")
    return declaration.sub(lambda m: m.group(0) if m.group(1) in read else "", css)


# After mkdocs-static-i18n (-100) has built every language, so that all their pages count.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig, **kwargs) -> None:
    if inner_build(config):
        return  # the default language's on_post_build, last, purges once for every language
    site_dir = Path(config.site_dir)
    used = words_in_use(site_dir)
    purged_css = {}
    for pattern in STYLESHEETS:
        found = list(site_dir.glob(pattern))
        if not found:
            raise PluginError(
                f"overrides/hooks/purge_css.py: no {pattern} in the built site; "
                "has Material renamed its stylesheets?"
            )
        for path in found:
            purged_css[path] = purged(path.read_text(encoding="utf-8"), used)
    # A property is read where any stylesheet says var(--name), or a page or script names it.
    others = [p.read_text(encoding="utf-8") for p in site_dir.glob("**/*.css") if p not in purged_css]
    read = set(VAR_USES.findall("".join([*purged_css.values(), *others]))) | used
    for path, css in purged_css.items():
        path.write_text(drop_unread_properties(css, read), encoding="utf-8")
