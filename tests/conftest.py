"""Fixtures only: thin wrappers over tools.site. The site is built once per session."""

import pytest

from tools.site import ROOT, build_site


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The real site, built with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.log}", pytrace=False)
    return site
