"""The fast tier in a bare clone of a repository's HEAD (tests/test_standalone.py): a clone in
an empty folder, with nothing beside it, and `pytest -m "not browser"` run there."""

import os
import subprocess
import sys
from pathlib import Path

FAST_TIER = ["-m", "not browser", "-q", "-p", "no:cacheprovider"]


def start_fast_tier_in_bare_clone(repo: Path, folder: Path, ignore: str | None = None) -> subprocess.Popen:
    """Clone repo's HEAD into folder/<name> (folder must be empty) and start its fast tier (but
    the test file `ignore`), its output in folder/fast-tier.log; returns the running pytest."""
    clone = folder / repo.name
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
    # Nothing of the outer run leaks in: no pytest state, the build warning silenced as in CI.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "pytest", *FAST_TIER] + ([f"--ignore={ignore}"] if ignore else [])
    with open(folder / "fast-tier.log", "w", encoding="utf-8") as log:
        return subprocess.Popen(command, cwd=clone, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)


def finish(run: subprocess.Popen, folder: Path) -> subprocess.CompletedProcess:
    """Wait for a started fast tier; its exit status and output."""
    run.wait()
    output = (folder / "fast-tier.log").read_text(encoding="utf-8")
    return subprocess.CompletedProcess(run.args, run.returncode, stdout=output, stderr="")


def fast_tier_in_bare_clone(repo: Path, folder: Path, ignore: str | None = None) -> subprocess.CompletedProcess:
    """start_fast_tier_in_bare_clone(), waited for."""
    return finish(start_fast_tier_in_bare_clone(repo, folder, ignore), folder)


def summary(run: subprocess.CompletedProcess) -> str:
    """The failing tests and pytest's last line, enough to tell what read outside the clone."""
    lines = (run.stdout + run.stderr).splitlines()
    failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
    return "\n".join(failed[:20] + lines[-1:])
