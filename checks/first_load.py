"""What a browser fetches on the first load of a built page, read from the built files: the
page, its stylesheets, scripts and icon, the sitemaps Material reads next to the hreflang
links, and the search worker it starts (the search index and lunr wait for the first search). With each file's gzipped size, for the
byte budgets; a browser test checks this list against the requests Chromium really makes.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

from checks.site import linked_file, soup

KINDS = ("html", "css", "js", "search index", "image", "sitemap")


@lru_cache(maxsize=1024)
def gzipped_size(path: Path) -> int:
    """Bytes on the wire from a server gzipping at the usual level 6."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def search_files(site_dir: Path, page_url: str, html, config: dict) -> list[tuple[str, Path]]:
    """The search worker Material starts with the page, and what that worker loads at once.

    Material's own worker loads the site's one index and its lunr languages at start. Where the
    page has our search-language.js (overrides/main.html), only the worker wrapper loads: the
    language's index, Material's worker and lunr wait until the reader opens the search.
    """
    chooser = html.select_one("script[data-index][data-worker]")
    if chooser is not None:
        return [("js", linked_file(site_dir, page_url, chooser["data-worker"]))]
    worker = linked_file(site_dir, page_url, config["search"])
    index = linked_file(site_dir, page_url, config["base"] + "/search/search_index.json")
    langs = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    lunr = worker.parent.parent / "lunr" / "min"
    scripts = [lunr / f"lunr.{lang}.min.js" for lang in langs if lang != "en"]
    scripts += [lunr / "lunr.multi.min.js"] if len(langs) > 1 else []
    if scripts:
        scripts.insert(0, lunr / "lunr.stemmer.support.min.js")
    return [("js", worker)] + [("js", script) for script in scripts] + [("search index", index)]


def alternate_sitemaps(site_dir: Path, page_url: str, html) -> list[tuple[str, Path]]:
    """Material fetches sitemap.xml next to each hreflang link (see overrides/hooks/alternate_links.py).

    The links are absolute, on site_url's host: the site's root is found from the canonical URL.
    """
    canonical = html.select_one('link[rel="canonical"][href]')
    if canonical is None or not canonical["href"].endswith(page_url):
        return []
    site_url = canonical["href"][: len(canonical["href"]) - len(page_url)]
    hrefs = [link["href"] for link in html.select('link[rel="alternate"][hreflang][href]')]
    sitemaps = dict.fromkeys(
        urljoin(href, "sitemap.xml").removeprefix(site_url) for href in hrefs if href.startswith(site_url)
    )
    return [("sitemap", site_dir / path) for path in sitemaps]


def first_load(site_dir: Path, page_url: str) -> list[tuple[str, Path]]:
    """(kind, file) for everything the first load of the page at site_dir/page_url fetches."""
    html_file = linked_file(site_dir, page_url, "")
    html = soup(html_file)
    found = [("html", html_file)]
    found += [("css", link["href"]) for link in html.select('link[rel="stylesheet"][href]')]
    found += [("js", script["src"]) for script in html.select("script[src]")]
    found += [("image", link["href"]) for link in html.select('link[rel="icon"][href]')]
    files = [(kind, ref if isinstance(ref, Path) else linked_file(site_dir, page_url, ref)) for kind, ref in found]
    files += alternate_sitemaps(site_dir, page_url, html)
    config = html.select_one("script#__config")
    if config is not None:
        files += search_files(site_dir, page_url, html, json.loads(config.string))
    return [(kind, path) for kind, path in files if path is not None]


def weights(site_dir: Path, page_url: str) -> dict[str, int]:
    """Gzipped bytes of the first load, by kind, and in all."""
    totals = dict.fromkeys(KINDS, 0)
    for kind, path in first_load(site_dir, page_url):
        totals[kind] += gzipped_size(path)
    return {**totals, "total": sum(totals.values())}
