"""Builds for the test suite, without paying Python's start and MkDocs' imports each time: a
builder process imports MkDocs, Material and the plugins once, then forks a child for each
`mkdocs build`, which runs MkDocs' own command line in the project's folder with the caller's
environment, as `python -m mkdocs build` would (its exit code, its output).

Measured here: 0.77 s a build instead of 1.19 s; the suite builds about sixty copies. The child is
a fresh fork of a process that has never built anything (only imported libraries), so nothing of
one copy's build (its hooks, their shared `project` module) reaches the next: that is why builds
are not run in the test process itself. Where os.fork is missing, checks.site builds as before.

What differs from a new process, none of which a build here depends on: the child ends with
os._exit (no atexit handlers), every build of one builder shares its hash seed, and what a
library reads from the environment when it is imported was read at the builder's start.

    python -m checks.builder    # the builder's own loop: one JSON request a line on stdin
"""

from __future__ import annotations

import contextlib
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
    """The test worker's side: builder processes started on first use, one per build at a time
    (two threads building at once get two), each asked one build at a time."""

    def __init__(self) -> None:
        self.idle: list[subprocess.Popen] = []
        self.lock = threading.Lock()
        self.asked = 0

    def run(self, args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
        """`mkdocs <args>` in cwd with env: (exit code, what it wrote to stdout, to stderr)."""
        # Named "tmp…", as the suite's watcher of reads beside the repository expects of a
        # temporary folder (tests/outside_reads.py: CI's clone may lie in the temporary folder)
        with tempfile.TemporaryDirectory() as logs:
            out, err = Path(logs, "stdout"), Path(logs, "stderr")
            with self.lock:
                self.asked += 1
                number = self.asked
                process = self.idle.pop() if self.idle else self._start()
            request = {"id": number, "args": args, "cwd": os.path.abspath(cwd), "env": env,
                       "stdout": str(out), "stderr": str(err)}
            try:
                code = self._ask(process, request)
            except BaseException:
                process.kill()  # its answer may still come: never read it as another build's
                process.wait()
                for pipe in (process.stdin, process.stdout):
                    with contextlib.suppress(OSError):
                        pipe.close()
                raise
            with self.lock:
                self.idle.append(process)
            encoding = locale.getpreferredencoding(False)  # as subprocess's text mode reads
            return code, read(out, encoding), read(err, encoding)

    def close(self) -> None:
        """End the builder processes (each also ends on its own when this process does)."""
        with self.lock:
            processes, self.idle = self.idle, []
        for process in processes:
            process.stdin.close()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.stdout.close()

    @staticmethod
    def _start() -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "checks.builder"], cwd=ROOT, text=True, bufsize=1,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )

    @staticmethod
    def _ask(process: subprocess.Popen, request: dict) -> int:
        """Send one request, read its answer: the build's exit code."""
        if process.poll() is not None:
            raise RuntimeError(f"checks/builder.py: the builder process had stopped (exit code {process.returncode})")
        process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()
        reply = process.stdout.readline()
        if not reply:
            raise RuntimeError(f"checks/builder.py: the builder process stopped (exit code {process.wait()}); "
                               "its error is in the test output")
        answer = json.loads(reply)
        if answer.get("id") != request["id"]:
            raise RuntimeError(f"checks/builder.py: answer {answer} to request {request['id']}")
        return answer["returncode"]


def read(path: Path, encoding: str) -> str:
    return path.read_text(encoding=encoding, errors="replace") if path.exists() else ""


def build_in_child(request: dict, replies: int) -> None:
    """In the forked child: become `python -m mkdocs <args>` run in the request's folder with its
    environment, output to its files; never returns."""
    code = 1
    try:
        os.close(replies)  # the builder's answers are not the child's to write
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):  # first: errors below go there
            target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
            os.close(target)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)  # the requests' pipe is the builder's, not the child's
        os.close(null)
        os.chdir(request["cwd"])
        sys.path[0] = request["cwd"]  # as `python -m` puts the folder it starts in
        os.environ.clear()
        os.environ.update(request["env"])
        import mkdocs.__main__

        sys.argv = [mkdocs.__main__.__file__, *request["args"]]  # plugins read it (i18n: --dirty)
        mkdocs.__main__.cli.main(args=request["args"], prog_name="mkdocs")
        code = 0
    except SystemExit as exit:
        if exit.code is None or isinstance(exit.code, int):
            code = exit.code or 0
        else:  # as Python does with SystemExit("message")
            print(exit.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        os._exit(code & 0xFF)


def main() -> None:
    """The builder's loop: a JSON request a line, a fork for each, its exit code a line back on
    a descriptor of its own (the builder's fd 1 now points at its stderr: nothing a library
    prints can pass for an answer)."""
    replies_fd = os.dup(1)
    os.dup2(2, 1)
    replies = os.fdopen(replies_fd, "w", buffering=1)
    for name in PRELOADED:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            build_in_child(request, replies_fd)
        _, status = os.waitpid(pid, 0)
        replies.write(json.dumps({"id": request["id"], "returncode": os.waitstatus_to_exitcode(status)}) + "\n")


if __name__ == "__main__":
    main()
