"""Fidelity to provenance/guide.<locale>.txt: every paragraph is on the site, the blog
leftovers and the repeated title are not."""

import pytest

from checks.fidelity import SOURCE_DIR, fidelity_problems, site_blocks
from checks.site import ROOT, load_config, nav_pages

from .params import each_language

LEFTOVERS = load_config(ROOT / "tests" / "fidelity.yml")["leftovers"]


@each_language
def test_every_source_paragraph_is_on_the_site_and_no_leftover(site_dir, language):
    source = SOURCE_DIR / f"guide.{language.locale}.txt"
    if not source.is_file():
        pytest.fail(f"[{language.locale}] no source text at {source}", pytrace=False)
    blocks = site_blocks(site_dir, language, nav_pages())
    assert fidelity_problems(source, blocks, LEFTOVERS, f"[{language.locale}]") == []
