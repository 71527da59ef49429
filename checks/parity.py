"""The comparison behind the parity suite and `python -m commands.status`: every
language must carry the same guide as the default language.

Each `*_problems` function checks one language's page and returns sentences that name the
language, the page and what differs; an empty list means the page is in step. The tests
assert the lists are empty; the status command prints them as a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from checks.site import (
    Language,
    built_file,
    built_page,
    internal_target,
    language_of,
    load_config,
    site_path,
    soup_without_sidebars,
    source_pages,
)

# The FAQ page, as mkdocs.yml names it (extra.faq_page)
FAQ_PAGE = load_config()["extra"]["faq_page"]
# The FAQ check's name in page_report, hence in the status table
FAQ_CHECK = "faq"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# What a section holds, counted in every language: the same numbers everywhere.
BLOCKS = ("paragraphs", "list items", "tables", "admonitions", "images")
# Paragraphs shorter than this are too short to tell one language from another.
MIN_WORDS_TO_DETECT = 5
# The reader's notice of a section whose translation is pending (overrides/hooks/pending_notice.py):
# shown in one language only, so never part of what the languages compare.
NOTICE_CLASS = "translation-pending"
# When a page or section was last confirmed (overrides/hooks/freshness_dates.py): the site's
# words about the content, not content the languages compare.
DATE_CLASS = "freshness-date"
# The link readers write to the editors with (overrides/hooks/answer_back.py).
ANSWER_CLASS = "answer-back"
# The related sections after an answer or a page (overrides/hooks/related_sections.py): the
# same lists in every language by construction, compared by checks/related.py, not here.
RELATED_CLASS = "related"
SITE_NOTES = [NOTICE_CLASS, DATE_CLASS, ANSWER_CLASS, RELATED_CLASS]


def site_note(tag: Tag) -> bool:
    """A pending notice, a date, an answer-back link, related sections: the site's words around
    the content, whose text is never compared."""
    return any(name in tag.get("class", []) for name in SITE_NOTES)


@dataclass
class Section:
    heading: str  # "h2#refund", or "(top)" before the first heading
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BLOCKS, 0))


def find_article(html: BeautifulSoup) -> Tag | None:
    # find() rather than select_one("article.md-content__inner"): the same element, 4x sooner.
    return html.find("article", class_="md-content__inner")


def article(html: BeautifulSoup) -> Tag:
    found = find_article(html)
    if found is None:
        raise ValueError("no <article class='md-content__inner'>: not a Material page")
    return found


def heading_key(tag: Tag) -> str:
    return f"{tag.name}#{tag.get('id', '(no id)')}"


def article_sections(content: Tag) -> list[Section]:
    """The article cut at each heading, with what each part holds."""
    parts = [Section("(top)")]
    for child in content.find_all(recursive=False):
        if child.name in HEADINGS:
            parts.append(Section(heading_key(child)))
            continue
        counts = parts[-1].counts
        if child.name == "p":
            counts["paragraphs"] += 1
        elif child.name in ("ul", "ol"):
            counts["list items"] += len(child.find_all("li"))
        elif child.name == "table":
            counts["tables"] += 1
        elif child.name == "details" or "admonition" in child.get("class", []):
            counts["admonitions"] += 1
        counts["images"] += len(child.find_all("img")) + (child.name == "img")
    if parts[0].counts == dict.fromkeys(BLOCKS, 0):
        parts.pop(0)
    return parts


def faq_questions(content: Tag) -> list[tuple[str, str]]:
    """Each FAQ question (an h2 of the article) as (id, answer text up to the next heading)."""
    questions = []
    for heading in content.find_all("h2"):
        answer = []
        for sibling in heading.find_next_siblings():
            if sibling.name in HEADINGS:
                break
            answer.append(sibling.get_text(" ", strip=True))
        questions.append((heading.get("id", "(no id)"), " ".join(answer).strip()))
    return questions


@dataclass(frozen=True)
class Article:
    sections: list[Section]
    links: list[tuple[str, str]]  # (section id, href) of each link, in order, the permalinks aside
    blocks: list[str]  # the text of each paragraph, list item and heading
    faq: list[tuple[str, str]]  # faq_questions


@dataclass(frozen=True)
class BuiltPage:
    """What the checks read of a built page, as plain data: about 10 KB, where its parsed tree
    weighs 0.7 MB."""
    title: str
    description: str
    links: list[tuple[str, bool]]  # (href, has hreflang: one of the language switcher's)
    ids: frozenset[str]  # the anchors links may point at
    article: Article | None  # None: not a Material page


def section_links(content: Tag) -> list[tuple[str, str]]:
    """(id of the section it stands in, href) of each link of the article, permalinks aside."""
    links, current = [], "(top)"
    for child in content.find_all(recursive=False):
        if child.name in HEADINGS:
            current = child.get("id", "(no id)")
        found = [child] if child.name == "a" else child.find_all("a", href=True)
        links += [(current, a["href"]) for a in found if a.has_attr("href") and "headerlink" not in a.get("class", [])]
    return links


def read_article(content: Tag) -> Article:
    return Article(
        sections=article_sections(content),
        links=section_links(content),
        blocks=[block.get_text(" ", strip=True) for block in content.find_all(["p", "li", *HEADINGS])],
        faq=faq_questions(content),
    )


def read_page(html: BeautifulSoup) -> BuiltPage:
    content = find_article(html)
    meta = html.find("meta", attrs={"name": "description"})
    links = [(link["href"], link.has_attr("hreflang")) for link in html.find_all("a", href=True)]
    ids = frozenset(tag["id"] for tag in html.find_all(id=True))
    for note in content.find_all(class_=SITE_NOTES) if content is not None else []:
        note.decompose()  # a page's links count a notice's; what the languages compare does not
    return BuiltPage(
        title=html.title.get_text(strip=True) if html.title else "",
        description=meta.get("content", "").strip() if meta else "",
        links=links,
        ids=ids,
        article=None if content is None else read_article(content),
    )


# Each page read once for the whole run, whatever order pages and languages are checked in. Every
# translation compares with its reference page: a bounded cache of parsed trees thrashed once the
# site outgrew it, parsing each reference page again. Plain data is small enough to keep it all.
@lru_cache(maxsize=None)
def _read(path: Path, mtime_ns: int) -> BuiltPage:
    return read_page(soup_without_sidebars(path))


def built(path: Path) -> BuiltPage:
    """What the checks read of a built page, less its sidebars (see soup_without_sidebars: MkDocs
    writes them from mkdocs.yml and the page's headings). Read again when the file changes."""
    return _read(path, path.stat().st_mtime_ns)


def _page(site_dir: Path, language: Language, page: str) -> BuiltPage:
    return built(built_page(site_dir, language, page))


def _article(site_dir: Path, language: Language, page: str) -> Article:
    found = _page(site_dir, language, page).article
    if found is None:
        path = built_page(site_dir, language, page)
        raise ValueError(f"{path}: no <article class='md-content__inner'>: not a Material page")
    return found


def page_set_problems(docs_dir: Path, reference: Language, language: Language) -> list[str]:
    """The same Markdown files in the language's folder as in the reference's."""
    ours, theirs = set(source_pages(docs_dir, language)), set(source_pages(docs_dir, reference))
    return [f"[{language.locale}] docs/{language.locale}/{page}: missing" for page in sorted(theirs - ours)] + [
        f"[{language.locale}] docs/{language.locale}/{page}: not in {reference.locale}"
        for page in sorted(ours - theirs)
    ]


def structure_problems(
    site_dir: Path, reference: Language, language: Language, page: str, excused: frozenset[str] = frozenset()
):
    """The same ordered headings (ids and levels), and the same blocks under each; a section
    pending in some language (excused) may differ, or stand in one language only, meanwhile."""
    where = f"[{language.locale}] {page}"
    kept = lambda sections: [s for s in sections if s.heading.partition("#")[2] not in excused]  # noqa: E731
    ours = kept(_article(site_dir, language, page).sections)
    theirs = kept(_article(site_dir, reference, page).sections)
    our_heads, their_heads = [s.heading for s in ours], [s.heading for s in theirs]
    if our_heads != their_heads:
        missing = [h for h in their_heads if h not in our_heads]
        extra = [h for h in our_heads if h not in their_heads]
        detail = f"missing {missing}, extra {extra}" if missing or extra else "in another order"
        return [f"{where}: headings differ from {reference.locale}: {detail}"]
    return [
        f"{where}: section {mine.heading} has {mine.counts[kind]} {kind}, "
        f"{reference.locale} has {other.counts[kind]}"
        for mine, other in zip(ours, theirs)
        for kind in BLOCKS
        if mine.counts[kind] != other.counts[kind]
    ]


def faq_problems(
    site_dir: Path, reference: Language, language: Language, excused: frozenset[str] = frozenset()
) -> list[str]:
    """The same questions, in the same order, each with an answer; a question pending in some
    language (excused) may stand in one language only, meanwhile."""
    where = f"[{language.locale}] {FAQ_PAGE}"
    ours = [(qid, answer) for qid, answer in _article(site_dir, language, FAQ_PAGE).faq if qid not in excused]
    theirs = [qid for qid, _ in _article(site_dir, reference, FAQ_PAGE).faq if qid not in excused]
    problems = [f"{where}: question #{qid} has no answer" for qid, answer in ours if not answer]
    if [qid for qid, _ in ours] != theirs:
        problems.append(
            f"{where}: questions {[qid for qid, _ in ours]} differ from {reference.locale}'s {theirs}"
        )
    return problems


def link_problems(site_dir: Path, languages: list[Language], language: Language, page: str):
    """Every internal link resolves, anchor included, and stays in the page's language."""
    where = f"[{language.locale}] {page}"
    problems = []
    for href, hreflang in _page(site_dir, language, page).links:
        found = internal_target(site_path(language, page), href)
        if found is None:
            continue
        path, fragment = found
        target = built_file(site_dir, path)
        if not target.is_file():
            problems.append(f"{where}: link {href!r} leads to no page (/{path})")
        elif fragment and fragment not in built(target).ids:
            problems.append(f"{where}: link {href!r}: no #{fragment} on /{path}")
        elif not hreflang and language_of(path, languages) != language:
            problems.append(f"{where}: link {href!r} leaves {language.locale} for /{path}")
    return problems


def article_links(
    site_dir: Path, languages: list[Language], language: Language, page: str, excused: frozenset[str] = frozenset()
):
    """The article's internal links as language-independent (path, fragment) pairs, in order,
    but those of the excused sections."""
    links = []
    for section, href in _article(site_dir, language, page).links:
        if section in excused:
            continue
        found = internal_target(site_path(language, page), href)
        if found is None:
            continue
        path, fragment = found
        links.append((path.removeprefix(language_of(path, languages).prefix), fragment))
    return links


def counterpart_link_problems(site_dir, languages, reference, language, page, excused=frozenset()):
    """A link points to the counterpart of what the reference page links to, in the same order
    (a section pending in some language, excused, aside)."""
    ours = article_links(site_dir, languages, language, page, excused)
    theirs = article_links(site_dir, languages, reference, page, excused)
    return [
        f"[{language.locale}] {page}: link #{n + 1} goes to /{mine[0]}#{mine[1]}, "
        f"{reference.locale} links to the counterpart of /{other[0]}#{other[1]}"
        for n, (mine, other) in enumerate(zip(ours, theirs))
        if mine != other
    ] + (
        [f"[{language.locale}] {page}: {len(ours)} links, {reference.locale} has {len(theirs)}"]
        if len(ours) != len(theirs)
        else []
    )


@lru_cache(maxsize=8)
def _identifier(locales: tuple[str, ...]):
    # py3langid: a small offline model, deterministic; restricted to the site's languages.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(locales))
    return identifier


def detect_language(text: str, locales: list[str]) -> str | None:
    """The language of a text among the site's, or None when it is too short to tell."""
    if len(re.findall(r"\w+", text)) < MIN_WORDS_TO_DETECT:
        return None
    return _identifier(tuple(sorted(locales))).classify(text)[0]


def untranslated_problems(site_dir: Path, languages: list[Language], language: Language, page: str):
    """Each paragraph, list item and heading of the article is in the page's language."""
    locales = [lang.locale for lang in languages]
    problems = []
    for text in _article(site_dir, language, page).blocks:
        found = detect_language(text, locales)
        if found not in (None, language.locale):
            problems.append(f"[{language.locale}] {page}: {found} text left in: {text[:70]!r}")
    return problems


def head_problems(site_dir: Path, languages: list[Language], language: Language, page: str):
    """A <title> and a meta description, both in the page's language."""
    where = f"[{language.locale}] {page}"
    read = _page(site_dir, language, page)
    title, description = read.title, read.description
    problems = [f"{where}: no <title>"] if not title else []
    problems += [f"{where}: no meta description"] if not description else []
    locales = [lang.locale for lang in languages]
    for what, text in (("<title>", title), ("meta description", description)):
        found = detect_language(text, locales)
        if found not in (None, language.locale):
            problems.append(f"{where}: {what} is in {found}: {text[:70]!r}")
    return problems


def page_report(
    site_dir: Path, languages: list[Language], language: Language, page: str, excused: frozenset[str] = frozenset()
):
    """Every check of one language's page, by name: what the status table prints and the
    tests assert, from the same functions. excused: the page's sections pending in some
    language within the limit (checks.freshness.excused_sections)."""
    reference = languages[0]
    report = {
        "links": link_problems(site_dir, languages, language, page),
        "untranslated": untranslated_problems(site_dir, languages, language, page),
        "title/description": head_problems(site_dir, languages, language, page),
    }
    if language != reference:
        report["structure"] = structure_problems(site_dir, reference, language, page, excused)
        report["link targets"] = counterpart_link_problems(site_dir, languages, reference, language, page, excused)
        if page == FAQ_PAGE:
            report[FAQ_CHECK] = faq_problems(site_dir, reference, language, excused)
    return {check: problems for check, problems in report.items() if problems}
