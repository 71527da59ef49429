"""Give each language its own "page not found": `404.html` at the root, `<locale>/404.html`.

mkdocs-static-i18n builds the languages one after the other into the same site folder, and each
build writes the theme's 404.html at the root: the last language built wins. Here the default
language keeps the root one; every other language writes its own into its folder, for hosts
that honour per-folder 404 pages. On a host that serves only the root one (GitHub Pages), that
page sends a reader lost under another language's folder to its 404 (overrides/404.html).
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from project import current_locale, default_locale


def on_pre_build(*, config: MkDocsConfig, **kwargs) -> None:
    """Forget the language links of the last page built before this language's build.

    For each page, mkdocs-static-i18n 1.3 sets that page's links as an *attribute* of
    config.extra (`config.extra.alternate = ...`), which templates read before the dict entry it
    resets for each language. The 404 page renders outside any page, before this language's
    pages: it would get the previous language's last page links (from the third language on,
    `pt/404.html` linked home to `pt/retention-department/`). Without the attribute, Material's
    switcher and overrides/404.html read this language's own links: its homes.
    """
    vars(config.extra).pop("alternate", None)


@event_priority(-50)  # last: once the page is complete (policy included), move it
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig, **kwargs) -> str:
    if template_name != "404.html" or current_locale(config) == default_locale(config):
        return output
    if not output.strip():
        raise PluginError(
            f"overrides/hooks/localized_404.py: empty 404 page for {current_locale(config)}"
        )
    target = Path(config.site_dir) / current_locale(config) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    # The root 404.html stays the default language's (built first): MkDocs rewrites it as it is.
    # (An empty output would keep it too, but MkDocs then logs "Template skipped: '404.html'
    # generated empty output" on every build and every reload of `mkdocs serve`.)
    root = Path(config.site_dir) / "404.html"
    return root.read_text(encoding="utf-8") if root.is_file() else ""
