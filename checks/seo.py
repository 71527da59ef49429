"""What search engines and link previews read from the built site: hreflang links, canonical,
sitemaps, robots.txt, titles, descriptions, Open Graph tags, and the 404 pages.

Each check returns the problems it finds, as sentences naming the language, the page and what
differs; the tests assert there are none. Expectations come from mkdocs.yml and the front
matter of docs/, never from the HTML under test.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.meta import get_data

from checks.site import (
    MKDOCS_YML,
    PROJECT,
    Language,
    built_page,
    i18n_config,
    load_config,
    site_path,
    soup,
)

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def site_url(mkdocs_yml: Path = MKDOCS_YML) -> str:
    """site_url as MkDocs uses it (SITE_URL resolved, with a trailing slash)."""
    return load_config(mkdocs_yml)["site_url"].rstrip("/") + "/"


def language_extra(language: Language, mkdocs_yml: Path = MKDOCS_YML) -> dict:
    """The language's `extra` under plugins.i18n.languages in mkdocs.yml."""
    declared = i18n_config(load_config(mkdocs_yml))["languages"]
    return next(lang.get("extra", {}) for lang in declared if lang["locale"] == language.locale)


def front_matter(language: Language, page: str, docs_dir: Path = PROJECT / "docs") -> dict:
    return get_data((docs_dir / language.locale / page).read_text(encoding="utf-8"))[1]


def page_at(site_dir: Path, base: str, url: str) -> Path | None:
    """The built file an absolute URL of the site points at, or None outside the site."""
    if not url.startswith(base):
        return None
    return site_dir / url.removeprefix(base) / "index.html"


# hreflang, canonical


def expected_versions(base: str, languages: list[Language], page: str) -> list[tuple[str, str]]:
    """Every language's version of the page, then x-default: the default language's."""
    versions = [(lang.locale, base + site_path(lang, page)) for lang in languages]
    default = next(lang for lang in languages if lang.default)
    return versions + [("x-default", base + site_path(default, page))]


def head_versions(path: Path) -> list[tuple[str, str]]:
    """(hreflang, href) of each <link rel="alternate" hreflang> of a built page, in order."""
    links = soup(path).select('head link[rel="alternate"][hreflang]')
    return [(link["hreflang"], link.get("href", "")) for link in links]


def hreflang_problems(site_dir, base, languages, language, page) -> list[str]:
    """The page lists every language version, itself included, and x-default, absolute, once."""
    where = f"[{language.locale}] {page}"
    found = head_versions(built_page(site_dir, language, page))
    expected = expected_versions(base, languages, page)
    missing = [f"{lang} {href}" for lang, href in expected if (lang, href) not in found]
    unexpected = [f"{lang} {href}" for lang, href in found if (lang, href) not in expected]
    problems = [f"{where}: hreflang link missing: {item}" for item in missing]
    problems += [f"{where}: unexpected hreflang link: {item}" for item in unexpected]
    repeated = sorted({lang for lang, _ in found if [f[0] for f in found].count(lang) > 1})
    return problems + [f"{where}: hreflang {lang} listed more than once" for lang in repeated]


def reciprocity_problems(site_dir, base, language, page) -> list[str]:
    """Each version the page lists lists the page back, under the page's language."""
    where = f"[{language.locale}] {page}"
    own = base + site_path(language, page)
    problems = []
    for lang, href in head_versions(built_page(site_dir, language, page)):
        target = page_at(site_dir, base, href)
        if target is None or not target.is_file():
            problems.append(
                f"{where}: hreflang {lang} points to {href}, which is no page of the site"
            )
        elif (language.locale, own) not in head_versions(target):
            problems.append(
                f"{where}: {href} ({lang}) does not link back to {own} as {language.locale}"
            )
    return problems


def canonical_problems(site_dir, base, language, page) -> list[str]:
    """One canonical link, to the page's own absolute URL."""
    links = soup(built_page(site_dir, language, page)).select('head link[rel="canonical"]')
    hrefs = [link.get("href") for link in links]
    expected = base + site_path(language, page)
    if hrefs == [expected]:
        return []
    return [f"[{language.locale}] {page}: canonical {hrefs}, expected [{expected!r}]"]


# sitemaps, robots.txt


def sitemap_entries(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Each <loc> of a sitemap and its (hreflang, href) alternates, in order."""
    root = ET.parse(path).getroot()
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS): [
            (link.get("hreflang"), link.get("href")) for link in url.findall("x:link", SITEMAP_NS)
        ]
        for url in root.findall("s:url", SITEMAP_NS)
    }


def sitemap_missing(site_dir, base, languages, pages) -> list[str]:
    """The pages of every language that sitemap.xml does not list."""
    listed = sitemap_entries(site_dir / "sitemap.xml")
    return [
        f"[{lang.locale}] {page}: {base + site_path(lang, page)} not in sitemap.xml"
        for lang in languages
        for page in pages
        if base + site_path(lang, page) not in listed
    ]


def sitemap_alternate_problems(site_dir, base, language, page) -> list[str]:
    """The sitemap gives the page the very alternates its head lists."""
    url = base + site_path(language, page)
    in_sitemap = sitemap_entries(site_dir / "sitemap.xml").get(url)
    in_head = head_versions(built_page(site_dir, language, page))
    if in_sitemap == in_head:
        return []
    return [
        f"[{language.locale}] {page}: sitemap alternates {in_sitemap} differ from head {in_head}"
    ]


def folder_sitemap_problems(site_dir, base, language, page) -> list[str]:
    """The sitemap Material fetches next to the page lists the page, as the root one does."""
    folder = site_dir / site_path(language, page) / "sitemap.xml"
    where = f"[{language.locale}] {page}"
    if not folder.is_file():
        return [f"{where}: no {folder.relative_to(site_dir)} (Material requests it)"]
    url = base + site_path(language, page)
    entry = sitemap_entries(folder).get(url)
    if entry is None or entry != sitemap_entries(site_dir / "sitemap.xml").get(url):
        return [f"{where}: {folder.relative_to(site_dir)} does not list {url} as sitemap.xml does"]
    return []


def robots_problems(site_dir, base) -> list[str]:
    robots = site_dir / "robots.txt"
    if not robots.is_file():
        return ["robots.txt: not built"]
    lines = robots.read_text(encoding="utf-8").splitlines()
    if f"Sitemap: {base}sitemap.xml" in lines:
        return []
    return [f"robots.txt: no line 'Sitemap: {base}sitemap.xml' in {lines}"]


# titles, descriptions, Open Graph


def meta(html, attribute: str, value: str) -> list[str]:
    return [tag.get("content", "") for tag in html.find_all("meta", attrs={attribute: value})]


def metadata_problems(site_dir, base, languages, language, page) -> list[str]:
    """The page's own description (front matter), a title, and Open Graph tags that match."""
    where = f"[{language.locale}] {page}"
    html = soup(built_page(site_dir, language, page))
    # Whitespace folded on both sides, as the tags' values are read below: a title may hold a
    # no-break space (French typography: "rétention : à qui"), which the comparison must keep equal.
    title = " ".join(html.title.get_text(strip=True).split()) if html.title else ""
    description = " ".join(str(front_matter(language, page).get("description", "")).split())
    others = [language_extra(lang).get("og_locale") for lang in languages if lang != language]
    expected = {
        ("name", "description"): [description],
        ("property", "og:title"): [title],
        ("property", "og:description"): [description],
        ("property", "og:url"): [base + site_path(language, page)],
        ("property", "og:locale"): [language_extra(language).get("og_locale")],
        ("property", "og:locale:alternate"): sorted(others),
    }
    problems = [f"{where}: no <title>"] if not title else []
    problems += [f"{where}: no description in the front matter"] if not description else []
    for (attribute, name), values in expected.items():
        found = sorted(" ".join(value.split()) for value in meta(html, attribute, name))
        if found != sorted(values):
            problems.append(f"{where}: {name} is {found}, expected {sorted(values)}")
    return problems


def duplicates(site_dir, language, pages, read) -> list[str]:
    """Pages of a language sharing the same value of read(html): titles or descriptions."""
    seen: dict[str, list[str]] = {}
    for page in pages:
        seen.setdefault(read(soup(built_page(site_dir, language, page))), []).append(page)
    return [
        f"[{language.locale}] {same} share {value!r}"
        for value, same in seen.items()
        if len(same) > 1
    ]


def page_title(html) -> str:
    return html.title.get_text(strip=True) if html.title else ""


def page_description(html) -> str:
    return " ".join(meta(html, "name", "description"))


# 404 pages


def not_found_page(site_dir: Path, language: Language) -> Path:
    return site_dir / language.prefix / "404.html"


def not_found_problems(site_dir, base, languages, language, mkdocs_yml=MKDOCS_YML) -> list[str]:
    """The language's 404 is in its folder, in its language, noindex, linking to its home; its
    language switcher leads to every language's home (it is served at any address)."""
    path = not_found_page(site_dir, language)
    where = f"[{language.locale}] {path.relative_to(site_dir)}"
    if not path.is_file():
        return [f"{where}: not built"]
    html = soup(path)
    text = language_extra(language, mkdocs_yml).get("not_found", {})
    home = urlsplit(base).path + language.prefix
    homes = [(lang.locale, urlsplit(base).path + lang.prefix) for lang in languages]
    switcher = [(a.get("hreflang"), a["href"]) for a in html.select("a.md-select__link[href]")]
    checks = {
        "language switcher": (switcher, homes),
        "<html lang>": (html.html.get("lang"), language.locale),
        "<h1>": (html.h1.get_text(strip=True) if html.h1 else None, text.get("title")),
        "robots meta": (meta(html, "name", "robots"), ["noindex"]),
        "hreflang links": (head_versions(path), []),
        "link to its home": (
            [a.get_text(strip=True) for a in html.select("article a[href]") if a["href"] == home],
            [text.get("home")],
        ),
    }
    return [
        f"{where}: {what} is {found!r}, expected {wanted!r}"
        for what, (found, wanted) in checks.items()
        if found != wanted
    ]
