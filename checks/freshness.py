"""Translations that cannot silently fall behind: the text of every section, in every language,
compared with the lock of what was last confirmed in step.

The lock (translations/lock.yml) holds, for each page and section id, each language's text and
its fingerprint as they stood when the languages were last confirmed in step, and when that was
("import" for a section as the guide was imported from provenance/, untouched since). A section whose
text changed in some languages and not in others leaves those others *behind*, whichever the
language: the default one is not special. A section changed in every language waits for
`python -m commands.confirm`. A language may lag on purpose, *pending* with a reason
(translations/pending.yml, written by `python -m commands.pending`), for a limited time.

Texts are read from the built HTML and normalised: re-wrapping a line or changing markup does
not count, any changed word, number or link target does.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

from checks.parity import HEADINGS, article, site_note
from checks.site import (
    PROJECT,
    Language,
    built_page,
    internal_target,
    language_of,
    load_config,
    site_path,
    soup_without_sidebars,
)
from checks.yaml_files import read_yaml, read_yaml_fast

LOCK = PROJECT / "translations" / "lock.yml"
PENDING = PROJECT / "translations" / "pending.yml"
# mkdocs.yml, extra: how many days a section may stay pending before the tests fail
LIMIT_KEY = "pending_translation_days"
LOCK_HEADER = (
    "# The text of every section in every language as it stood when the languages were last\n"
    "# confirmed in step. Written by `python -m commands.confirm`: do not edit by hand.\n"
)
PENDING_HEADER = (
    "# Sections whose translation lags on purpose, each with its reason and since when. Written by\n"
    "# `python -m commands.pending`; `python -m commands.confirm` removes an entry once caught up.\n"
)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def block_text(block: Tag, page_url: str, languages: list[Language]) -> str:
    """A block's words, each link followed by its target as a language-independent path."""
    for permalink in block.select("a.headerlink"):
        permalink.decompose()
    for link in block.find_all("a", href=True):
        found = internal_target(page_url, link["href"])
        if found is not None:
            path, fragment = found
            neutral = path.removeprefix(language_of(path, languages).prefix)
            link.append(f" [→ /{neutral}{'#' + fragment if fragment else ''}]")
        else:
            link.append(f" [→ {link['href']}]")
    return normalise(block.get_text(" "))


def section_texts(site_dir: Path, languages: list[Language], language: Language, page: str) -> dict[str, str]:
    """The page's title and description (":title", ":description"), then each section of the
    built page, by heading id: its heading and blocks, normalised. A reader notice of a pending
    translation is not part of the text."""
    texts: dict[str, list[str]] = {}
    current = "(top)"
    page_url = site_path(language, page)
    # A tree of our own (block_text edits it), less the sidebars: a cost that does not grow with the site
    html = soup_without_sidebars(built_page(site_dir, language, page))
    fields = page_fields(html)
    for child in article(html).find_all(recursive=False):
        if site_note(child):
            continue
        if child.name in HEADINGS:
            current = child.get("id", "(no id)")
        texts.setdefault(current, []).append(block_text(child, page_url, languages))
    return {**fields, **{section: " ".join(parts) for section, parts in texts.items()}}


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def word_diff(old: str, new: str, context: int = 4) -> str:
    """What changed, word by word: "… client [-30-] {+60+} jours …", a few words around each."""
    a, b = old.split(), new.split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            words = a[i1:i2]
            if len(words) > 2 * context:
                words = words[:context] * bool(parts) + ["…"] + words[-context:] * (i2 < len(a))
            parts.append(" ".join(words))
        else:
            parts += [f"[-{' '.join(a[i1:i2])}-]"] * (i2 > i1) + [f"{{+{' '.join(b[j1:j2])}+}}"] * (j2 > j1)
    return " ".join(part for part in parts if part).strip()


# -- The lock and the pending entries -----------------------------------------------------------


def load_lock(path: Path = LOCK) -> dict:
    """{page: {section: {"confirmed": "import" or a date, locale: {"fingerprint": ..., "text": ...}}}};
    {} before the first confirm."""
    if not path.is_file():
        return {}
    # libyaml's parser: the lock holds every section's text in every language, and the
    # pure-Python parser takes 17 times as long to read it.
    return read_yaml_fast(path) or {}


def save_lock(lock: dict, path: Path = LOCK) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(lock, allow_unicode=True, sort_keys=True, width=100)
    path.write_text(LOCK_HEADER + body, encoding="utf-8")


def edited_sections(lock: dict) -> frozenset[str]:
    """The "page#section"s confirmed since the import: edited on purpose, in every language."""
    return frozenset(
        f"{page}#{section}"
        for page, sections in lock.items()
        for section, entry in sections.items()
        if str(entry.get("confirmed", "import")) != "import"
    )


def lock_entry(text: str) -> dict:
    return {"fingerprint": fingerprint(text), "text": text}


@dataclass(frozen=True)
class Pending:
    page: str
    section: str
    language: str
    since: date
    reason: str


def load_pending(path: Path = PENDING) -> list[Pending]:
    if not path.is_file():
        return []
    entries = read_yaml(path) or []
    return [Pending(**entry) for entry in entries]


def save_pending(entries: list[Pending], path: Path = PENDING) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [vars(entry) for entry in sorted(entries, key=lambda e: (e.page, e.section, e.language))]
    body = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=100) if rows else "[]\n"
    path.write_text(PENDING_HEADER + body, encoding="utf-8")


# -- The state of each section ------------------------------------------------------------------

# A page's title and description are locked and compared like its sections, under keys no heading
# id can take (ids are slugs): "faq.md:title" where a section is "faq.md#refund".
PAGE_FIELDS = (":title", ":description")


def address(page: str, section: str) -> str:
    """How editors name a section ("faq.md#refund") or a page's title ("faq.md:title")."""
    return f"{page}{section}" if section.startswith(":") else f"{page}#{section}"


def parse_address(text: str) -> tuple[str, str]:
    """("faq.md", "refund") for "faq.md#refund"; ("faq.md", ":title") for "faq.md:title"."""
    for field in PAGE_FIELDS:
        if text.endswith(field):
            return text[: -len(field)], field
    page, _, section = text.partition("#")
    return page, section


def removed(entry: dict) -> bool:
    """A lock entry kept for a section removed in every language (fidelity to provenance/ reads
    its text): not a section of the page any more."""
    return "removed" in entry


@dataclass
class SectionState:
    page: str
    section: str
    texts: dict[str, str]  # locale -> current text, for the languages that have the section
    locked: dict[str, dict]  # locale -> lock entry ({} if the section is new)
    changed: list[str] = field(default_factory=list)  # locales whose text differs from the lock
    since: str | None = None  # when the lock took it: "import", or the date of a confirm
    locales: list[str] = field(default_factory=list)  # every language of the site, default first
    renamed_from: str | None = None  # "page#id" whose locked texts this new section carries

    @property
    def where(self) -> str:
        return address(self.page, self.section)

    @property
    def behind(self) -> list[str]:
        """The locales left unchanged while others changed (added, removed or rewrote it)."""
        if not self.changed:
            return []
        return [locale for locale in self.locales if locale not in self.changed]

    @property
    def confirmable(self) -> bool:
        """Changed in every language (or new, or gone, or renamed everywhere): the lock can take it."""
        return bool(self.changed) and not self.behind

    def change(self, locale: str) -> str:
        """What happened to the section in a changed language: "new", "removed" or "changed"."""
        if locale not in self.texts:
            return "removed"
        return "new" if locale not in self.locked else "changed"

    def summary(self) -> str:
        """Who changed what: "new in fr", "removed in es", "changed in fr, es"."""
        kinds: dict[str, list[str]] = {}
        for locale in self.changed:
            kinds.setdefault(self.change(locale), []).append(locale)
        every = lambda locales: "every language" if len(locales) == len(self.locales) > 1 else ", ".join(locales)  # noqa: E731
        return "; ".join(f"{kind} in {every(locales)}" for kind, locales in kinds.items())

    def diffs(self) -> str:
        """What changed in each changed language: a word diff, or the start of a new or removed text."""
        parts = []
        for locale in self.changed:
            old, new = self.locked.get(locale, {}).get("text", ""), self.texts.get(locale, "")
            if old and new:
                parts.append(f"{locale}: {word_diff(old, new)}")
            else:
                words = (new or old).split()
                parts.append(f"{locale}: «{' '.join(words[:12])}{' …' if len(words) > 12 else ''}»")
        return "; ".join(parts)


def page_fields(html: BeautifulSoup) -> dict[str, str]:
    """A built page's title (the header's, as the nav shows it) and meta description."""
    topics = html.select(".md-header__topic")
    meta = html.find("meta", attrs={"name": "description"})
    fields = {
        ":title": normalise(topics[-1].get_text(" ")) if topics else "",
        ":description": normalise(meta.get("content", "")) if meta else "",
    }
    return {key: text for key, text in fields.items() if text}


def section_states(site_dir: Path, languages: list[Language], page: str, lock: dict) -> list[SectionState]:
    """The page's title and description, every section of the page (in any language) and every
    locked one gone from it, compared with the lock."""
    texts = {lang.locale: section_texts(site_dir, languages, lang, page) for lang in languages}
    locked_page = {section: entry for section, entry in lock.get(page, {}).items() if not removed(entry)}
    order = [section for found in texts.values() for section in found]
    sections = list(dict.fromkeys([*PAGE_FIELDS, *order, *locked_page]))
    states = []
    for section in sections:
        entry = dict(locked_page.get(section, {}))
        since = entry.pop("confirmed", None)
        state = SectionState(
            page,
            section,
            {locale: found[section] for locale, found in texts.items() if section in found},
            entry,
            since=None if since is None else str(since),
            locales=[lang.locale for lang in languages],
        )
        state.changed = [
            locale
            for locale in state.locales
            if (locale in state.texts or locale in state.locked)
            and fingerprint(state.texts.get(locale, "")) != state.locked.get(locale, {}).get("fingerprint")
        ]
        if state.texts or state.locked:
            states.append(state)
    return states


def renames(states: list[SectionState]) -> list[tuple[SectionState, SectionState]]:
    """(gone, new) pairs: a section gone from every language while one new in every language
    carries exactly its locked texts (an id changed by hand, or a section moved to another page)."""
    gone = {
        tuple(sorted((locale, entry["fingerprint"]) for locale, entry in s.locked.items())): s
        for s in states
        if s.locked and not s.texts and not s.behind
    }
    pairs = []
    for state in states:
        if state.locked or not state.texts or state.behind or state.section.startswith(":"):
            continue
        key = tuple(sorted((locale, fingerprint(text)) for locale, text in state.texts.items()))
        if key in gone:
            pairs.append((gone.pop(key), state))
    return pairs


def freshness_problems(
    states: list[SectionState], pending: list[Pending], today: date, limit_days: int
) -> list[str]:
    """What the suite fails on: a section behind (not pending), changed everywhere but not
    confirmed, a pending entry past the limit or no longer behind."""
    waiting = {(p.page, p.section, p.language): p for p in pending}
    problems = []
    moved = {id(gone): new for gone, new in renames(states)}
    hidden = {id(new) for new in moved.values()}
    for state in states:
        where = state.where
        for locale in state.behind:
            entry = waiting.get((state.page, state.section, locale))
            if entry is None:
                fix = "Carry it over" if locale in state.texts else "Write it in this language"
                problems.append(
                    f"[{locale}] {where}: behind {', '.join(state.changed)}, {state.summary()} since the lock ({state.diffs()}). "
                    f"{fix}, then `python -m commands.confirm`; or "
                    f"`python -m commands.pending {where} {locale} --reason \"…\"`"
                )
            elif (today - entry.since).days > limit_days:
                problems.append(
                    f"[{locale}] {where}: pending since {entry.since} ({(today - entry.since).days} "
                    f"days, the limit is {limit_days}): {entry.reason}. Carry it over, then "
                    "`python -m commands.confirm`"
                )
        if id(state) in hidden:
            continue
        if id(state) in moved:
            new = moved[id(state)]
            problems.append(
                f"[{', '.join(state.changed)}] {where} → {new.where}: renamed in every language, not "
                "confirmed. `python -m commands.confirm` takes the rename and keeps the old address"
            )
        elif state.confirmable:
            problems.append(
                f"[{', '.join(state.changed)}] {where}: {state.summary()}, not confirmed "
                f"({state.diffs()}). Check the languages agree, then `python -m commands.confirm`"
            )
    behind = {(s.page, s.section, locale) for s in states for locale in s.behind}
    pages = {s.page for s in states}
    problems += [
        f"[{p.language}] {address(p.page, p.section)}: marked pending since {p.since}, but it is not "
        "behind: `python -m commands.confirm` removes the entry"
        for p in pending
        if p.page in pages and (p.page, p.section, p.language) not in behind
    ]
    return problems



def excused_sections(pending: list[Pending], page: str, today: date, limit_days: int) -> frozenset[str]:
    """The sections of a page pending in some language within the limit: the languages may
    differ there (blocks, headings, links, facts) until the translation follows."""
    return frozenset(
        p.section for p in pending if p.page == page and (today - p.since).days <= limit_days
    )


def excused_in(project: Path, page: str, today: date | None = None) -> frozenset[str]:
    """excused_sections of a project's page, from its pending entries and its mkdocs.yml."""
    _, pending_file = project_files(project)
    limit = limit_days(load_config(project / "mkdocs.yml"))
    return excused_sections(load_pending(pending_file), page, today or date.today(), limit)


def confirmed(lock: dict, states: list[SectionState], today: date) -> dict:
    """The lock with every confirmable section taken as it is now: a rename moves its entry
    (its date kept: its texts did not change); a section removed from every language keeps its
    last texts under `removed` if it was the imported text (provenance/ stays excused)."""
    new = {page: dict(sections) for page, sections in lock.items()}
    moved = {id(gone): state for gone, state in renames(states)}
    carried = {id(state) for state in moved.values()}
    for state in states:
        if not state.confirmable or id(state) in carried:
            continue
        sections = new.setdefault(state.page, {})
        if id(state) in moved:
            target = moved[id(state)]
            entry = sections.pop(state.section)
            new.setdefault(target.page, {})[target.section] = entry
        elif state.texts:
            texts = {locale: lock_entry(text) for locale, text in state.texts.items()}
            sections[state.section] = {"confirmed": today.isoformat(), **texts}
        elif state.since == "import":
            sections[state.section] = {"confirmed": "import", "removed": today.isoformat(), **state.locked}
        else:
            sections.pop(state.section, None)
    return {page: sections for page, sections in new.items() if sections}


# -- For the commands: a whole project ----------------------------------------------------------


def project_files(project: Path) -> tuple[Path, Path]:
    """A project's lock and pending entries."""
    return project / LOCK.relative_to(PROJECT), project / PENDING.relative_to(PROJECT)


def limit_days(config: dict) -> int:
    """The pending limit set in mkdocs.yml (a loaded config); an error naming the key if unset."""
    limit = (config.get("extra") or {}).get(LIMIT_KEY)
    if not isinstance(limit, int) or limit < 0:
        raise LookupError(f"mkdocs.yml: set extra.{LIMIT_KEY} (days a translation may stay pending)")
    return limit


def all_states(site_dir: Path, languages: list[Language], pages: list[str], lock: dict) -> list[SectionState]:
    """Every page's section states; a page of the lock no longer on the site counts as gone."""
    states = [state for page in pages for state in section_states(site_dir, languages, page, lock)]
    locales = [lang.locale for lang in languages]
    for page in sorted(set(lock) - set(pages)):
        for section, entry in lock[page].items():
            if removed(entry):
                continue
            locked = {locale: found for locale, found in entry.items() if locale in locales}
            since = str(entry.get("confirmed"))
            states.append(SectionState(page, section, {}, locked, list(locked), since, locales))
    return states


def days_left(entry: Pending, today: date, limit_days: int) -> int:
    return limit_days - (today - entry.since).days


def cell_states(
    states: list[SectionState], pending: list[Pending], locale: str, page: str, today: date, limit_days: int
) -> list[str]:
    """A language's page in the status table: "behind: #a #b", "pending: #c (12 days left)",
    "unconfirmed: #d"."""
    waiting = {(p.section, p.language): p for p in pending if p.page == page}
    mine = [s for s in states if s.page == page]
    name = lambda s: s.section if s.section.startswith(":") else f"#{s.section}"  # noqa: E731
    behind = [name(s) for s in mine if locale in s.behind and (s.section, locale) not in waiting]
    lagging = [
        f"pending: {name(s)} ({max(days_left(waiting[s.section, locale], today, limit_days), 0)} days left)"
        for s in mine
        if (s.section, locale) in waiting and locale in s.behind
    ]
    unconfirmed = [name(s) for s in mine if s.confirmable and locale in s.changed]
    return (
        ([f"behind: {' '.join(behind)}"] if behind else [])
        + lagging
        + ([f"unconfirmed: {' '.join(unconfirmed)}"] if unconfirmed else [])
    )


def pending_lines(states: list[SectionState], pending: list[Pending], today: date, limit_days: int) -> list[str]:
    """One line per pending translation, for the status report (not drift while within the limit):
    "[es] faq.md#new-question: new in fr, pending in es since 2026-12-04 (30 days left): reason"."""
    by_key = {(s.page, s.section): s for s in states}
    lines = []
    for entry in sorted(pending, key=lambda p: (p.page, p.section, p.language)):
        state = by_key.get((entry.page, entry.section))
        if state is None or entry.language not in state.behind:
            continue
        left = days_left(entry, today, limit_days)
        when = f"{left} days left" if left >= 0 else f"{-left} days past the limit"
        lines.append(
            f"[{entry.language}] {address(entry.page, entry.section)}: {state.summary()}, pending in "
            f"{entry.language} since {entry.since} ({when}): {entry.reason}"
        )
    return lines
