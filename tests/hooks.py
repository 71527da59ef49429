"""The hooks of overrides/hooks/, loaded from their files as MkDocs loads them, for unit tests."""

import importlib
import importlib.util
import sys
from types import ModuleType

from checks.site import ROOT

HOOKS_DIR = ROOT / "overrides" / "hooks"


def load_hook(name: str) -> ModuleType:
    """overrides/hooks/<name>.py as a module; its folder is on sys.path meanwhile, as MkDocs
    puts it, so that hooks can share a module of that folder."""
    spec = importlib.util.spec_from_file_location(name, HOOKS_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(HOOKS_DIR))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HOOKS_DIR))
    return module


def hook_library(name: str) -> ModuleType:
    """A module of overrides/hooks/ that the hooks import (project.py), as they import it: the
    one instance the hooks loaded by load_hook share, with its state (project.SLIPS)."""
    sys.path.insert(0, str(HOOKS_DIR))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(HOOKS_DIR))
