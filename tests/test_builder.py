"""checks/builder.py builds as `python -m mkdocs build` does: the same exit code and the same
problems for a build that fails, the caller's environment and folder honoured, and a build that
cannot start is reported, not hung on."""

import pytest

import checks.site
from checks.builder import ForkingBuilder
from checks.site import build_site, copy_project, languages, source_pages

SITE_URL = "http://builder.test/"


@pytest.fixture
def both_ways(monkeypatch):
    """build(project, site): the BuildResult of the forking builder and of a new process."""

    def build(project, site):
        monkeypatch.setattr(checks.site, "BUILDER", ForkingBuilder())
        forked = build_site(project, site / "forked", site_url=SITE_URL)
        checks.site.BUILDER.process.stdin.close()
        monkeypatch.setattr(checks.site, "BUILDER", None)
        return forked, build_site(project, site / "process", site_url=SITE_URL)

    return build


def test_a_failing_build_fails_the_same_way_forked_as_in_a_new_process(tmp_path, both_ways):
    project = copy_project(tmp_path / "project")
    language = languages(project / "mkdocs.yml")[0]
    page = project / "docs" / language.locale / source_pages(project / "docs", language)[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n## Titre sans identifiant\n\nTexte.\n", encoding="utf-8")
    forked, process = both_ways(project, tmp_path)
    assert process.returncode != 0 and process.problems, f"the slip in {page} failed nothing:\n{process.log}"
    assert (forked.returncode, forked.problems) == (process.returncode, process.problems), (
        f"forked: {forked.returncode} {forked.problems}\nnew process: {process.returncode} {process.problems}"
    )


def test_a_build_takes_the_caller_s_site_url_and_folder(tmp_path, both_ways):
    project = copy_project(tmp_path / "project")
    forked, process = both_ways(project, tmp_path)
    assert forked.returncode == process.returncode == 0, forked.log + process.log
    for way in ("forked", "process"):
        home = (tmp_path / way / "index.html").read_text(encoding="utf-8")
        assert f'href="{SITE_URL}"' in home, f"{way}: the home's links do not use SITE_URL={SITE_URL}"


def test_a_build_in_a_folder_that_does_not_exist_is_reported(tmp_path):
    builder = ForkingBuilder()
    code, out, err = builder.run(["build"], tmp_path / "no-such-folder", {})
    builder.process.stdin.close()
    assert code != 0 and "no-such-folder" in err, f"exit {code}, said {out!r} {err!r}"
