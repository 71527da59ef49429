"""Let readers tell the editors what is wrong or missing, with nothing tracked.

At the end of each FAQ answer and of each other page, a short link in the reader's language
(`extra.answer_back.link`) opens a message already filled in: its subject and body
(`extra.answer_back.subject` and `.body`, with {page}, {section}, {language} and {url}) name the
page, the section, the language and the address. Where it goes is one setting for every
language, `extra.answer_back_to` in mkdocs.yml: an e-mail address (`mailto:…`) or a repository's
new-issue address (`https://…/issues/new`, which takes a title and a body). A plain link: no
script, no request, no cookie; the CSP is unchanged.

The search panel offers the same when nothing matches (overrides/main.html hands it the link of
the page, or of the "page not found", `answer_back_search`, whose body starts with `extra.answer_back.search`, its {query}
left for the words typed).

The paragraphs have the class `answer-back`, which the checks that compare the languages skip
(checks/parity.py), and `data-search-exclude`.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from project import answer_ends, current_locale, i18n, page_name

ANSWER_CLASS = "answer-back"
PLACES = ("{page}", "{section}", "{language}", "{url}")


def message_link(to: str, subject: str, body: str) -> str:
    """The address of a message already filled in: mailto: takes a subject, an issue a title."""
    if to.startswith("mailto:") and "@" in to:
        return f"{to}?subject={quote(subject)}&body={quote(body)}"
    if re.match(r"https://[^\s?#]+/issues/new$", to):
        return f"{to}?title={quote(subject)}&body={quote(body)}"
    raise PluginError(
        f"mkdocs.yml: extra.answer_back_to must be an e-mail address (mailto:name@example.org) or a "
        f"repository's new-issue address (https://…/issues/new), not {to!r}"
    )


def texts(config: MkDocsConfig) -> dict:
    """The language's answer-back texts, checked: each with what it must say."""
    words = config.extra.get("answer_back") or {}
    for key, needs in (("subject", ("{section}",)), ("body", PLACES)):
        missing = [place for place in needs if place not in (words.get(key) or "")]
        if missing:
            raise PluginError(
                f"overrides/hooks/answer_back.py: extra.answer_back.{key} of language "
                f"'{current_locale(config)}' lacks {' and '.join(missing)}: add it in mkdocs.yml"
            )
    return words


def plain(html: str) -> str:
    """A heading's text as readers see it (a no-break space kept), less its permalink and markup."""
    text = unescape(re.sub(r"<a\b[^>]*class=\"headerlink\".*?</a>|<[^>]+>", "", html, flags=re.S))
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def answer_back(config: MkDocsConfig, page: Page, section: str, anchor: str, before: str = "") -> str:
    """The link of a message about a section (anchor "" for the page itself); before: a line to
    put first in the body."""
    url = (page.canonical_url or page.url) + (f"#{anchor}" if anchor else "")
    return message(config, page.title or "", section, url, before)


def message(config: MkDocsConfig, title: str, section: str, url: str, before: str = "") -> str:
    words = texts(config)
    language = next(lang.name for lang in i18n(config).config.languages if lang.locale == current_locale(config))
    fill = {"{page}": title, "{section}": section, "{language}": language, "{url}": url}
    subject, body = words["subject"], before + words["body"]
    for place, value in fill.items():
        subject, body = subject.replace(place, value), body.replace(place, value)
    return message_link(config.extra.get("answer_back_to") or "", subject, body)


def paragraph(config: MkDocsConfig, href: str) -> str:
    text = escape(texts(config)["link"])
    return f'<p class="{ANSWER_CLASS}" data-search-exclude><a href="{escape(href)}">{text}</a></p>'


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
    if page_name(page, config) != config.extra.get("faq_page"):
        title = plain(page.title or "")
        return html + paragraph(config, answer_back(config, page, title, ""))
    for question, heading, end in answer_ends(html):  # the FAQ: after each answer
        link = answer_back(config, page, plain(heading), question)
        html = html[:end] + paragraph(config, link) + html[end:]
    return html


def search_line(config: MkDocsConfig) -> str:
    search = texts(config).get("search") or ""
    if "{query}" not in search:
        raise PluginError(
            f"overrides/hooks/answer_back.py: extra.answer_back.search of language '{current_locale(config)}' "
            f"lacks {{query}}: add it in mkdocs.yml"
        )
    return search


def on_page_context(context, *, page: Page, config: MkDocsConfig, **kwargs):
    """For the search panel (overrides/main.html): this page's link, the words typed to come."""
    context["answer_back_search"] = answer_back(config, page, plain(page.title or ""), "", search_line(config))
    return context


def on_template_context(context, *, template_name: str, config: MkDocsConfig, **kwargs):
    """The same for the "page not found" (404.html, a template without a page): named by its title."""
    if template_name == "404.html":
        title = (config.extra.get("not_found") or {}).get("title", "404")
        context["answer_back_search"] = message(config, title, title, config.site_url or "", search_line(config))
    return context
