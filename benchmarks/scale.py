"""Generate synthetic bilingual sites of N pages per language from the real pages, build each with
the real configuration and hooks, and print per size: build time, site size, search index size
and parity-check time, in total and per page, to show how the cost grows with the page count.

    python -m benchmarks.scale [--sizes 10 100 500] [--keep DIR]

Page k of a synthetic site is real page k mod P (P real pages, in nav order), in every language:
the same headings and ids everywhere, links rewritten to the synthetic pages; the first P the
real pages, the later copies of distinct text (benchmarks/distinct_text.py: their words replaced by
invented words of each language, numbers and names kept), so that the vocabulary and the search
index grow as a real guide's would. A section pending a translation (translations/pending.yml) is left out in every language,
with the links to it and the search synonyms only it used: the real pages differ there on purpose,
for a while, and a synthetic site has no pending entries to excuse it. The parity check is
commands.status's comparison over the built site (without a second build). Exits 1 if a build
fails or the parity check finds a difference.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import pstats
import re
import shutil
import sys
import tempfile
import time
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from benchmarks.distinct_text import Replacer
from checks.freshness import (
    all_states,
    confirmed,
    freshness_problems,
    load_lock,
    load_pending,
    project_files,
    save_lock,
)
from checks.markdown_sections import cut, section_lines, sub_section_ids
from checks.search import folded_words
from checks.yaml_files import read_yaml
from checks.parity import detect_language, page_report, page_set_problems
from checks.site import ROOT, build_site, languages, load_config, nav_pages, source_pages
from checks.table import format_table

# A relative Markdown link to a page of the guide: [text](page.md#fragment).
LINK = re.compile(r"\[([^\]]*)\]\(([\w-]+)\.md(#[\w-]+)?\)")
# A Markdown link to a section of its own page: [text](#fragment).
OWN_PAGE_LINK = re.compile(r"\[([^\]]*)\]\(#([\w-]+)\)")


def synthetic_name(real_page: str, cycle: int) -> str:
    """The first copy of a real page keeps its name (index.md, faq.md: the home and the FAQ
    checks still apply), later ones are numbered: negotiate-002.md."""
    return real_page if cycle == 0 else f"{real_page[: -len('.md')]}-{cycle + 1:03d}.md"


def plan(real_pages: list[str], size: int) -> list[tuple[str, str, int]]:
    """(synthetic page, real page it copies, cycle) for the `size` pages of a language."""
    cycles = [(real_pages[k % len(real_pages)], k // len(real_pages)) for k in range(size)]
    return [(synthetic_name(source, cycle), source, cycle) for source, cycle in cycles]


def rewrite_links(
    markdown: str, cycle: int, existing: set[str], page: str = "", left_out: frozenset[tuple[str, str]] = frozenset()
) -> str:
    """Point each link to a real page at its copy in the same cycle, else at the first copy;
    a link to a page the synthetic site lacks, or to a section left out (left_out: (real page,
    id); page: the real page the Markdown is of), becomes its plain text."""

    def replace(match: re.Match) -> str:
        text, target, fragment = match.group(1), match.group(2) + ".md", match.group(3) or ""
        if (target, fragment[1:]) in left_out:
            return text
        for candidate in (synthetic_name(target, cycle), target):
            if candidate in existing:
                return f"[{text}]({candidate}{fragment})"
        return text

    def on_own_page(match: re.Match) -> str:
        return match.group(1) if (page, match.group(2)) in left_out else match.group(0)

    return OWN_PAGE_LINK.sub(on_own_page, LINK.sub(replace, markdown))


def pending_sections(project: Path) -> set[tuple[str, str]]:
    """(page, id) of each section pending a translation in some language (not a title or a
    description: those change no structure)."""
    _, pending_file = project_files(project)
    return {(p.page, p.section) for p in load_pending(pending_file) if not p.section.startswith(":")}


def without_sections(markdown: str, ids: set[str]) -> str:
    """The page's Markdown less the sections with these ids (each with its sub-sections)."""
    lines = markdown.split("\n")
    for section in ids:
        span = section_lines(lines, section)
        if span:
            lines, _ = cut(lines, *span)
    return "\n".join(lines)


def used_words(markdown_pages: list[str]) -> str:
    """The words of pages' Markdown as search folds them, front matter and link targets left
    out, each preceded by a space: " word word ..."."""
    bodies = [text[m.end() if (m := YAML_RE.match(text)) else 0 :] for text in markdown_pages]
    bodies = [re.sub(r"\]\([^)]*\)", "]", body) for body in bodies]
    return " " + " ".join(folded_words(" ".join(bodies)))


def unused_after(synonyms: list[list[str]], whole: list[str], kept: list[str]) -> list[list[str]]:
    """The synonym groups a language's pages use (a word of the group starts a word of them),
    and no longer use once sections are left out (whole: the pages' Markdown; kept: less them)."""
    used = lambda group, text: any(" " + " ".join(folded_words(word)) in text for word in group)  # noqa: E731
    before, after = used_words(whole), used_words(kept)
    return [group for group in synonyms if used(group, before) and not used(group, after)]


def left_out_sections(docs: Path, langs, pages: list[str], pending: set[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """(page, id) of what a synthetic site leaves out: each pending section, in whichever
    language it stands, with its sub-sections."""
    found = set(pending)
    for page, section in pending:
        for lang in langs:
            path = docs / lang.locale / page
            if page in pages and path.is_file():
                lines = path.read_text(encoding="utf-8").split("\n")
                found |= {(page, sub) for sub in sub_section_ids(lines, section)}
    return frozenset(found)


def retitle(markdown: str, cycle: int) -> str:
    """Number the front matter title of later copies: "Remises et frais (2)"."""
    if cycle == 0:
        return markdown
    return re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} ({cycle + 1})", markdown, count=1, flags=re.M)


def generate(dest: Path, size: int, sections: int = 0, project: Path = ROOT) -> Path:
    """A synthetic project of `size` pages per language in dest, from the project's pages,
    configuration (nav replaced) and overrides/ (hooks included). Returns dest.

    The nav is flat, like the real one; with sections=K it is cut into sections of K pages
    (labelled by page numbers, in no language) and Material's navigation.prune is turned on, so
    a page carries its own section's links rather than every page's."""
    langs = languages(project / "mkdocs.yml")
    docs = project / "docs"
    real = [page for page in nav_pages(project / "mkdocs.yml") if page in source_pages(docs, langs[0])]
    real += [page for page in source_pages(docs, langs[0]) if page not in real]
    pages = plan(real, size)
    existing = {name for name, _, _ in pages}
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(project / "overrides", dest / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    # The glossary, without the real pages' lock and pending entries: measure() locks the build.
    (dest / "translations").mkdir()
    shutil.copy2(project / "translations" / "glossary.yml", dest / "translations" / "glossary.yml")
    # Whatever the docs hold besides the pages (images, ...), so that pages referring to it build.
    shutil.copytree(docs, dest / "docs", ignore=shutil.ignore_patterns("*.md", "__pycache__"))
    left_out = left_out_sections(docs, langs, real, pending_sections(project))
    texts: dict[str, tuple[list[str], list[str]]] = {}  # locale: (its pages' Markdown, less what is left out)
    for lang in langs:
        whole, kept = texts.setdefault(lang.locale, ([], []))
        real_text = " ".join((docs / lang.locale / page).read_text(encoding="utf-8") for page in real)
        distinct = Replacer(real_text, size / len(real), seed=f"{lang.locale}-{size}")
        for name, source, cycle in pages:
            text = (docs / lang.locale / source).read_text(encoding="utf-8")
            whole.append(text)
            text = without_sections(text, {section for page, section in left_out if page == source})
            kept.append(text)
            text = rewrite_links(distinct.markdown(text, cycle), cycle, existing, source, left_out)
            (dest / "docs" / lang.locale / name).write_text(retitle(text, cycle), encoding="utf-8")
    # The search words (question words, synonyms) the build folds into each index, less the
    # synonym groups only the sections left out used (the build stops on a group no page uses).
    words = read_yaml(project / "search_words.yml") or {}
    dropped = {locale: unused_after(words.get(locale, {}).get("synonyms", []), *found) for locale, found in texts.items()}
    if any(dropped.values()):
        for locale, groups in dropped.items():
            words[locale]["synonyms"] = [group for group in words[locale]["synonyms"] if group not in groups]
        with open(dest / "search_words.yml", "w", encoding="utf-8") as f:
            yaml.safe_dump(words, f, allow_unicode=True, sort_keys=False, width=100)
    else:
        shutil.copy2(project / "search_words.yml", dest / "search_words.yml")
    config = load_config(project / "mkdocs.yml")
    config["nav"] = names = [name for name, _, _ in pages]
    if sections:
        parts = [names[n : n + sections] for n in range(0, size, sections)]
        config["nav"] = [{f"{n * sections + 1}-{n * sections + len(part)}": part} for n, part in enumerate(parts)]
        config["theme"]["features"] = sorted({*config["theme"].get("features", []), "navigation.prune"})
    with open(dest / "mkdocs.yml", "w", encoding="utf-8") as f:
        yaml.safe_dump(config, f, allow_unicode=True, sort_keys=False, width=100)
    return dest


def parity_problems(project: Path, site_dir: Path) -> list[str]:
    """What `python -m commands.status` finds, on an already built site: the page sets,
    then every check of every page of every language (checks.parity.page_report)."""
    langs = languages(project / "mkdocs.yml")
    docs = project / "docs"
    problems = [p for lang in langs for p in page_set_problems(docs, langs[0], lang)]
    for lang in langs:
        for page in source_pages(docs, lang):
            problems += [p for found in page_report(site_dir, langs, lang, page).values() for p in found]
    return problems


@dataclass
class Measure:
    size: int  # pages per language
    pages: int  # pages in all languages
    build_s: float = 0.0
    site_bytes: int = 0
    site_files: int = 0
    indexes: dict[str, tuple[int, int]] = field(default_factory=dict)  # path: (raw, gzip) bytes
    parity_s: float = 0.0
    parity_cpu_s: float = 0.0  # the same in CPU time: what the machine's load disturbs less
    freshness_s: float = 0.0  # the freshness check against the lock (taken untimed from the build)
    problems: list[str] = field(default_factory=list)
    profile: list[str] = field(default_factory=list)  # where the parity check spends its time

    @property
    def index_raw(self) -> int:
        return sum(raw for raw, _ in self.indexes.values())

    @property
    def index_gzip(self) -> int:
        return sum(packed for _, packed in self.indexes.values())


def parity_profile(stats: pstats.Stats) -> list[str]:
    """The parity check's own functions, and the HTML parsing, with calls and cumulative time
    (nested: a check's time includes the parsing it causes)."""
    ours = [
        (cumulative, calls, name)
        for (path, _, name), (_, calls, _, cumulative, _) in stats.stats.items()
        if path.endswith(("checks/parity.py", "checks/site.py")) and not name.startswith("<")
    ] + [
        (cumulative, calls, "BeautifulSoup(...) parse")
        for (path, _, name), (_, calls, _, cumulative, _) in stats.stats.items()
        if path.endswith("bs4/__init__.py") and name == "__init__"
    ]
    top = sorted(ours, reverse=True)[:12]
    return [f"{cumulative:8.1f} s  {calls:7d} calls  {name}" for cumulative, calls, name in top]


def measure(project: Path, site_dir: Path, profile: bool = False) -> Measure:
    """Build a project (strict), then measure its site and time the parity check (under cProfile
    if asked: slower, but it says where the time goes)."""
    langs = languages(project / "mkdocs.yml")
    size = len(source_pages(project / "docs", langs[0]))
    result = Measure(size, sum(len(source_pages(project / "docs", lang)) for lang in langs))
    started = time.perf_counter()
    build = build_site(project, site_dir)
    result.build_s = time.perf_counter() - started
    if build.returncode != 0:
        result.problems = [f"mkdocs build --strict failed:\n{build.log.strip()}"]
        return result
    files = [path for path in site_dir.rglob("*") if path.is_file()]
    result.site_files, result.site_bytes = len(files), sum(path.stat().st_size for path in files)
    for index in sorted(site_dir.rglob("search_index.json")):
        raw = index.read_bytes()
        result.indexes[index.relative_to(site_dir).as_posix()] = (len(raw), len(gzip.compress(raw, 6)))
    # Load the language model first: a one-off cost that would land on the first size only.
    detect_language("un texte assez long pour charger le modèle de langue", [lang.locale for lang in langs])
    profiler = cProfile.Profile() if profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    result.problems = parity_problems(project, site_dir)
    if profiler:
        profiler.disable()
        result.profile = parity_profile(pstats.Stats(profiler))
    result.parity_s = time.perf_counter() - started
    result.parity_cpu_s = time.process_time() - cpu_started
    result.problems += freshness_problems_timed(project, site_dir, result)
    return result


def freshness_problems_timed(project: Path, site_dir: Path, result: Measure) -> list[str]:
    """Lock the synthetic site as built (untimed: `python -m commands.confirm`'s work), then time
    what the tests and the status command check against the lock, every section of every page."""
    langs = languages(project / "mkdocs.yml")
    pages = source_pages(project / "docs", langs[0])
    lock_file, pending_file = project_files(project)
    save_lock(confirmed({}, all_states(site_dir, langs, pages, {}), date.today()), lock_file)
    started = time.perf_counter()
    states = all_states(site_dir, langs, pages, load_lock(lock_file))
    problems = freshness_problems(states, load_pending(pending_file), date.today(), 30)
    result.freshness_s = time.perf_counter() - started
    return problems


def table(measures: list[Measure]) -> str:
    header = [
        "pages/lang", "pages", "build s", "ms/page", "site MB", "files", "KB/page",
        "index KB", "B/page", "gzip KB", "B/page", "parity s", "ms/page", "cpu ms/page",
        "fresh s", "ms/page",
    ]  # fmt: skip
    rows = [header] + [
        [
            str(m.size), str(m.pages), f"{m.build_s:.1f}", f"{1000 * m.build_s / m.pages:.0f}",
            f"{m.site_bytes / 1e6:.1f}", str(m.site_files), f"{m.site_bytes / 1e3 / m.pages:.1f}",
            f"{m.index_raw / 1e3:.1f}", f"{m.index_raw / m.pages:.0f}",
            f"{m.index_gzip / 1e3:.1f}", f"{m.index_gzip / m.pages:.0f}",
            f"{m.parity_s:.1f}", f"{1000 * m.parity_s / m.pages:.1f}", f"{1000 * m.parity_cpu_s / m.pages:.1f}",
            f"{m.freshness_s:.1f}", f"{1000 * m.freshness_s / m.pages:.1f}",
        ]  # fmt: skip
        for m in measures
    ]
    return format_table(header, rows[1:], align="r" * len(header))


def growth(measures: list[Measure]) -> list[str]:
    """The marginal cost of each added page between successive sizes: flat when linear."""
    lines = []
    for small, big in zip(measures, measures[1:]):
        added = big.pages - small.pages
        if added <= 0:
            continue
        lines.append(
            f"{small.size} -> {big.size} pages/lang: each added page costs "
            f"{1000 * (big.build_s - small.build_s) / added:.0f} ms of build, "
            f"{(big.site_bytes - small.site_bytes) / 1e3 / added:.1f} KB of site, "
            f"{(big.index_raw - small.index_raw) / added:.0f} B of search index, "
            f"{1000 * (big.parity_s - small.parity_s) / added:.0f} ms of parity check"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[10, 100, 500], metavar="N",
        help="pages per language (default: 10 100 500)",
    )  # fmt: skip
    parser.add_argument("--keep", type=Path, metavar="DIR", help="generate into this folder and keep the projects")
    parser.add_argument("--profile", action="store_true", help="say where the parity check spends its time")
    parser.add_argument(
        "--pruned-sections", type=int, default=0, metavar="K",
        help="cut the generated nav into sections of K pages and turn on navigation.prune "
        "(default: a flat nav, as in mkdocs.yml)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if min(args.sizes) < 1:
        parser.error("--sizes must be at least 1")
    measures = []
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch)
        for size in sorted(args.sizes):
            project = generate(root / f"pages-{size}" / "project", size, sections=args.pruned_sections)
            print(f"{size} pages per language: building...", file=sys.stderr)
            measured = measure(project, root / f"pages-{size}" / "site", profile=args.profile)
            print(
                f"{size} pages per language: build {measured.build_s:.1f} s, parity {measured.parity_s:.1f} s, "
                f"{len(measured.problems)} problems",
                file=sys.stderr,
            )
            measures.append(measured)
    print(table(measures))
    print(
        "\nPer page = divided by the pages of all languages. Build: `mkdocs build --strict` in a child "
        "process, start-up included.\nIndex: every search_index.json, raw then gzipped (the copies "
        "of the real pages are of distinct text: gzip folds nothing).\nParity: wall time, then CPU "
        "time (cpu ms/page; the check runs in one thread): a busy machine slows the first far more."
    )
    if args.pruned_sections:
        print(f"Nav: sections of {args.pruned_sections} pages, navigation.prune on.")
    else:
        print("Nav: flat, as in mkdocs.yml.")
    indexes = sorted({path for m in measures for path in m.indexes})
    print(f"Search indexes found: {', '.join(indexes) or 'none'}.")
    lines = growth(measures)
    if lines:
        print("\n" + "\n".join(lines))
    for m in measures:
        if m.profile:
            print(f"\nParity check at {m.size} pages per language, under cProfile (cumulative, nested):")
            print("\n".join(m.profile))
    failed = [m for m in measures if m.problems]
    for m in failed:
        shown = m.problems[:10] + ([f"... and {len(m.problems) - 10} more"] if len(m.problems) > 10 else [])
        print(f"\n{m.size} pages per language: {len(m.problems)} problems:\n" + "\n".join(shown))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
