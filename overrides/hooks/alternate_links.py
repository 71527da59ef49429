"""Drop the relative <link rel="alternate" hreflang> tags Material writes into each page's head.

mkdocs-static-i18n points extra.alternate at the current page's counterpart, and Material's
bundle then fetches `sitemap.xml` relative to every such link (`/faq/sitemap.xml`...): a 404 on
every page view. The header's language switcher does not need these tags; only search engines
do, and they get proper absolute hreflang links elsewhere (issue 5).
"""

import re

MATERIAL_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config):
    return MATERIAL_ALTERNATE.sub("", output)
