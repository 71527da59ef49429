"""Give each page absolute hreflang links to every language version, itself and x-default included.

mkdocs-static-i18n makes Material write one relative `<link rel="alternate" hreflang>` per
language, without x-default; search engines want absolute URLs. We replace them with
`language_versions()`, which the sitemap template (overrides/sitemap.xml) also uses, so the head
and the sitemap cannot disagree. x-default is the default language's version: its home is the
site root, which sends a first visitor on to their own language (overrides/main.html).

Material's bundle fetches `sitemap.xml` next to the href of every `link[rel=alternate]`
(`/es/faq/` -> `/es/faq/sitemap.xml`), to redirect its language selector. Hiding standard tags
from it (a `rel` spelled to dodge its selector, or removed by script) could mislead search
engines, which read the rendered page; so we let that request succeed on the site's own host:
- folder_sitemaps.py puts a valid sitemap in every page folder (not named in robots.txt);
- the URLs come from `site_url`, the host the site is served from: `mkdocs serve` sets it to
  its own address, a deployment sets SITE_URL, and the browser tests build with the address of
  their local server (a site built for another host, served locally, would reach that host);
- Material's click handler would then send a switcher click to the other version's address
  stripped of its slash and anchor: overrides/assets/javascripts/language.js keeps the click.
A 404 page has no language versions: its links are dropped.
"""

import re
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from project import built_locales, default_locale

# Material's <link rel="alternate" hreflang>, whatever the order and quoting of its attributes
MATERIAL_ALTERNATE = re.compile(
    r"[ \t]*<link\b(?=[^>]*\brel=[\"']?alternate\b)(?=[^>]*\bhreflang=)[^>]*>\n?", re.I
)


def language_versions(file: File, config: MkDocsConfig) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of every built language's version of a page, then x-default."""
    if not config.site_url:
        raise PluginError("overrides/hooks/alternate_links.py: hreflang links need site_url")
    versions = getattr(file, "alternates", {})
    missing = [locale for locale in built_locales(config) if locale not in versions]
    if missing:
        raise PluginError(
            f"overrides/hooks/alternate_links.py: {file.src_uri} has no version in {missing}"
        )
    links = [(locale, urljoin(config.site_url, versions[locale].url)) for locale in built_locales(config)]
    return links + [("x-default", dict(links)[default_locale(config)])]


def link_tags(links: list[tuple[str, str]]) -> str:
    return "".join(f'<link rel="alternate" hreflang="{lang}" href="{href}">\n' for lang, href in links)


def replace_alternates(html: str, tags: str, where: str) -> str:
    """Material's alternate links replaced by tags, where the first of them stood."""
    found = list(MATERIAL_ALTERNATE.finditer(html))
    if not found:
        raise PluginError(
            f"overrides/hooks/alternate_links.py: no <link rel=alternate hreflang> in the HTML of "
            f"{where}; has Material changed how it writes them?"
        )
    first = found[0].start()
    return html[:first] + tags + MATERIAL_ALTERNATE.sub("", html[first:])


def on_env(env: Environment, *, config: MkDocsConfig, files: Files, **kwargs) -> Environment:
    env.globals["language_versions"] = lambda file: language_versions(file, config)
    return env


@event_priority(50)  # on Material's HTML as it writes it, before the minify plugin (0)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
    tags = link_tags(language_versions(page.file, config))
    return replace_alternates(output, tags, page.file.src_uri)


@event_priority(50)  # likewise
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig, **kwargs) -> str:
    """A 404 page has no language versions: its alternate links go."""
    if template_name != "404.html":
        return output_content
    return replace_alternates(output_content, "", template_name)
