"""A bare clone of a repository's HEAD: a clone in an empty folder, with nothing beside it, and
commands run there as a contributor runs them (tests/test_standalone.py)."""

import os
import subprocess
import sys
from pathlib import Path


def clone_head(repo: Path, folder: Path) -> Path:
    """Clone repo's HEAD into folder/<name> (folder must be empty or absent); the clone."""
    folder.mkdir(parents=True, exist_ok=True)
    clone = folder / repo.name
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
    return clone


def run_in(clone: Path, *command: str, **env: str) -> subprocess.CompletedProcess:
    """`python <command>` run in the clone with this Python, its output kept; nothing of the
    outer run leaks in (no pytest state), the MkDocs 2 warning silenced as in CI."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "GUIDE_"))}
    clean.update(NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run([sys.executable, *command], cwd=clone, env=clean, capture_output=True, text=True)


def summary(run: subprocess.CompletedProcess) -> str:
    """What a failed run says: its FAILED and ERROR lines (pytest) and its last lines."""
    lines = (run.stdout + run.stderr).splitlines()
    failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
    return "\n".join(failed[:20] + lines[-15:])
