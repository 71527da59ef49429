"""A YAML slip is one line, FILE:LINE:COLUMN: what PyYAML says, never a traceback: from the
shared reader (checks/yaml_files.py), from the hooks (overrides/hooks/project.py, the same
line), and from every editor's command, which exits 1."""

import pytest
import yaml
from mkdocs.exceptions import PluginError

from checks.freshness import load_lock, load_pending, project_files
from checks.site import copy_project, load_config
from checks.yaml_files import YamlSlip, project_yaml_files, read_yaml, yaml_error_line
from commands import confirm, pending, status

from .hooks import hook_library, load_hook
from .params import TRANSLATIONS

# Broken YAML, and where an editor must look: (line, column) counted from 1.
BROKEN = [
    ('title: ok\nreason: "never closed\nnext: 1\n', (2, 9), "while scanning a quoted scalar, found unexpected end of stream"),
    ("- {page: a, section: [b\n", (1, 22), "while parsing a flow sequence, expected ',' or ']', but got '<stream end>'"),
    ("a: 1\n b: 2\n", (2, 3), "mapping values are not allowed here"),
    ("a:\n  - x\n - y\n", (3, 2), "while parsing a block mapping, expected <block end>, but found '<block sequence start>'"),
    ("a: 1\n\tb: 2\n", (2, 1), "while scanning for the next token, found character '\\t' that cannot start any token"),
]
IDS = ["quote", "bracket", "colon", "indent", "tab"]


@pytest.mark.parametrize("text, position, said", BROKEN, ids=IDS)
def test_a_broken_file_is_one_line_at_the_place_to_mend(tmp_path, text, position, said):
    """An unclosed quote or bracket: where it opens, not the end of the file where PyYAML stopped."""
    path = tmp_path / "broken.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlSlip) as slip:
        read_yaml(path)
    line, column = position
    assert str(slip.value) == f"{path.as_posix()}:{line}:{column}: not valid YAML: {said}"


@pytest.mark.parametrize("text", [text for text, _, _ in BROKEN], ids=IDS)
def test_the_hooks_write_the_same_line_as_the_checks(text):
    """Hooks cannot import checks/: overrides/hooks/project.py has its own copy, which must agree."""
    with pytest.raises(yaml.YAMLError) as error:
        yaml.safe_load(text)
    assert hook_library("project").yaml_error_line("f.yml", error.value) == yaml_error_line("f.yml", error.value)


def break_file(path) -> str:
    """Add a line with a tab where YAML wants a token, in any YAML file: the one line expected."""
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + "\tbroken: x\n", encoding="utf-8")
    return f"{path.as_posix()}:{lines + 1}:1: not valid YAML: while scanning for the next token, found character '\\t' that cannot start any token"


@pytest.fixture
def broken_yaml(tmp_path):
    """A copy of the project with every YAML file the build and the commands read broken: (project, lines)."""
    project = copy_project(tmp_path / "project")
    files = project_yaml_files(project)
    assert {path.name for path in files} >= {"mkdocs.yml", "lock.yml", "pending.yml"}, f"files missed: {files}"
    return project, [break_file(path) for path in files]


def test_the_loaders_of_mkdocs_yml_the_lock_and_the_pending_entries_raise_the_one_line(broken_yaml):
    project, lines = broken_yaml
    lock_file, pending_file = project_files(project)
    for load, path in [(load_config, project / "mkdocs.yml"), (load_lock, lock_file), (load_pending, pending_file)]:
        with pytest.raises(YamlSlip) as slip:
            load(path)
        assert str(slip.value) in lines, f"{load.__name__}: {slip.value}"


@pytest.mark.parametrize("command, argv", [
    (status, []), (confirm, []), (pending, ["page.md#section", TRANSLATIONS[-1].locale, "--reason", "x"]),
], ids=["status", "confirm", "pending"])
def test_each_command_prints_one_line_per_broken_file_and_exits_1(broken_yaml, capsys, command, argv):
    project, lines = broken_yaml
    assert command.main([*argv, "--project", str(project)]) == 1, f"{command.__name__}: not exit 1"
    printed = capsys.readouterr()
    assert printed.out.splitlines() == lines and printed.err == "", f"{command.__name__} printed:\n{printed.out}{printed.err}"


def test_the_search_words_hook_stops_the_build_with_the_one_line(tmp_path):
    path = tmp_path / "search_words.yml"
    path.write_text("xx:\n  questions: [quoi\n", encoding="utf-8")
    with pytest.raises(PluginError) as error:
        load_hook("search_per_language").load_words(path, ["xx"])
    assert str(error.value) == (
        "search_words.yml:2:14: not valid YAML: while parsing a flow sequence, expected ',' or ']', but got '<stream end>'"
    )
