"""checks/builder.py builds as `python -m mkdocs build` does: the same exit code and the same
problems for a build that fails, the caller's environment and folder honoured, nothing of one
build left for the next, and a builder that stops is reported, then started again."""

import pytest

import checks.site
from checks.builder import ForkingBuilder
from checks.site import build_site

SITE_URL = "http://builder.test/"


@pytest.fixture
def builder():
    made = ForkingBuilder()
    yield made
    made.close()


@pytest.fixture
def both_ways(monkeypatch, builder):
    """build(project, site): the BuildResult of the forking builder and of a new process."""

    def build(project, site):
        monkeypatch.setattr(checks.site, "BUILDER", builder)
        forked = build_site(project, site / "forked", site_url=SITE_URL)
        monkeypatch.setattr(checks.site, "BUILDER", None)
        return forked, build_site(project, site / "process", site_url=SITE_URL)

    return build


def test_a_failing_build_fails_the_same_way_forked_as_in_a_new_process(tmp_path, both_ways):
    project = tiny_project(tmp_path / "project")
    (project / "docs" / "index.md").write_text("# Été\n\n[Nulle part](nowhere.md)\n", encoding="utf-8")
    forked, process = both_ways(project, tmp_path)
    assert process.returncode != 0 and process.problems, f"the broken link failed nothing:\n{process.log}"
    assert (forked.returncode, forked.problems) == (process.returncode, process.problems), (
        f"forked: {forked.returncode} {forked.problems}\nnew process: {process.returncode} {process.problems}"
    )


def test_a_build_takes_the_caller_s_site_url(tmp_path, both_ways):
    forked, process = both_ways(tiny_project(tmp_path / "project"), tmp_path)
    assert forked.returncode == process.returncode == 0, forked.log + process.log
    for way in ("forked", "process"):
        sitemap = (tmp_path / way / "sitemap.xml").read_text(encoding="utf-8")
        assert f"<loc>{SITE_URL}</loc>" in sitemap, f"{way}: the sitemap does not use SITE_URL={SITE_URL}"


def tiny_project(root):
    """A project of one page whose hook shows what an earlier build could have left: a module the
    hooks share, counting its imports, and the environment, which the hook then changes."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Page\n", encoding="utf-8")
    (root / "hooks").mkdir()
    (root / "hooks" / "shared.py").write_text("imports = 0\n", encoding="utf-8")
    (root / "hooks" / "left.py").write_text(
        "import os, shared\n"
        "def on_config(config):\n"
        "    shared.imports += 1\n"
        "    open('left.txt', 'w').write(f\"{shared.imports} {os.environ.get('LEFT')}\")\n"
        "    os.environ['LEFT'] = 'by an earlier build'\n",
        encoding="utf-8",
    )
    (root / "mkdocs.yml").write_text(
        "site_name: t\nsite_url: !ENV [SITE_URL, 'http://unset.test/']\nhooks:\n  - hooks/left.py\n", encoding="utf-8"
    )
    return root


def test_a_build_runs_in_its_folder_and_finds_nothing_of_the_one_before(tmp_path, builder):
    project = tiny_project(tmp_path / "project")
    for _ in range(2):
        code, out, err = builder.run(["build", "-d", "site"], project, {})  # relative: in its folder
        assert code == 0, out + err
        assert (project / "left.txt").read_text() == "1 None", f"left by the build before: {(project / 'left.txt').read_text()}"
    assert (project / "site" / "index.html").is_file(), "the site is not in the project's folder"


def test_a_build_in_a_folder_that_does_not_exist_is_reported(tmp_path, builder):
    code, out, err = builder.run(["build", "-d", str(tmp_path / "site")], tmp_path / "no-such-folder", {})
    assert code != 0 and "no-such-folder" in err, f"exit {code}, said {out!r} {err!r}"


def test_a_builder_that_stopped_is_named_then_started_again(tmp_path, builder):
    project = tiny_project(tmp_path / "project")
    assert builder.run(["build"], project, {})[0] == 0
    [process] = builder.idle
    process.kill()
    process.wait()
    with pytest.raises(RuntimeError, match="checks/builder.py: the builder process"):
        builder.run(["build"], project, {})
    assert builder.run(["build"], project, {})[0] == 0, "no new builder after the one that stopped"
