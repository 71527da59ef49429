"""The next question: after each FAQ answer and at the end of every other page, up to three
related sections of the guide, in the page's language (`extra.related`: "À lire aussi").

Chosen at build time, and the same in every language: an editor's choices first, from the
page's front matter (`related:`, a section's id, or the page's title id for the list at its end,
mapped to `page.md#id`s), then the sections that share the most telling words with it in the
default language's text (a word counts by its rarity across the guide; the words of a synonym
group of search_words.yml count as one). Never the section itself, nor, for a page's list, a
section of that page. A section not written yet in a language, pending there, is linked
there all the same (its notice stands with its id), named as in the default language; one
removed there is left out. The home (index.md), the guide's cover and table of contents, neither
shows a list nor is offered in one. Links go to the same language's version, named by its heading there.

Being links of the article, the relations are compared between the languages by the parity
checks (checks/parity.py, "links"): a choice written in one language's front matter only is a
drift, named. A choice naming no section of the guide stops the build, naming the file.

Cost: the default language's sources are read and compared once a build; each section is
indexed by its 12 most telling words, and a section is compared only with those holding one of
its words among theirs, so that the work grows with the guide rather than with its square.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from html import escape
from pathlib import Path

from heading_ids import headings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from pending_notice import pending_entries
from project import current_locale, default_locale, source_path
from search_words import load_words, words_file

HOME = "index.md"  # neither shows related sections nor is one
MOST = 3  # related sections a list shows
TELLING = 12  # words kept a section
WORD = re.compile(r"[^\W\d_]{4,}")
MARKUP = re.compile(r"\]\([^)]*\)|\{[^}]*\}|<[^>]+>")


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def page_url(name: str) -> str:
    """faq.md -> faq/, index.md -> "" (use_directory_urls)."""
    stem = name.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def sections(folder: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Each page of a language folder: its sections as (id, heading text, text) in order."""
    found = {}
    for path in sorted(folder.rglob("*.md")):
        source = path.read_text(encoding="utf-8-sig")
        lines = source.split("\n")
        marks = [h for h in headings(source) if h.id]
        parts = []
        for n, mark in enumerate(marks):
            end = marks[n + 1].line - 1 if n + 1 < len(marks) else len(lines)
            parts.append((mark.id, mark.text.strip(), MARKUP.sub(" ", "\n".join(lines[mark.line : end]))))
        found[path.relative_to(folder).as_posix()] = parts
    return found


def words_of(text: str, groups: dict[str, str]) -> Counter:
    """A text's words as compared: folded, a synonym group's words as its first."""
    return Counter(groups.get(word, word) for word in WORD.findall(fold(text)))


def relations(pages: dict[str, list[tuple[str, str, str]]], groups: dict[str, str]) -> dict[str, list[str]]:
    """For each "page.md#id" (a section) and each "page.md" (a whole page), the "page.md#id"s
    most related to it, best first."""
    counts = {f"{page}#{sid}": words_of(f"{title} {text}", groups) for page, parts in pages.items() for sid, title, text in parts}
    holders = Counter(word for words in counts.values() for word in words)
    total = len(counts) or 1
    weight = {word: math.log(total / n) for word, n in holders.items() if n < total}

    def weighed(words: Counter) -> dict[str, float]:
        return {word: (1 + math.log(n)) * weight[word] for word, n in words.items() if word in weight}

    def telling(words: Counter) -> dict[str, float]:
        return dict(sorted(weighed(words).items(), key=lambda item: -item[1])[:TELLING])

    vectors = {key: telling(words) for key, words in counts.items()}
    postings = defaultdict(list)
    for key, vector in vectors.items():
        for word in vector:
            postings[word].append(key)
    wholes = {page: weighed(sum((counts[f"{page}#{sid}"] for sid, _, _ in parts), Counter())) for page, parts in pages.items()}

    def best(vector: dict[str, float], excluded) -> list[str]:
        scores = Counter()
        for word, value in vector.items():
            for other in postings[word]:
                if not excluded(other):
                    scores[other] += value * vectors[other][word]
        return [key for key, _ in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]

    # Each section looks with all its words for the sections that hold them among their telling ones
    found = {key: best(weighed(counts[key]), lambda other, key=key: other == key) for key in vectors}
    for page, vector in wholes.items():
        found[page] = best(vector, lambda other, page=page: other.partition("#")[0] == page)
    return found


def chosen(page: Page, known: set[str], config: MkDocsConfig) -> dict[str, list[str]]:
    """The editor's choices of the page's front matter, checked: {section id: ["page.md#id"]}."""
    value = page.meta.get("related") or {}
    where = source_path(page, config)
    if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
        raise PluginError(f"{where}: related: must map a section's id to a list of page.md#id, not {value!r}")
    for choices in value.values():
        for target in choices:
            if target not in known:
                raise PluginError(f"{where}: related: {target!r} is no section of the guide (write page.md#id)")
    return {str(key): list(choices) for key, choices in value.items()}


# Worked out once a build (the default language's), for every page of every language.
BUILT: dict = {}


def on_pre_build(*, config: MkDocsConfig, **kwargs) -> None:
    docs, default = Path(config.docs_dir), default_locale(config)
    now = signature(docs / default, words_file(config))
    if BUILT.get("docs") != docs or BUILT.get("signature") != now:
        synonyms = load_words(words_file(config), [default])[default]["synonyms"]
        groups = {fold(word): fold(group[0]) for group in synonyms for word in group}
        reference = {name: parts for name, parts in sections(docs / default).items() if name != HOME}
        BUILT.update(docs=docs, signature=now, related=relations(reference, groups),
                     known={f"{page}#{sid}" for page, parts in reference.items() for sid, _, _ in parts},
                     reference={f"{page}#{sid}": title for page, parts in reference.items() for sid, title, _ in parts})
    locale = current_locale(config)
    BUILT["awaited"] = {f"{e['page']}#{e['section']}" for e in pending_entries(config) if e["language"] == locale}
    BUILT["titles"] = {f"{page}#{sid}": title for page, parts in sections(docs / current_locale(config)).items() for sid, title, _ in parts}


def signature(folder: Path, words: Path) -> tuple:
    """What the relations depend on: the default language's sources and the synonyms, by path,
    time and size (under `mkdocs serve`, an edit elsewhere reuses them)."""
    paths = [*sorted(folder.rglob("*.md")), words]
    return tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)


def listing(page: Page, config: MkDocsConfig, targets: list[str]) -> str:
    locale = current_locale(config)
    prefix = "" if locale == default_locale(config) else f"{locale}/"
    items = []
    for target in targets:
        name, _, sid = target.partition("#")
        title, lang = BUILT["titles"].get(target), ""
        if title is None and target in BUILT["awaited"]:  # its pending notice stands with its id
            title, lang = BUILT["reference"][target], f' lang="{default_locale(config)}"'
        if title is None:
            continue  # removed in this language: a link would land nowhere
        href = get_relative_url(f"{prefix}{page_url(name)}", page.url)
        href = f"{href}/" if href.endswith(".") else href
        items.append(f'<li><a href="{escape(href)}#{escape(sid)}"{lang}>{escape(title)}</a></li>')
    if not items:
        return ""
    title = escape(config.extra["related"]["title"])
    return f'<div class="related" data-search-exclude><p class="related__title">{title}</p><ul>{"".join(items)}</ul></div>'


def pick(key: str, own: list[str], config: MkDocsConfig) -> list[str]:
    """The editor's choices first, then the closest, MOST in all, each once."""
    picked = []
    for target in own + BUILT["related"].get(key, []):
        if target != key and target not in picked:
            picked.append(target)
    return picked[:MOST]


H2 = re.compile(r"<h2\b[^>]*\bid=\"([^\"]+)\"")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
    locale = current_locale(config)
    name = page.file.src_uri.removeprefix(f"{locale}/")
    own = chosen(page, BUILT["known"], config)
    if name == HOME:
        return html
    if name != config.extra.get("faq_page"):
        top = re.search(r"<h1\b[^>]*\bid=\"([^\"]+)\"", html)
        mine = own.get(top.group(1), []) if top else []
        return html + listing(page, config, pick(name, mine, config))
    questions = list(H2.finditer(html))
    for found, after in reversed(list(zip(questions, questions[1:] + [None]))):
        at = after.start() if after else len(html)
        key = f"{name}#{found.group(1)}"
        html = html[:at] + listing(page, config, pick(key, own.get(found.group(1), []), config)) + html[at:]
    return html
