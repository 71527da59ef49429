"""The project stands alone: a clone of HEAD in an empty folder passes the fast tier.

CI runs in a clone with the team's `../shared/` folder beside it, so a test or hook that reads
from outside the repository would pass there and fail on every contributor's machine. This test
clones the repository into a folder with nothing beside it and runs the fast tier there.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks.site import ROOT

THIS_FILE = Path(__file__).relative_to(ROOT).as_posix()
FAST_TIER = ["-m", "not browser", "-q", "-p", "no:cacheprovider", f"--ignore={THIS_FILE}"]


def fast_tier_in_bare_clone(repo: Path, folder: Path) -> subprocess.CompletedProcess:
    """Clone repo's HEAD into folder/<name> (folder must be empty) and run the fast tier there."""
    clone = folder / repo.name
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
    # Nothing of the outer run leaks in: no pytest state, the build warning silenced as in CI.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "pytest", *FAST_TIER]
    return subprocess.run(command, cwd=clone, env=env, capture_output=True, text=True)


def summary(run: subprocess.CompletedProcess) -> str:
    """The failing tests and pytest's last line, enough to tell what read outside the clone."""
    lines = (run.stdout + run.stderr).splitlines()
    failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
    return "\n".join(failed[:20] + lines[-1:])


def test_a_clone_with_nothing_beside_it_passes_the_fast_tier(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout: there is no HEAD to clone")
    alone = tmp_path / "alone"
    alone.mkdir()
    run = fast_tier_in_bare_clone(ROOT, alone)
    assert run.returncode == 0, (
        f"the fast tier fails in a clone of HEAD with nothing beside it ({alone}); "
        f"does something read outside the repository?\n{summary(run)}"
    )


def test_a_project_reading_beside_its_folder_fails_in_a_bare_clone(tmp_path):
    """The broken twin: a repository whose test reads ../outside.txt passes where it lives (the
    file is there) and fails in the bare clone."""
    repo = tmp_path / "side" / "project"
    (repo / "tests").mkdir(parents=True)
    (repo.parent / "outside.txt").write_text("beside the repository\n", encoding="utf-8")
    (repo / "tests" / "test_reads_outside.py").write_text(
        "from pathlib import Path\n\n\ndef test_outside():\n"
        "    assert (Path(__file__).parents[2] / 'outside.txt').is_file()\n",
        encoding="utf-8",
    )
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "reads outside"], check=True)
    in_place = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                              cwd=repo, capture_output=True, text=True)
    assert in_place.returncode == 0, f"the twin should pass where it lives:\n{in_place.stdout}"
    alone = tmp_path / "alone"
    alone.mkdir()
    run = fast_tier_in_bare_clone(repo, alone)
    assert run.returncode != 0, f"reading ../outside.txt went unnoticed in the bare clone:\n{run.stdout}"
    assert "test_outside" in summary(run), summary(run)
