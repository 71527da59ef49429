"""Fixtures only: thin wrappers over checks.site. The site is built once per session."""

from types import SimpleNamespace

import pytest

from checks.site import ROOT, add_language, build_site, copy_project, languages

from .broken_copy import broken_copy
from .pending_copy import pending_copy
from .params import THIRD_LANGUAGE, TRANSLATIONS


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The real site, built with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.log}", pytrace=False)
    return site


@pytest.fixture(scope="session")
def broken(tmp_path_factory):
    """The broken copy of tests/broken_copy.py, built without --strict: .project and .site."""
    root = tmp_path_factory.mktemp("broken")
    project = broken_copy(root / "project")
    result = build_site(project, root / "site", strict=False)
    if result.returncode != 0:
        pytest.fail(f"the broken copy does not build:\n{result.log}", pytrace=False)
    return SimpleNamespace(project=project, site=root / "site")


@pytest.fixture(scope="session")
def third_language(tmp_path_factory):
    """A copy of the project with a third language (the last translation's pages under
    THIRD_LANGUAGE's locale), built strictly: .project, .site and .languages (default first)."""
    root = tmp_path_factory.mktemp("third-language")
    project = copy_project(root / "project")
    add_language(project, THIRD_LANGUAGE.locale, TRANSLATIONS[-1])
    result = build_site(project, root / "site")
    if result.returncode != 0:
        pytest.fail(f"the copy with a third language does not build:\n{result.log}", pytrace=False)
    return SimpleNamespace(project=project, site=root / "site", languages=languages(project / "mkdocs.yml"))


@pytest.fixture(scope="session")
def pending(tmp_path_factory):
    """The copy of tests/pending_copy.py (a section changed in the reference language only and
    pending in a translation), built strictly: .project and .site."""
    root = tmp_path_factory.mktemp("pending")
    project = pending_copy(root / "project")
    result = build_site(project, root / "site")
    if result.returncode != 0:
        pytest.fail(f"the copy with a pending section does not build:\n{result.log}", pytrace=False)
    return SimpleNamespace(project=project, site=root / "site")
