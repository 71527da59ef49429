"""Fixtures only: thin wrappers over checks.site and the helpers beside this file. The site is
built once per session."""

import os
from pathlib import Path

import pytest

import checks.site
from checks.builder import ForkingBuilder
from checks.site import PROJECT, ROOT, add_language, build_site, copy_project, languages
from checks.static_server import serve

from .broken_copy import broken_copy, built_copy
from .drifted_copy import drifted_copy
from .outside_reads import OutsideReads
from .pending_copy import pending_copy
from .planted_copy import planted_page, unguarded_copy
from .renamed_copy import built_for, renamed_copy, without_old_addresses
from .params import THIRD_LANGUAGE, TRANSLATIONS

# What the suite's own process reads beside the repository (tests/outside_reads.py), watched
# from the start of the session.
READS = OutsideReads(ROOT)


def pytest_configure(config):
    # Each worker's builds forked from one process that has MkDocs imported (checks/builder.py)
    if hasattr(os, "fork"):
        checks.site.BUILDER = ForkingBuilder()
    if READS.off:
        config.issue_config_time_warning(pytest.PytestConfigWarning(
            f"reads beside the repository are not watched: {READS.off} (tests/outside_reads.py)"), stacklevel=2)
    READS.watch()


def pytest_unconfigure(config):
    if checks.site.BUILDER is not None:
        checks.site.BUILDER.close()


@pytest.fixture(autouse=True)
def reads_nothing_beside_the_repository():
    """Fail the test during which (or before which, while collecting) the suite read a path
    beside the repository: a contributor's clone has nothing there."""
    yield
    seen = READS.take()
    assert seen == [], (
        f"read beside the repository {ROOT}, which a fresh clone does not have: copy what is "
        f"needed into the repository: {seen[:10]}"
    )


def pytest_collection_modifyitems(items):
    """The fast tier first, then the browser tests: the fast tier is the editors' quick answer."""
    items.sort(key=lambda item: bool(item.get_closest_marker("browser")))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The real site (checks.site.PROJECT's), built with `mkdocs build --strict` into a temporary
    folder; or GUIDE_SITE, that project's strict build already made (tests/test_editor_paths.py
    builds its edited copy once, to run the `site` tests on it in another process)."""
    if built := os.environ.get("GUIDE_SITE"):
        if not (Path(built) / "index.html").is_file():
            pytest.fail(f"GUIDE_SITE={built}: not a built site (no index.html)", pytrace=False)
        return Path(built)
    site = tmp_path_factory.mktemp("site")
    result = build_site(PROJECT, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.log}", pytrace=False)
    return site


@pytest.fixture(scope="session")
def broken(tmp_path_factory):
    """The broken copy of tests/broken_copy.py (its faults: broken_plan()), built without --strict:
    .project and .site."""
    return built_copy(tmp_path_factory.mktemp("broken"), broken_copy, strict=False)


@pytest.fixture(scope="session")
def drifted(tmp_path_factory):
    """The drifted copy of tests/drifted_copy.py (its drifts: drift_plan()), built."""
    return built_copy(tmp_path_factory.mktemp("drifted"), drifted_copy)


@pytest.fixture(scope="session")
def third_language(tmp_path_factory):
    """A copy of the project with a third language (the last translation's pages under
    THIRD_LANGUAGE's locale), built strictly: .project, .site and .languages (default first)."""

    def with_third_language(dest):
        project = copy_project(dest)
        add_language(project, THIRD_LANGUAGE.locale, TRANSLATIONS[-1])
        return project

    built = built_copy(tmp_path_factory.mktemp("third-language"), with_third_language)
    built.languages = languages(built.project / "mkdocs.yml")
    return built


@pytest.fixture(scope="session")
def pending(tmp_path_factory):
    """The copy of tests/pending_copy.py (a section changed in the reference language only and
    pending in a translation), built strictly: .project and .site."""
    return built_copy(tmp_path_factory.mktemp("pending"), pending_copy)


@pytest.fixture(scope="session")
def unguarded(tmp_path_factory):
    """The copy of tests/planted_copy.py without the content safety hook, a script planted in a
    page of the last translation, built strictly: .project, .site and .page (the planted page)."""
    built = built_copy(tmp_path_factory.mktemp("unguarded"), unguarded_copy)
    built.page = planted_page(built.project)
    return built


@pytest.fixture(scope="session")
def renamed(tmp_path_factory):
    """The copy of tests/renamed_copy.py (a section renamed and another moved by the command),
    built strictly for, and served from, 127.0.0.1, for both tiers: .project, .site, .url,
    .renamed, .moved, .addresses."""
    root = tmp_path_factory.mktemp("renamed")
    with serve(root / "site") as url:
        yield built_for(renamed_copy(root / "project"), root / "site", url)


@pytest.fixture(scope="session")
def renamed_twin(renamed, tmp_path_factory):
    """Its broken twin, translations/old_addresses.yml emptied, built and served the same way."""
    root = tmp_path_factory.mktemp("renamed-twin")
    with serve(root / "site") as url:
        yield built_for(without_old_addresses(renamed, root / "project"), root / "site", url)
