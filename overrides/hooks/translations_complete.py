"""Fail the build when a page exists in one language folder and not in another.

With `fallback_to_default: false`, mkdocs-static-i18n would simply leave the page out of the
language that lacks it; we want the editor told which file to write, before anything is built.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from project import built_locales


def pages_by_language(docs_dir: Path, languages: list[str]) -> dict[str, set[str]]:
    """Each language's Markdown pages, as paths relative to its own folder."""
    return {
        lang: {p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md")}
        for lang in languages
    }


def missing_translations(pages: dict[str, set[str]]) -> list[str]:
    """The `<lang>/<page>` files that some other language has and this one lacks."""
    every_page = set().union(*pages.values())
    return [f"{lang}/{page}" for lang, have in pages.items() for page in sorted(every_page - have)]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    languages = built_locales(config)
    docs_dir = Path(config.docs_dir)
    absent = [lang for lang in languages if not (docs_dir / lang).is_dir()]
    if absent:
        raise PluginError(f"No docs folder for language(s) {absent} declared in mkdocs.yml")
    missing = missing_translations(pages_by_language(docs_dir, languages))
    if missing:
        listing = ", ".join(f"docs/{path}" for path in missing)
        raise PluginError(f"Missing translation(s): {listing} (the page exists in another language)")
    return config
