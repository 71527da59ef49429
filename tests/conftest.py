"""Fixtures only: thin wrappers over checks.site and the helpers beside this file. The site is
built once per session."""

from types import SimpleNamespace

import pytest

from checks.site import ROOT, build_site

from .bare_clone import finish, start_fast_tier_in_bare_clone
from .broken_copy import broken_copy

STANDALONE = "tests/test_standalone.py"


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
