"""What the tests and the command-line tools know about the site: its languages, how to build
it, where each page lands, and how to read the built HTML.

Everything is read from mkdocs.yml, so a language added there needs no change here.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import get_yaml_loader

from checks.yaml_files import read_yaml

ROOT = Path(__file__).resolve().parent.parent
# The guide the checks read: this repository, or, with GUIDE_PROJECT set, a copy of it edited as
# an editor would (tests/test_editor_paths.py runs the site's checks on one that way).
PROJECT = Path(os.environ.get("GUIDE_PROJECT") or ROOT).resolve()
MKDOCS_YML = PROJECT / "mkdocs.yml"
# Each language's question words and synonyms for search, next to mkdocs.yml
SEARCH_WORDS_YML = PROJECT / "search_words.yml"
# The queries readers type, and the section each must find, per language, next to mkdocs.yml
SEARCH_QUERIES_YML = PROJECT / "search_queries.yml"
SITE = "http://site.invalid/"  # a base to resolve the built pages' relative links against


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool

    @property
    def prefix(self) -> str:
        """The language's folder in the built site: "" for the default language, else "<locale>/"."""
        return "" if self.default else f"{self.locale}/"


def load_config(mkdocs_yml: Path = MKDOCS_YML) -> dict:
    """A YAML file as MkDocs reads mkdocs.yml (its !ENV tags); a YAML slip is one line (YamlSlip)."""
    return read_yaml(mkdocs_yml, get_yaml_loader()) or {}


def i18n_config(config: dict) -> dict:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise ValueError("mkdocs.yml declares no i18n plugin")


def languages(mkdocs_yml: Path = MKDOCS_YML) -> list[Language]:
    """The languages mkdocs.yml builds, default first."""
    declared = i18n_config(load_config(mkdocs_yml))["languages"]
    built = [
        Language(lang["locale"], lang["name"], bool(lang.get("default")))
        for lang in declared
        if lang.get("build", True)
    ]
    return sorted(built, key=lambda lang: not lang.default)


def source_pages(docs_dir: Path, language: Language) -> list[str]:
    """A language's Markdown pages, relative to its folder: ["faq.md", "index.md", ...]."""
    folder = docs_dir / language.locale
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


# The site's home: the guide's cover, whose nav label names its role ("Accueil") and which neither
# shows related sections nor is one.
HOME_PAGE = "index.md"


def page_url(page: str) -> str:
    """The site-relative URL of a page's source path, as MkDocs' directory URLs make it."""
    stem = page[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def language_of(path: str, languages: list[Language]) -> Language:
    """Which language's part of the site a site-root path ("es/faq/#refund") belongs to."""
    for language in languages:
        if language.prefix and path.startswith(language.prefix):
            return language
    return next(language for language in languages if language.default)


def site_path(language: Language, page: str) -> str:
    """A language's page as a path from the site root: "es/faq/", "" for the default home."""
    return f"{language.prefix}{page_url(page)}"


def internal_target(page_url: str, href: str) -> tuple[str, str] | None:
    """A link on the page at page_url as (site-root path, fragment), or None if it leaves the site."""
    target = urlsplit(urljoin(SITE + page_url, href))
    if f"{target.scheme}://{target.netloc}/" != SITE:
        return None
    return target.path.lstrip("/"), target.fragment


def built_file(site_dir: Path, path: str) -> Path:
    """The built file a site-root path is served from ("es/faq/" -> es/faq/index.html)."""
    return site_dir / (path + "index.html" if path == "" or path.endswith("/") else path)


def linked_file(site_dir: Path, page_url: str, href: str) -> Path | None:
    """The built file a link of the page at page_url leads to, or None if it leaves the site."""
    found = internal_target(page_url, href)
    return None if found is None else built_file(site_dir, found[0])


def built_page(site_dir: Path, language: Language, page: str) -> Path:
    """Where the built HTML of a language's page lands."""
    return site_dir / f"{site_path(language, page)}index.html"


# MkDocs writes each record of its log as "LEVEL   -  message", a message's further lines
# indented; it ends a failed build with "Aborted with …".
LOGGED = re.compile(r"^(?P<level>[A-Z]+) +-  (?P<message>.*)$")
# An editor's slip names a page's file and line (overrides/hooks/project.py, link_lines.py).
SLIP = re.compile(r"^docs/\S+?\.md(?::\d+){0,2}: ")


@dataclass
class BuildResult:
    returncode: int
    log: str

    @property
    def problems(self) -> list[str]:
        """Each warning and error of the log as the build writes it, less its level, and the
        line that ends a failed build ("Aborted with 3 warnings in strict mode!")."""
        found, ending, level = [], [], None
        for line in self.log.splitlines():  # stdout (the ending) came first, then stderr
            logged = LOGGED.match(line)
            if logged:
                level = logged.group("level")
                if level in ("WARNING", "ERROR", "CRITICAL"):
                    found.append(logged.group("message"))
            elif line.startswith(" ") and level in ("WARNING", "ERROR", "CRITICAL") and found:
                found[-1] += "\n" + line.strip()
            elif line.startswith("Aborted"):
                ending.append(line)
        return found + ending

    @property
    def slips(self) -> list[str]:
        """The editor's slips among the problems: "docs/<locale>/<page>.md:<line>: …", one each."""
        return [problem for problem in self.problems if SLIP.match(problem)]

    def failure(self) -> str:
        """Why the build failed, for an editor: its problems, or the whole log when it names none
        (a crash)."""
        return "\n".join(self.problems) or self.log.strip()


# The test suite's faster builds (checks/builder.py), set by tests/conftest.py; None: a new
# Python process for each build, as the editors' commands do.
BUILDER = None


def build_site(
    project_dir: Path, site_dir: Path, strict: bool = True, site_url: str | None = None
) -> BuildResult:
    """Run `mkdocs build` on a project folder in a child process and keep its log.

    site_url, when given, is passed as SITE_URL: the address the site will be served from."""
    args = ["build", "-f", str(project_dir / "mkdocs.yml"), "-d", str(site_dir)] + (["--strict"] if strict else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    if BUILDER is not None:
        returncode, stdout, stderr = BUILDER.run(args, project_dir, env)
        return BuildResult(returncode, stdout + stderr)
    done = subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project_dir, env=env, capture_output=True, text=True)
    return BuildResult(done.returncode, done.stdout + done.stderr)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def mkdocs_serve(project_dir: Path, log_file: Path, timeout: float = 60) -> Iterator[str]:
    """Run `mkdocs serve` on a project folder, as an editor does; yields its URL once it answers.

    Its terminal output goes to log_file, for the tests' messages."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with open(log_file, "w", encoding="utf-8") as log:
        server = subprocess.Popen(command, cwd=project_dir, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"mkdocs serve stopped:\n{log_file.read_text(encoding='utf-8')}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve did not answer in {timeout} s at {url}")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                time.sleep(0.2)  # not answering yet: poll again
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@lru_cache(maxsize=512)
def _parse(path: Path, mtime_ns: int) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def soup(path: Path) -> BeautifulSoup:
    """The parsed HTML of a built file, cached until the file changes. Callers must not mutate it."""
    return _parse(path, path.stat().st_mtime_ns)


# Material writes its two sidebars, the site's whole nav then the page's table of contents, just
# before the content. MkDocs makes them from mkdocs.yml's `nav:` and the page's own headings; the
# nav is the only part of a page that grows with the site (a link to every page, on every page).
SIDEBAR = '<div class="md-sidebar '
CONTENT = '<div class="md-content"'


def soup_without_sidebars(path: Path) -> BeautifulSoup:
    """The parsed HTML of a built page less its sidebars: the head, the header (its language
    switcher), the article and the footer, at a cost that does not grow with the site. A page
    without sidebars comes whole. Not cached: callers keep what they read of it."""
    html = path.read_text(encoding="utf-8")
    start = html.find(SIDEBAR)
    if start != -1:
        end = html.find(CONTENT, start)
        # Whole elements only: a cut that ends inside one would take part of the page with it.
        if end == -1 or html.count("<div", start, end) != html.count("</div>", start, end):
            raise ValueError(
                f"{path}: the sidebars ({SIDEBAR}...) do not end where the content ({CONTENT}) "
                "begins: has Material's page layout changed?"
            )
        html = html[:start] + html[end:]
    return BeautifulSoup(html, "html.parser")


def copy_project(dest: Path) -> Path:
    """Copy what `mkdocs build`, the editors' commands and the checks read of a project
    (mkdocs.yml, search_words.yml, search_queries.yml, docs/, overrides/, translations/ and
    provenance/) into dest, to be edited."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(MKDOCS_YML, dest / "mkdocs.yml")
    for beside in (SEARCH_WORDS_YML, SEARCH_QUERIES_YML):
        shutil.copy2(beside, dest / beside.name)
    for folder in ("docs", "overrides", "translations", "provenance"):
        shutil.copytree(PROJECT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def add_language(project: Path, locale: str, copy_of: Language) -> None:
    """Give a copy of the project another language: copy_of's pages and settings under a new
    locale (its text stays in copy_of's language), its search words included. The
    language-generic checks run on it, to prove that a third language needs no change anywhere."""
    shutil.copytree(project / "docs" / copy_of.locale, project / "docs" / locale)
    words = project / SEARCH_WORDS_YML.name
    entries = load_config(words)
    words.write_text(
        words.read_text(encoding="utf-8")
        + yaml.safe_dump({locale: entries[copy_of.locale]}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    yml = project / "mkdocs.yml"
    declared = i18n_config(load_config(yml))["languages"]
    entry = dict(next(lang for lang in declared if lang["locale"] == copy_of.locale))
    entry.update(locale=locale, name=f"Language {locale}", default=False)
    entry["extra"] = {**entry.get("extra", {}), "og_locale": f"{locale}_{locale.upper()}"}
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False).splitlines()
    lines = yml.read_text(encoding="utf-8").splitlines()
    start = lines.index("      languages:")
    end = next(
        n for n in range(start + 1, len(lines))
        if lines[n].strip() and len(lines[n]) - len(lines[n].lstrip()) <= 6
    )
    lines[end:end] = ["        " + line for line in block]
    yml.write_text("\n".join(lines) + "\n", encoding="utf-8")


def nav_pages(mkdocs_yml: Path = MKDOCS_YML) -> list[str]:
    """The pages of `nav:` in reading order (file names, whatever the labels)."""

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            yield from walk(value) if isinstance(value, list) else [value]

    return list(walk(load_config(mkdocs_yml).get("nav", [])))


def heading_ids(path: Path) -> list[str]:
    """The ids of a built page's article headings, in order: the anchors a reader can land on."""
    article = soup(path).find("article")
    if article is None:
        return []
    return [h["id"] for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]) if h.get("id")]
