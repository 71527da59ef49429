"""Builds for the test suite, without paying Python's start and MkDocs' imports each time: one
process per test worker imports MkDocs, Material and the plugins once, then forks a child for each
`mkdocs build`, which runs MkDocs' own command line in the project's folder with the caller's
environment, exactly as `python -m mkdocs build` would (its exit code, its output).

Measured here: 0.77 s a build instead of 1.19 s; the suite builds about sixty copies. The child is
a fresh fork of a process that has never built anything (only imported libraries), so nothing of
one copy's build (its hooks, their shared `project` module) reaches the next: that is why builds
are not run in the test process itself. Where os.fork is missing, checks.site builds as before.

    python -m checks.builder    # the builder's own loop: one JSON request a line on stdin
"""

from __future__ import annotations

import importlib
import json
import locale
import os
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path

# What a build imports (measured on this project's build), loaded once by the builder. A module
# missing from the environment is skipped: MkDocs imports what it needs in the child anyway.
PRELOADED = (
    "mkdocs.__main__", "mkdocs.commands.build", "mkdocs.config.defaults", "mkdocs.structure.pages",
    "material.plugins.search.plugin", "mkdocs_static_i18n.plugin", "mkdocs_static_i18n.reconfigure",
    "mkdocs_minify_plugin.plugin", "htmlmin", "jsmin", "csscompressor", "tinycss2",
    "babel.dates", "babel.numbers", "babel.lists", "babel.support", "backrefs.bre",
    "markdown", "markdown.extensions.toc", "markdown.extensions.attr_list", "pygments.formatters.html",
    "jinja2", "yaml", "zoneinfo",
)
ROOT = Path(__file__).resolve().parent.parent


class ForkingBuilder:
    """The test worker's side: starts the builder on first use, sends it one build at a time."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()

    def run(self, args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
        """`mkdocs <args>` in cwd with env: (exit code, what it wrote to stdout, to stderr)."""
        # Named "tmp…", as the suite's watcher of reads beside the repository expects of a
        # temporary folder (tests/outside_reads.py: CI's clone may lie in the temporary folder)
        with self.lock, tempfile.TemporaryDirectory() as logs:
            out, err = Path(logs, "stdout"), Path(logs, "stderr")
            request = {"args": args, "cwd": str(cwd), "env": env, "stdout": str(out), "stderr": str(err)}
            reply = self._ask(json.dumps(request))
            encoding = locale.getpreferredencoding(False)  # as subprocess's text mode reads
            read = lambda path: path.read_text(encoding=encoding, errors="replace") if path.exists() else ""  # noqa: E731
            return json.loads(reply)["returncode"], read(out), read(err)

    def _ask(self, request: str) -> str:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "checks.builder"], cwd=ROOT, text=True, bufsize=1,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            )
        self.process.stdin.write(request + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline()
        if not reply:
            code = self.process.wait()
            raise RuntimeError(f"checks/builder.py: the builder process stopped (exit code {code}); its error is above")
        return reply


def build_in_child(request: dict) -> None:
    """In the forked child: become `python -m mkdocs <args>` run in the request's folder with its
    environment, output to its files; never returns."""
    code = 1
    try:
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):  # first: errors below go there
            target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
            os.close(target)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)  # the requests' pipe is the builder's, not the child's
        os.chdir(request["cwd"])
        sys.path[0] = request["cwd"]  # as `python -m` puts the folder it starts in
        os.environ.clear()
        os.environ.update(request["env"])
        from mkdocs.__main__ import cli

        cli.main(args=request["args"], prog_name="mkdocs")
        code = 0
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def main() -> None:
    """The builder's loop: a JSON request a line, a fork for each, its exit code a line back."""
    for name in PRELOADED:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    requests, replies = sys.stdin, sys.stdout
    for line in requests:
        request = json.loads(line)
        replies.flush()  # nothing of the builder's own output may reach the child's files
        pid = os.fork()
        if pid == 0:
            build_in_child(request)
        _, status = os.waitpid(pid, 0)
        replies.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        replies.flush()


if __name__ == "__main__":
    main()
