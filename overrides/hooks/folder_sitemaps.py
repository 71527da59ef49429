"""Put a sitemap in every page folder, where Material's bundle looks for one.

Material fetches `sitemap.xml` next to each `<link rel="alternate">` of a page, and each page
links to all its language versions (alternate_links.py): `/es/faq/` makes it ask for
`/es/faq/sitemap.xml`, a 404 on every page view without this hook. Each folder gets the entries
of the root sitemap that lie under it: a valid sitemap by the protocol's rule that a sitemap
lists only URLs under its own folder, and the same alternates as the root one. Only the root
sitemap is named in robots.txt.
"""

import xml.etree.ElementTree as ET
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

NS = {"": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def folder_sitemaps(sitemap: str, site_url: str) -> dict[str, str]:
    """Each page folder ("es/faq/"), but the root, and the sitemap of the pages under it."""
    for prefix, uri in NS.items():
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(sitemap)
    urls = root.findall("url", NS)
    locs = [url.findtext("loc", namespaces=NS) for url in urls]
    if not urls or not all(loc.startswith(site_url) for loc in locs):
        raise PluginError(
            f"overrides/hooks/folder_sitemaps.py: no page under {site_url} in sitemap.xml"
        )
    folders = {}
    for folder in [loc.removeprefix(site_url) for loc in locs]:
        if folder:
            subset = ET.Element(root.tag)
            subset.extend(url for url, loc in zip(urls, locs) if loc.startswith(site_url + folder))
            folders[folder] = ET.tostring(subset, encoding="unicode", xml_declaration=True)
    return folders


# After mkdocs-static-i18n (-100) has built every language: the sitemap is then the whole site's.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig, **kwargs) -> None:
    site = Path(config.site_dir)
    if not (site / "sitemap.xml").is_file():
        raise PluginError("overrides/hooks/folder_sitemaps.py: no sitemap.xml in the built site")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for folder, text in folder_sitemaps(sitemap, config.site_url).items():
        (site / folder / "sitemap.xml").write_text(text + "\n", encoding="utf-8")
