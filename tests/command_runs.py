"""The editors' commands run from a test, on a copy already built: their build replaced by a copy
of that site, since the copy's docs have not changed since it was built (each of
`commands.pending`, `commands.confirm` and `commands.status` builds the whole site first)."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from pathlib import Path

import pytest

from checks.site import BuildResult


def reusing(site: Path):
    """A stand-in for the commands' build of a copy whose docs have not changed since `site` was
    built from them: the same pages, copied, at the cost of a copy rather than a build."""

    def build_site(project_dir: Path, site_dir: Path, strict: bool = True, site_url: str | None = None) -> BuildResult:
        shutil.copytree(site, site_dir, dirs_exist_ok=True)
        return BuildResult(0, "")

    return build_site


def run(main, argv: list[str], site: Path) -> tuple[int, str]:
    """A command's main on a copy built into site: (exit code, what it printed)."""
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
        patch.setattr(sys.modules[main.__module__], "build_site", reusing(site))
        code = main(argv)
    return code, out.getvalue()
