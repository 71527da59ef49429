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

from mkdocs.exceptions import PluginError

MATERIAL_ALTERNATES = re.compile(r'(\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">)+')


def language_versions(file, config) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of every built language's version of a page, then x-default."""
    if not config.site_url:
        raise PluginError("overrides/hooks/alternate_links.py: hreflang links need site_url")
    i18n = config.plugins["i18n"].config
    built = [lang.locale for lang in i18n.languages if lang.build]
    default = next(lang.locale for lang in i18n.languages if lang.default)
    versions = getattr(file, "alternates", {})
    missing = [locale for locale in built if locale not in versions]
    if missing:
        raise PluginError(
            f"overrides/hooks/alternate_links.py: {file.src_uri} has no version in {missing}"
        )
    links = [(locale, urljoin(config.site_url, versions[locale].url)) for locale in built]
    return links + [("x-default", dict(links)[default])]


def link_tags(links: list[tuple[str, str]]) -> str:
    return "".join(
        f'\n      <link rel="alternate" hreflang="{lang}" href="{href}">' for lang, href in links
    )


def on_env(env, config, files):
    env.globals["language_versions"] = lambda file: language_versions(file, config)


def on_post_page(output, page, config):
    tags = link_tags(language_versions(page.file, config))
    output, found = MATERIAL_ALTERNATES.subn(lambda match: tags, output, count=1)
    if not found:
        raise PluginError(
            f"overrides/hooks/alternate_links.py: no Material alternate links in the HTML of "
            f"{page.file.src_uri}; has Material changed how it writes them?"
        )
    return output


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    return MATERIAL_ALTERNATES.sub("", output)
