"""Give each link of a page's content its full address, for print: on paper or in a PDF saved
from a phone, "../faq/#refund" means nothing. The print rules of
overrides/assets/stylesheets/accessibility.css write the `data-print-href` after the link's text
when the page is printed; on screen nothing changes.
Links within the page (#…), the headings' permalinks and the answer-back link are left alone.
"""

import re
from html import escape, unescape
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

LINK = re.compile(r"<a\b([^>]*)>")
HREF = re.compile(r"""\bhref=(["'])(.*?)\1""")


def with_print_href(tag_attrs: str, base: str) -> str:
    href = HREF.search(tag_attrs)
    if not href or href.group(2).startswith(("#", "mailto:")) or "headerlink" in tag_attrs:
        return tag_attrs
    return f'{tag_attrs} data-print-href="{escape(urljoin(base, unescape(href.group(2))))}"'


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
    base = page.canonical_url or page.url
    return LINK.sub(lambda found: f"<a{with_print_href(found.group(1), base)}>", html)
