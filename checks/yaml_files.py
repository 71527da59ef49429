"""Reading the project's YAML files (mkdocs.yml, translations/*.yml, search_words.yml, the search
queries): an editor's slip in one is one line, FILE:LINE:COLUMN: what PyYAML says, never a
traceback. The hooks write the same line for the files the build reads (overrides/hooks/project.py:
the product never imports this package).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class YamlSlip(ValueError):
    """A YAML file that PyYAML cannot read; str() is its one line."""


def shown(path: Path) -> str:
    """A path as an editor types it: from the current folder when it is inside, else whole."""
    relative = os.path.relpath(path)
    return Path(path).as_posix() if relative.startswith("..") else Path(relative).as_posix()


def yaml_mark(error: yaml.YAMLError) -> yaml.Mark | None:
    """Where an editor mends a YAML error: where PyYAML stopped (problem_mark), but for a token
    it could not finish (an unclosed quote, a key without ":") or a bracket never closed, where
    that starts (context_mark): PyYAML stops on the next line or at the end of the file."""
    problem = getattr(error, "problem", None) or ""
    unfinished = isinstance(error, yaml.scanner.ScannerError) or "<stream end>" in problem
    context = getattr(error, "context_mark", None)
    return context if unfinished and context else getattr(error, "problem_mark", None)


def yaml_said(error: yaml.YAMLError) -> str:
    """What PyYAML says is wrong, on one line: "while scanning a quoted scalar, found unexpected end of stream"."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return " ".join(str(error).split())
    return ", ".join(" ".join(part.split()) for part in (error.context, error.problem) if part)


def yaml_error_line(file: str, error: yaml.YAMLError) -> str:
    """FILE:LINE:COLUMN: not valid YAML: what PyYAML says (line and column counted from 1)."""
    mark = yaml_mark(error)
    where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark else file
    return f"{where}: not valid YAML: {yaml_said(error)}"


def read_yaml(path: Path, loader: type = yaml.SafeLoader) -> Any:
    """A YAML file's data; YamlSlip (its one line) when it is not valid YAML. mkdocs.yml needs
    MkDocs' loader (mkdocs.utils.yaml.get_yaml_loader) for its !ENV tags."""
    with open(path, encoding="utf-8") as f:
        try:
            return yaml.load(f, Loader=loader)
        except yaml.YAMLError as error:
            raise YamlSlip(yaml_error_line(shown(path), error)) from None


# libyaml's parser, when PyYAML has it: same safe constructors, many times as fast on a large file
# (the lock). Its words for a slip, and where it sees it, are its own: the pure-Python parser
# words every slip an editor reads, whichever read the file first.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml_fast(path: Path) -> Any:
    """read_yaml with libyaml's parser; a slip worded as read_yaml words it."""
    try:
        return read_yaml(path, FAST_LOADER)
    except YamlSlip:
        return read_yaml(path)


def project_yaml_files(project: Path) -> list[Path]:
    """The YAML files of a project that the build and the editors' commands read."""
    found = [project / "mkdocs.yml", project / "search_words.yml", *sorted((project / "translations").glob("*.yml"))]
    return [path for path in found if path.is_file()]


def yaml_slips(project: Path) -> list[str]:
    """One line for each YAML file of the project that PyYAML cannot parse; [] when all can.
    Syntax only (no tag is resolved), so mkdocs.yml's !ENV needs no loader of its own."""
    slips = []
    for path in project_yaml_files(project):
        for loader in dict.fromkeys([FAST_LOADER, yaml.SafeLoader]):  # the second words a slip
            try:
                with open(path, encoding="utf-8") as f:
                    for _ in yaml.compose_all(f, Loader=loader):
                        pass
                break
            except yaml.YAMLError as error:
                if loader is yaml.SafeLoader:
                    slips.append(yaml_error_line(shown(path), error))
    return slips
