"""The links readers write to the editors with (overrides/hooks/answer_back.py): one after each
FAQ answer and one at the end of every other page, each opening a message to
`extra.answer_back_to` whose subject names the section and whose body names the page, the
section, the language and the address. The search panel's, when nothing matches, also carries
the words typed. Each check returns the problems it finds as sentences; the tests assert none.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag

from checks.parity import ANSWER_CLASS, article
from checks.site import MKDOCS_YML, Language, load_config


def destination(mkdocs_yml: Path = MKDOCS_YML) -> str:
    return load_config(mkdocs_yml)["extra"]["answer_back_to"]


def message(href: str) -> tuple[str, str, str]:
    """(where it goes, subject, body) of a message link: mailto:…?subject=…, …/issues/new?title=…"""
    parts = urlsplit(href)
    query = parse_qs(parts.query)
    subject = (query.get("subject") or query.get("title") or [""])[0]
    return f"{parts.scheme}:{parts.path}" if parts.scheme == "mailto" else f"{parts.scheme}://{parts.netloc}{parts.path}", subject, (query.get("body") or [""])[0]


def message_problems(href: str, where: str, to: str, says: list[str], subject_says: str) -> list[str]:
    """How a message link differs from one to `to` whose body says each of `says` and whose
    subject says `subject_says`."""
    goes, subject, body = message(href)
    problems = [] if goes == to else [f"{where}: writes to {goes!r}, mkdocs.yml says {to!r}"]
    problems += [f"{where}: the message does not say {text!r}: {body!r}" for text in says if text not in body]
    if subject_says not in subject:
        problems.append(f"{where}: the subject {subject!r} does not name {subject_says!r}")
    return problems


def link_after(tag: Tag | None) -> str | None:
    """The href of the answer-back paragraph tag is, if it is one."""
    if tag is None or ANSWER_CLASS not in tag.get("class", []) or tag.find("a", href=True) is None:
        return None
    return tag.find("a", href=True)["href"]


def page_problems(html: BeautifulSoup, language: Language, page: str, faq_page: str, to: str) -> list[str]:
    """Each FAQ answer ends with its link (section: its question, address: the page's #id); any
    other page ends with one (section: the page)."""
    where = f"[{language.locale}] {page}"
    canonical = html.find("link", rel="canonical")["href"]
    content = article(html)
    blocks = content.find_all(recursive=False)
    links = content.find_all(class_=ANSWER_CLASS)
    name = language.name
    if page != faq_page:
        href = link_after(blocks[-1] if blocks else None)
        if href is None or len(links) != 1:
            return [f"{where}: expected one answer-back link, at the end of the page; found {len(links)}"]
        return message_problems(href, where, to, [canonical, name], "")
    problems = []
    questions = content.find_all("h2", id=True, recursive=False)
    if len(links) != len(questions):
        problems.append(f"{where}: {len(questions)} answers, {len(links)} answer-back links")
    for question in questions:
        text = question.get_text().removesuffix("¶").strip()
        ending = None
        for block in question.find_next_siblings():
            if block.name == "h2":
                break
            ending = block
        href = link_after(ending)
        if href is None:
            problems.append(f"{where}#{question['id']}: the answer does not end with its answer-back link")
            continue
        problems += message_problems(href, f"{where}#{question['id']}", to, [f"{canonical}#{question['id']}", text, name], text)
    return problems
