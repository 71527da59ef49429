"""The project stands alone: nothing it reads at build or test time lies beside it.

CI runs in a clone with the team's `../shared/` folder beside it, so a hook, a command or a test
that reads from there would pass in CI and fail on every contributor's machine. Two guards:
- the suite's own process: any test during which it reads beside the repository fails
  (tests/outside_reads.py, installed by tests/conftest.py);
- what runs in other processes, the build (hooks) and the editors' commands (the checks package):
  here, in a clone of HEAD in an empty folder, `mkdocs build --strict` and
  `python -m commands.status` must pass as they do in place. (The tests themselves are the first
  guard's: running them again in the clone would only repeat it.)
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from checks.site import ROOT

from .bare_clone import clone_head, run_in, summary
from .outside_reads import OutsideReads


def test_a_clone_with_nothing_beside_it_builds_and_reports(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout: there is no HEAD to clone")
    clone = clone_head(ROOT, tmp_path / "alone")
    runs = {
        "mkdocs build --strict": run_in(clone, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")),
        "python -m commands.status": run_in(clone, "-m", "commands.status"),
    }
    failed = [f"{what}:\n{summary(run)}" for what, run in runs.items() if run.returncode != 0]
    assert failed == [], (
        f"in a clone of HEAD with nothing beside it ({clone}), does something read beside the "
        f"repository?\n" + "\n\n".join(failed)
    )


def repository_reading_beside_itself(tmp_path):
    """The broken twin of the clone's check: a git repository whose script reads ../outside.txt,
    which lies beside it."""
    repo = tmp_path / "side" / "project"
    repo.mkdir(parents=True)
    (repo.parent / "outside.txt").write_text("beside the repository\n", encoding="utf-8")
    (repo / "reads.py").write_text(
        "from pathlib import Path\nprint((Path(__file__).resolve().parents[1] / 'outside.txt').read_text())\n",
        encoding="utf-8",
    )
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "reads outside"], check=True)
    return repo


def test_a_project_reading_beside_its_folder_works_in_place_and_fails_in_a_bare_clone(tmp_path):
    repo = repository_reading_beside_itself(tmp_path)
    in_place = run_in(repo, "reads.py")
    assert in_place.returncode == 0, f"the twin should work where it lives:\n{summary(in_place)}"
    alone = run_in(clone_head(repo, tmp_path / "alone"), "reads.py")
    assert alone.returncode != 0, f"reading ../outside.txt went unnoticed in the bare clone:\n{summary(alone)}"


def test_the_watcher_names_a_read_beside_the_repository_and_nothing_else(tmp_path):
    """The broken twin of the suite's own guard: in a process watching a repository whose
    folder is also the temporary one (as for a clone in /tmp), a read beside it is named;
    reads in it, in a hidden folder beside it, in an environment beside it (on sys.path, through
    a symbolic link) and in temporary files are not."""
    repo = repository_reading_beside_itself(tmp_path)
    side = repo.parent
    (side / ".cache").mkdir()
    (side / ".cache" / "state").write_text("a tool's state\n", encoding="utf-8")
    (side / "real-env").mkdir()
    (side / "real-env" / "beside_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    (side / "env").symlink_to(side / "real-env")
    (side / "tmp_made_by_tempfile").write_text("temporary\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        import json, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        sys.path.insert(0, {str(side / "env")!r})
        from tests.outside_reads import OutsideReads
        repo = Path({str(repo)!r})
        reads = OutsideReads(repo).watch()
        (repo / "reads.py").read_text()
        (repo.parent / ".cache" / "state").read_text()
        import beside_module
        (repo.parent / "tmp_made_by_tempfile").read_text()
        (repo.parent / "outside.txt").read_text()
        sorted(repo.parent.iterdir())
        print(json.dumps(reads.take()))
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env={**os.environ, "TMPDIR": str(side)})
    assert run.returncode == 0, run.stderr
    outside = str((side / "outside.txt").resolve())
    assert json.loads(run.stdout) == [f"{outside} (open)"], (
        f"the watcher should name {outside} alone (not {side} itself, the repository, a hidden "
        f"folder, the environment or temporary files): {run.stdout}"
    )


def test_a_repository_directly_under_the_root_is_not_watched_and_says_so():
    reads = OutsideReads("/app")
    assert reads.off and "/app" in reads.off, reads.off
