"""What the tests read beside the repository, seen as it happens (Python's audit hooks).

A contributor clones the repository anywhere, with nothing beside it; on our machines and in CI
a `../shared/` folder lies next to it, so a test that reads it would pass here and fail there.
tests/conftest.py installs this watcher when pytest has read its configuration, and fails any
test during which the suite's own process opened, listed or entered a path beside the
repository. (A mere existence check, `Path.exists()` or `os.stat()`, raises no audit event and
goes unseen; the build and the editors' commands, run in other processes, are tried in a bare
clone: tests/test_standalone.py.)

Beside the repository means under its parent folder but not under the repository, nor:
- the Python environment and what sys.path holds (a venv beside the repository is a usual layout);
- a hidden folder (a tool's own state, such as ~/.cache, when the repository lies in a home folder);
- the copy of the project the checks were pointed at (GUIDE_PROJECT, GUIDE_SITE);
- in the system's temporary folder, what temporary files are made of (`tmp…` of tempfile,
  `pytest-of-…` of pytest, `_jinja2-cache-…` of Jinja, `_purge-css-cache-…` of
  overrides/hooks/purge_css.py), when the repository itself lies there.
A repository directly under the filesystem's root (/app) has the whole system beside it: the
watcher is off there, and says so.
"""

from __future__ import annotations

import os
import sys
import tempfile

EVENTS = {"open", "os.listdir", "os.scandir", "os.chdir"}
TEMPORARY = ("tmp", "pytest-of-", "_jinja2-cache-", "_purge-css-cache-")


class OutsideReads:
    """Paths beside root read since the last take(), with the event that read them."""

    def __init__(self, root):
        self.root = os.path.realpath(root)
        parent = os.path.dirname(self.root)
        self.beside = None if parent == os.path.dirname(parent) else parent + os.sep
        self.temporary = os.path.realpath(tempfile.gettempdir()) + os.sep
        places = {os.path.realpath(place) + os.sep
                  for place in {*sys.path, sys.prefix, sys.base_prefix, tempfile.gettempdir(),
                                os.environ.get("GUIDE_PROJECT"), os.environ.get("GUIDE_SITE")}
                  if place}
        # Not a place that holds the repository (a parent on sys.path would allow all), nor one
        # inside it (the repository is allowed whole anyway).
        self.allowed = tuple(
            place for place in places
            if not (self.root + os.sep).startswith(place) and not place.startswith(self.root + os.sep)
        ) + (self.root + os.sep,)
        self.seen: list[str] = []

    @property
    def off(self) -> str | None:
        """Why the watcher cannot watch, or None."""
        if self.beside is None:
            return f"the repository {self.root} lies directly under the filesystem's root"
        return None

    def watch(self) -> "OutsideReads":
        """Start watching, for the rest of the process (an audit hook cannot be removed)."""
        if not self.off:
            sys.addaudithook(self.hook)
        return self

    def hook(self, event: str, args: tuple) -> None:
        if event not in EVENTS or not args:
            return
        path = args[0]
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, str):  # a file descriptor, or scandir() of the current folder
            return
        full = os.path.realpath(path)
        if self.is_beside(full):
            self.seen.append(f"{full} ({event})")

    def is_beside(self, full: str) -> bool:
        if full == self.root or not full.startswith(self.beside):
            return False
        if (full + os.sep).startswith(self.allowed):
            return False
        name = full[len(self.beside):].split(os.sep)[0]
        if name.startswith("."):
            return False
        return not (self.beside == self.temporary and name.startswith(TEMPORARY))

    def take(self) -> list[str]:
        """What was read beside the repository since the last take()."""
        seen, self.seen = self.seen, []
        return seen
