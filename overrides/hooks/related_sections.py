"""The next question: after each FAQ answer and at the end of every other page but the home,
up to three related sections of the guide, in the page's language (`extra.related.title`:
"À lire aussi").

Chosen at build time, once, for every language alike: an editor's choices first, from the front
matter of the default language's page (`related:`, mapping a FAQ question's id, or the id of a
page's title for the list at its end, to `page.md#id`s), then the sections that share the most
telling words with it in the default language's text (a word counts by its rarity across the
guide; the words of a synonym group of search_words.yml count as one). Never the section
itself, nor, for a page's list, a section of that page; the home (index.md), the guide's cover
and table of contents, neither shows a list nor is offered in one. Links go to the same
language's version, named by its heading there; a section not written yet in a language,
pending there, is linked all the same (its notice stands with its id), named as in the default
language; one removed there is left out.

Another language's page may repeat the default's `related:`, never say otherwise: a choice
that differs, a key that is no list's id, or a choice naming no section of the guide (or the
section itself) stops the build, naming the file. checks/related.py compares the lists of the
built languages.

Cost: the default language's sources are read and compared once a build (again under
`mkdocs serve` only when they or the synonyms change); each section is indexed by its 12 most
telling words, and a section is compared only with those holding one of its words among
theirs, so that the work grows with the guide rather than with its square (10,000 sections:
about 2.6 s).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from html import escape
from pathlib import Path

from heading_ids import headings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data
from pending_notice import pending_entries
from project import answer_ends, current_locale, default_locale, page_name, page_url, relative_href, source_path
from search_words import fold, load_words, words_file

HOME = "index.md"  # neither shows related sections nor is one
MOST = 3  # related sections a list shows
TELLING = 12  # words kept a section
WORD = re.compile(r"[^\W\d_]{4,}")
MARKUP = re.compile(r"\]\([^)]*\)|\{[^}]*\}|<[^>]+>")


def level(marker: str) -> int:
    """A heading's level from its marker: "##" 2, an "===" underline 1, a "---" one 2."""
    return len(marker) if marker.startswith("#") else 1 if marker.startswith("=") else 2


def sections(folder: Path) -> dict[str, list[tuple[str, str, str, int]]]:
    """Each page of a language folder: its sections as (id, heading text, text, level) in order."""
    found = {}
    for path in sorted(folder.rglob("*.md")):
        source = path.read_text(encoding="utf-8-sig")
        lines = source.split("\n")
        marks = [h for h in headings(source) if h.id]
        parts = []
        for n, mark in enumerate(marks):
            end = marks[n + 1].line - 1 if n + 1 < len(marks) else len(lines)
            text = MARKUP.sub(" ", "\n".join(lines[mark.line : end]))
            parts.append((mark.id, mark.text.strip(), text, level(mark.marker)))
        found[path.relative_to(folder).as_posix()] = parts
    return found


def words_of(text: str, groups: dict[str, str]) -> Counter:
    """A text's words as compared: folded, a synonym group's words as its first."""
    return Counter(groups.get(word, word) for word in WORD.findall(fold(text)))


def relations(pages: dict[str, list[tuple[str, str, str, int]]], groups: dict[str, str]) -> dict[str, list[str]]:
    """For each "page.md#id" (a section) and each "page.md" (a whole page), the "page.md#id"s
    most related to it, best first."""
    counts = {f"{page}#{sid}": words_of(f"{title} {text}", groups) for page, parts in pages.items() for sid, title, text, _ in parts}
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
    wholes = {page: weighed(sum((counts[f"{page}#{part[0]}"] for part in parts), Counter())) for page, parts in pages.items()}

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


def choices(meta: dict, page: str, lists: dict[str, str], known: set[str], where: str) -> dict[str, list[str]]:
    """The editor's choices of a page's front matter, checked: {list's id: ["page.md#id"]}.
    lists: the page's lists' ids, each with what it follows ("question", "page")."""
    value = meta.get("related") or {}
    if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
        raise PluginError(f"{where}: related: must map an id to a list of page.md#id, not {value!r}")
    for key, targets in value.items():
        if str(key) not in lists:
            raise PluginError(
                f"{where}: related: {key!r} is no id a list follows here; use "
                f"{', '.join(repr(k) for k in lists) or 'none: this page shows no list'}"
            )
        for target in targets:
            if target not in known:
                raise PluginError(f"{where}: related: {target!r} is no section of the guide (write page.md#id)")
            if target == f"{page}#{key}" or (lists[str(key)] == "page" and target.startswith(f"{page}#")):
                raise PluginError(f"{where}: related: {target!r} is on the very page or section it would follow")
    return {str(key): list(targets) for key, targets in value.items()}


def list_ids(name: str, parts: list[tuple[str, str, str, int]], faq: str) -> dict[str, str]:
    """The ids the page's lists follow: the FAQ's questions, or another page's title."""
    if name == HOME:
        return {}
    if name == faq:
        return {sid: "question" for sid, _, _, level in parts if level == 2}
    return {sid: "page" for sid, _, _, level in parts[:1] if level == 1}


def lists_of(reference: dict, related: dict, faq: str, docs: Path) -> tuple[dict, dict]:
    """Every page's lists, {page: {id: [targets]}}, the editor's choices first, and each page's
    choices as written (to compare other languages' with)."""
    known = {f"{page}#{sid}" for page, parts in reference.items() for sid, *_ in parts}
    lists, written = {}, {}
    for name, parts in reference.items():
        ids = list_ids(name, parts, faq)
        meta = get_data((docs / name).read_text(encoding="utf-8-sig"))[1]
        own = choices(meta, name, ids, known, f"docs/{docs.name}/{name}")
        written[name] = meta.get("related")
        lists[name] = {}
        for sid, follows in ids.items():
            key = f"{name}#{sid}" if follows == "question" else name
            picked = []
            for target in own.get(sid, []) + related.get(key, []):
                if target not in picked:
                    picked.append(target)
            lists[name][sid] = picked[:MOST]
    return lists, written


def titles(folder: Path) -> dict[str, str]:
    """Each heading of a language folder: {"page.md#id": its text}."""
    found = {}
    for path in sorted(folder.rglob("*.md")):
        name = path.relative_to(folder).as_posix()
        for heading in headings(path.read_text(encoding="utf-8-sig")):
            if heading.id:
                found[f"{name}#{heading.id}"] = heading.text.strip()
    return found


# Worked out once a build (the default language's), for every page of every language.
BUILT: dict = {}


def on_pre_build(*, config: MkDocsConfig, **kwargs) -> None:
    docs, default = Path(config.docs_dir), default_locale(config)
    now = signature(docs / default, words_file(config))
    if BUILT.get("docs") != docs or BUILT.get("signature") != now:
        synonyms = load_words(words_file(config), [default])[default]["synonyms"]
        groups = {fold(word): fold(group[0]) for group in synonyms for word in group}
        reference = {name: parts for name, parts in sections(docs / default).items() if name != HOME}
        lists, written = lists_of(reference, relations(reference, groups), config.extra.get("faq_page"), docs / default)
        BUILT.update(docs=docs, signature=now, lists=lists, written=written, reference=titles(docs / default))
    locale = current_locale(config)
    BUILT["awaited"] = {f"{e['page']}#{e['section']}" for e in pending_entries(config) if e["language"] == locale}
    BUILT["titles"] = titles(docs / locale)


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
        href = relative_href(f"{prefix}{page_url(name)}", page.url)
        items.append(f'<li><a href="{escape(href)}#{escape(sid)}"{lang}>{escape(title)}</a></li>')
    if not items:
        return ""
    title = escape(config.extra["related"]["title"])
    return f'<div class="related" data-search-exclude><p class="related__title">{title}</p><ul>{"".join(items)}</ul></div>'


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
    name = page_name(page, config)
    written = page.meta.get("related")
    if written is not None and written != BUILT["written"].get(name):
        raise PluginError(
            f"{source_path(page, config)}: related: differs from docs/{default_locale(config)}/{name}'s: the "
            f"default language's choices apply to every language; write them alike, or only there"
        )
    lists = BUILT["lists"].get(name, {})
    if name != config.extra.get("faq_page"):
        return html + "".join(listing(page, config, targets) for targets in lists.values())
    for question, _, end in answer_ends(html):
        html = html[:end] + listing(page, config, lists.get(question, [])) + html[end:]
    return html
