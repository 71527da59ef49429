"""The project stands alone: a clone of HEAD in an empty folder passes the fast tier.

CI runs in a clone with the team's `../shared/` folder beside it, so a test or hook that reads
from outside the repository would pass there and fail on every contributor's machine. This test
clones the repository into a folder with nothing beside it and runs the fast tier there. That
run starts with the session (the bare_clone_fast_tier fixture), beside our own fast tier, and
this test, run last (tests/conftest.py), reads its result.
"""

import subprocess
import sys

import pytest

from .bare_clone import fast_tier_in_bare_clone, summary


def test_a_clone_with_nothing_beside_it_passes_the_fast_tier(bare_clone_fast_tier):
    if bare_clone_fast_tier is None:
        pytest.skip("the project is not a git checkout: there is no HEAD to clone")
    run = bare_clone_fast_tier.result()
    assert run.returncode == 0, (
        f"the fast tier fails in a clone of HEAD with nothing beside it ({bare_clone_fast_tier.folder}); "
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
