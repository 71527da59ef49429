"""The suite's own scheduling (tests/conftest.py): each fixture it groups the tests of is a
session fixture of the suite, so that a rename cannot leave a group silently empty."""

import ast
from pathlib import Path

from .conftest import MADE_ONCE


def session_fixtures(folder: Path) -> set[str]:
    """The names of the functions under folder decorated @pytest.fixture(scope="session")."""
    names = set()
    for source in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any(
                isinstance(decorator, ast.Call)
                and any(k.arg == "scope" and getattr(k.value, "value", None) == "session" for k in decorator.keywords)
                for decorator in node.decorator_list
            ):
                names.add(node.name)
    return names


def test_each_fixture_made_once_is_a_session_fixture_of_the_suite():
    unknown = sorted(set(MADE_ONCE) - session_fixtures(Path(__file__).parent))
    assert unknown == [], f"tests/conftest.py MADE_ONCE names no session fixture: {unknown}"


def test_a_name_that_is_no_session_fixture_is_caught(tmp_path):
    (tmp_path / "conftest.py").write_text(
        "import pytest\n@pytest.fixture(scope='session')\ndef made(): pass\n@pytest.fixture\ndef per_test(): pass\n",
        encoding="utf-8",
    )
    assert session_fixtures(tmp_path) == {"made"}
