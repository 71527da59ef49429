"""Give heading permalinks a tooltip in the page's language.

Python-Markdown's toc extension takes a single `permalink_title` for the whole site; each
language sets its own text as `extra.permalink_title` under plugins.i18n.languages.
"""

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def placeholder(config: MkDocsConfig) -> str:
    """The title attribute the toc extension writes on every permalink (markdown_extensions)."""
    title = config.mdx_configs.get("toc", {}).get("permalink_title")
    if not title:
        raise PluginError(
            "overrides/hooks/localized_permalinks.py: set markdown_extensions.toc.permalink_title "
            "in mkdocs.yml: it is the placeholder each language's extra.permalink_title replaces"
        )
    return f'title="{escape(title)}"'


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs) -> str:
    title = config.extra.get("permalink_title")
    if not title:
        raise PluginError(
            f"extra.permalink_title is not set for the language of {page.file.src_uri}: "
            "add it under plugins.i18n.languages in mkdocs.yml"
        )
    permalinks = html.count('class="headerlink"')
    if html.count(placeholder(config)) != permalinks:
        raise PluginError(
            f"overrides/hooks/localized_permalinks.py: {page.file.src_uri} has {permalinks} "
            f"permalinks but not each with {placeholder(config)}; has the toc extension changed?"
        )
    return html.replace(placeholder(config), f'title="{escape(title)}"')
