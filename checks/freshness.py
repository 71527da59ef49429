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
from bs4 import Tag

from checks.parity import HEADINGS, NOTICE_CLASS, article
from checks.site import ROOT, Language, built_page, internal_target, language_of, site_path, soup_without_sidebars
from checks.yaml_files import read_yaml

LOCK = ROOT / "translations" / "lock.yml"
PENDING = ROOT / "translations" / "pending.yml"
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
    """Each section of a built page, by heading id: its heading and blocks, normalised. A reader
    notice of a pending translation is not part of the text."""
    texts: dict[str, list[str]] = {}
    current = "(top)"
    page_url = site_path(language, page)
    # A tree of our own (block_text edits it), less the sidebars: a cost that does not grow with the site
    for child in article(soup_without_sidebars(built_page(site_dir, language, page))).find_all(recursive=False):
        if NOTICE_CLASS in child.get("class", []):
            continue
        if child.name in HEADINGS:
            current = child.get("id", "(no id)")
        texts.setdefault(current, []).append(block_text(child, page_url, languages))
    return {section: " ".join(parts) for section, parts in texts.items()}


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
    return read_yaml(path) or {}


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


@dataclass
class SectionState:
    page: str
    section: str
    texts: dict[str, str]  # locale -> current text
    locked: dict[str, dict]  # locale -> lock entry ({} if the section is new)
    changed: list[str] = field(default_factory=list)  # locales whose text differs from the lock
    since: str | None = None  # when the lock took it: "import", or the date of a confirm

    @property
    def behind(self) -> list[str]:
        """The locales left unchanged while others changed."""
        if not self.locked or not self.changed:
            return []
        return [locale for locale in self.texts if locale not in self.changed]

    @property
    def confirmable(self) -> bool:
        """Changed in every language (or new, or gone from the page): the lock can take it."""
        return bool(self.changed) and not self.behind

    def diffs(self) -> str:
        """What changed in each changed language, against its locked text."""
        return "; ".join(
            f"{locale}: {word_diff(self.locked.get(locale, {}).get('text', ''), self.texts.get(locale, ''))}"
            for locale in self.changed
        )


def section_states(site_dir: Path, languages: list[Language], page: str, lock: dict) -> list[SectionState]:
    """Every section of a page (and every locked one gone from it), compared with the lock."""
    texts = {lang.locale: section_texts(site_dir, languages, lang, page) for lang in languages}
    locked_page = lock.get(page, {})
    sections = list(dict.fromkeys([*texts[languages[0].locale], *locked_page]))
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
        )
        state.changed = [
            lang.locale
            for lang in languages
            if fingerprint(state.texts.get(lang.locale, "")) != state.locked.get(lang.locale, {}).get("fingerprint")
        ]
        states.append(state)
    return states


def freshness_problems(
    states: list[SectionState], pending: list[Pending], today: date, limit_days: int
) -> list[str]:
    """What the suite fails on: a section behind (not pending), changed everywhere but not
    confirmed, a pending entry past the limit or no longer behind."""
    waiting = {(p.page, p.section, p.language): p for p in pending}
    problems = []
    for state in states:
        where = f"{state.page}#{state.section}"
        for locale in state.behind:
            entry = waiting.get((state.page, state.section, locale))
            if entry is None:
                problems.append(
                    f"[{locale}] {where}: behind {', '.join(state.changed)}, which changed since the "
                    f"lock ({state.diffs()}). Carry it over, then `python -m commands.confirm`; or "
                    f"`python -m commands.pending {where} {locale} --reason \"…\"`"
                )
            elif (today - entry.since).days > limit_days:
                problems.append(
                    f"[{locale}] {where}: pending since {entry.since} ({(today - entry.since).days} "
                    f"days, the limit is {limit_days}): {entry.reason}"
                )
        if state.confirmable:
            what = "new" if not state.locked else "gone from the page" if not state.texts else "changed"
            problems.append(
                f"[{', '.join(state.changed)}] {where}: {what} in every language, not confirmed "
                f"({state.diffs()}). Check the languages agree, then `python -m commands.confirm`"
            )
    behind = {(s.page, s.section, locale) for s in states for locale in s.behind}
    pages = {s.page for s in states}
    problems += [
        f"[{p.language}] {p.page}#{p.section}: marked pending since {p.since}, but it is not behind: "
        "`python -m commands.confirm` removes the entry"
        for p in pending
        if p.page in pages and (p.page, p.section, p.language) not in behind
    ]
    return problems


def confirmed(lock: dict, states: list[SectionState], today: date) -> dict:
    """The lock with every confirmable section taken as it is now (dropped when gone)."""
    new = {page: dict(sections) for page, sections in lock.items()}
    for state in states:
        if not state.confirmable:
            continue
        sections = new.setdefault(state.page, {})
        if state.texts:
            texts = {locale: lock_entry(text) for locale, text in state.texts.items()}
            sections[state.section] = {"confirmed": today.isoformat(), **texts}
        else:
            sections.pop(state.section, None)
    return {page: sections for page, sections in new.items() if sections}


# -- For the commands: a whole project ----------------------------------------------------------


def project_files(project: Path) -> tuple[Path, Path]:
    """A project's lock and pending entries."""
    return project / LOCK.relative_to(ROOT), project / PENDING.relative_to(ROOT)


def limit_days(config: dict) -> int:
    """The pending limit set in mkdocs.yml (a loaded config); an error naming the key if unset."""
    limit = (config.get("extra") or {}).get(LIMIT_KEY)
    if not isinstance(limit, int) or limit < 0:
        raise LookupError(f"mkdocs.yml: set extra.{LIMIT_KEY} (days a translation may stay pending)")
    return limit


def all_states(site_dir: Path, languages: list[Language], pages: list[str], lock: dict) -> list[SectionState]:
    """Every page's section states; a page of the lock no longer on the site counts as gone."""
    states = [state for page in pages for state in section_states(site_dir, languages, page, lock)]
    for page in sorted(set(lock) - set(pages)):
        for section, entry in lock[page].items():
            locked = {locale: found for locale, found in entry.items() if locale != "confirmed"}
            states.append(SectionState(page, section, {}, locked, list(locked)))
    return states


def cell_states(states: list[SectionState], pending: list[Pending], locale: str, page: str) -> list[str]:
    """A language's page in the status table: "behind: #a #b", "pending since <date>", "unconfirmed: #c"."""
    waiting = {(p.section, p.language): p.since for p in pending if p.page == page}
    mine = [s for s in states if s.page == page]
    behind = [f"#{s.section}" for s in mine if locale in s.behind and (s.section, locale) not in waiting]
    since = sorted({waiting[s.section, locale] for s in mine if (s.section, locale) in waiting})
    unconfirmed = [f"#{s.section}" for s in mine if s.confirmable and locale in s.changed]
    return (
        ([f"behind: {' '.join(behind)}"] if behind else [])
        + [f"pending since {day}" for day in since]
        + ([f"unconfirmed: {' '.join(unconfirmed)}"] if unconfirmed else [])
    )
