"""Parametrisation shared by the test modules: every language declared in mkdocs.yml, and every
page found in any language folder (so a page missing in one language still gets its own test)."""

import pytest

from tools.site import ROOT, languages, source_pages

LANGUAGES = languages()
PAGES = sorted({page for lang in LANGUAGES for page in source_pages(ROOT / "docs", lang)})

each_language = pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.locale)
each_page = pytest.mark.parametrize("page", PAGES)
