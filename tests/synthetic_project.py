"""A small project written by a test, for the rename command's unit tests: a mkdocs.yml naming the
languages of the real one (all the command reads of it) and the same synthetic pages in every
language folder."""

from pathlib import Path

import yaml

from .params import LANGUAGES


def synthetic_project(root: Path, pages: dict[str, str]) -> Path:
    """root with mkdocs.yml and docs/<locale>/<page> = text for every language; returns root."""
    languages = [{"locale": lang.locale, "name": lang.name, "default": lang.default} for lang in LANGUAGES]
    config = {"site_name": "Synthetic", "plugins": [{"i18n": {"docs_structure": "folder", "languages": languages}}]}
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for lang in LANGUAGES:
        for page, text in pages.items():
            path = root / "docs" / lang.locale / page
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def read(root: Path, page: str) -> dict[str, str]:
    """The page's text in every language, by locale."""
    return {lang.locale: (root / "docs" / lang.locale / page).read_text(encoding="utf-8") for lang in LANGUAGES}
