"""Every command answers --help with what it does and how to call it, and exits 0."""

import pytest

from commands import confirm, pending, rename, static_server, status


@pytest.mark.parametrize("command", [status, confirm, pending, rename, static_server], ids=lambda c: c.__name__)
def test_help_says_how_to_call_the_command(command, capsys):
    with pytest.raises(SystemExit) as done:
        command.main(["--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0, f"{command.__name__} --help exited {done.value.code}"
    assert f"python -m {command.__name__}" in out, f"{command.__name__} --help does not show its call:\n{out}"
