"""Fixtures only: thin wrappers over checks.site and the helpers beside this file. The site is
built once per session."""

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from checks.site import PROJECT, ROOT, add_language, build_site, copy_project, languages
from checks.static_server import serve

from .bare_clone import finish, start_fast_tier_in_bare_clone
from .broken_copy import broken_copy, built_copy
from .drifted_copy import drifted_copy
from .pending_copy import pending_copy
from .planted_copy import planted_page, unguarded_copy
from .renamed_copy import built_for, renamed_copy, without_old_addresses
from .params import THIRD_LANGUAGE, TRANSLATIONS

STANDALONE = "tests/test_standalone.py"


def pytest_collection_modifyitems(items):
    """The fast tier first, then the browser tests, then tests/test_standalone.py. The fast tier
    is the editors' quick answer; the bare clone's fast tier (below), started with the session,
    runs beside ours, a core each, and is over by the end, so nothing waits for it."""
    def rank(item):
        if item.nodeid.startswith(STANDALONE):
            return 2
        return 1 if item.get_closest_marker("browser") else 0

    items.sort(key=rank)


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


@pytest.fixture(scope="session", autouse=True)
def bare_clone_fast_tier(request, tmp_path_factory):
    """The fast tier in a bare clone of HEAD (tests/bare_clone.py), started with the session when
    tests/test_standalone.py is selected, to run beside the other tests: .folder, and .result()
    to wait for its end. None when that test is not selected, or there is no HEAD to clone."""
    wanted = any(item.nodeid.startswith(f"{STANDALONE}::test_a_clone_") for item in request.session.items)
    if not wanted or not (ROOT / ".git").exists():
        yield None
        return
    folder = tmp_path_factory.mktemp("alone")
    run = start_fast_tier_in_bare_clone(ROOT, folder, ignore=STANDALONE)
    yield SimpleNamespace(folder=folder, result=lambda: finish(run, folder))
    if run.poll() is None:  # the session ended before the test: do not leave it running
        run.kill()
        run.wait()
