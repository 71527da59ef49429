"""Give heading permalinks a tooltip in the page's language.

Python-Markdown's toc extension takes a single `permalink_title` for the whole site; each
language sets its own text as `extra.permalink_title` under plugins.i18n.languages.
"""

from html import escape

from mkdocs.exceptions import PluginError

TOC_PERMALINK_TITLE = 'title="Permanent link"'


def on_page_content(html, page, config, files):
    title = config.extra.get("permalink_title")
    if not title:
        raise PluginError(
            f"extra.permalink_title is not set for the language of {page.file.src_uri}: "
            "add it under plugins.i18n.languages in mkdocs.yml"
        )
    return html.replace(TOC_PERMALINK_TITLE, f'title="{escape(title)}"')
