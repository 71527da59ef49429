"""What the tests read beside the repository, seen as it happens (Python's audit hooks).

A contributor clones the repository anywhere, with nothing beside it; on our machines and in CI
a `../shared/` folder lies next to it, so a test that reads it would pass here and fail there.
tests/conftest.py installs this watcher for the session and fails, at its teardown, any test
during which the suite's own process opened, listed or entered a path beside the repository
(the builds and commands it runs are proven in a bare clone: tests/test_standalone.py).

Beside the repository means under its parent folder but not under the repository: not the
Python environment (a venv beside the repository is a usual layout), not the system's temporary
folder, and not a hidden folder (a tool's own state, such as ~/.cache, when the repository lies
in a home folder). A repository at the root of the filesystem has nothing beside it to watch.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

EVENTS = {"open", "os.listdir", "os.scandir", "os.chdir"}


class OutsideReads:
    """Paths beside root read since the last take(), with the event that read them."""

    def __init__(self, root: Path):
        self.root = str(root.resolve())
        parent = os.path.dirname(self.root)
        self.beside = None if parent == os.path.dirname(parent) else parent + os.sep
        places = {str(Path(place).resolve()) + os.sep
                  for place in {*sys.path, sys.prefix, sys.base_prefix, tempfile.gettempdir()} if place}
        # Not a place that holds the repository (a parent on sys.path would allow all), nor one
        # inside it (the repository is allowed whole anyway).
        self.allowed = tuple(
            place for place in places
            if not (self.root + os.sep).startswith(place) and not place.startswith(self.root + os.sep)
        ) + (self.root + os.sep,)
        self.seen: list[str] = []

    def watch(self) -> "OutsideReads":
        """Start watching, for the rest of the process (an audit hook cannot be removed)."""
        if self.beside is not None:
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
        full = os.path.abspath(path)
        if self.is_beside(full):
            self.seen.append(f"{full} ({event})")

    def is_beside(self, full: str) -> bool:
        if full == self.root or not full.startswith(self.beside):
            return False
        if (full + os.sep).startswith(self.allowed):
            return False
        return not full[len(self.beside):].startswith(".")

    def take(self) -> list[str]:
        """What was read beside the repository since the last take()."""
        seen, self.seen = self.seen, []
        return seen
