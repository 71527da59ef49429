"""Broken copies, to prove the checks fail: `edit`, the one way the tests break a file, and
`broken_copy`, the project with one fault on each page of the last translation, to prove that
the parity checks and the status command catch each, naming it."""

import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from checks.site import build_site, copy_project

from .params import REFERENCE, TRANSLATIONS


def edit(path: Path, old: str, new: str, *, regex: bool = False, count: int = 0) -> None:
    """Replace old (a literal, or a pattern with regex=True) by new in a file, every occurrence
    unless count says how many. A broken copy that breaks nothing proves nothing: raises
    ValueError when nothing matches."""
    text = path.read_text(encoding="utf-8")
    pattern, replacement = (old, new) if regex else (re.escape(old), lambda match: new)
    changed, done = re.subn(pattern, replacement, text, count=count)
    if not done:
        raise ValueError(f"{path}: nothing matches {old!r}: has the file changed?")
    path.write_text(changed, encoding="utf-8")


def built_copy(root: Path, make: Callable[[Path], Path], strict: bool = True) -> SimpleNamespace:
    """A copy of the project made by make(root / "project"), built into root / "site":
    .project and .site. Raises with the build's log when it does not build."""
    project = make(root / "project")
    result = build_site(project, root / "site", strict=strict)
    if result.returncode != 0:
        raise RuntimeError(f"{make.__name__}: the copy does not build:\n{result.log}")
    return SimpleNamespace(project=project, site=root / "site")


def first_paragraph(markdown: str) -> str:
    """The first plain paragraph after the front matter and the title."""
    body = markdown.split("\n---\n", 1)[1]
    return next(block for block in body.split("\n\n") if block.strip() and block[0].isalpha())


def description(markdown: str) -> str:
    return re.search(r"^description: >-\n((?:  .*\n)+)", markdown, re.M).group(1)


def broken_copy(dest: Path) -> Path:
    """Copy the project into dest and break one page of the last translation per fault."""
    project = copy_project(dest)
    broken = TRANSLATIONS[-1]
    docs, ref = project / "docs" / broken.locale, project / "docs" / REFERENCE.locale

    # A question missing: the billing-in-advance heading and its answer removed.
    edit(docs / "faq.md", r"## [^\n]*\{#billing-in-advance\}\n\n[^\n]*\n\n", "", regex=True)
    # An extra section.
    edit(docs / "negotiate.md", r"\Z", "\n## Extra {#extra-section}\n\nTexto.\n", regex=True)
    # A paragraph left in the reference language, and its description too.
    ours = (docs / "final-thoughts.md").read_text(encoding="utf-8")
    theirs = (ref / "final-thoughts.md").read_text(encoding="utf-8")
    edit(docs / "final-thoughts.md", first_paragraph(ours), first_paragraph(theirs))
    edit(docs / "final-thoughts.md", description(ours), description(theirs))
    # A changed id.
    edit(docs / "retention-department.md", "{#what-retention-does}", "{#what-it-does}")
    # A broken anchor, and a link that leaves the language.
    edit(docs / "index.md", "#fee-waivers)", "#fee-waiver)")
    to_reference_faq = "../" * broken.prefix.count("/") + REFERENCE.prefix + "faq/"
    edit(docs / "index.md", r"\Z", f'\n<a href="{to_reference_faq}">x</a>\n', regex=True)
    # A dropped paragraph: the second one of the skip-billing section.
    edit(
        docs / "billing-vs-retention.md",
        r"(\{#skip-billing\}\n\n[^\n]*\n\n)[^\n]*\n\n",
        r"\1",
        regex=True,
    )
    return project


def drifted_copy(dest: Path) -> Path:
    """Copy the project and let translations drift, each fault in its own section, some in the
    reference language and some in the last translation (the lock is two-way)."""
    project = copy_project(dest)
    ref, other = project / "docs" / REFERENCE.locale, project / "docs" / TRANSLATIONS[-1].locale
    # A number changed in the reference: 30 days become 60.
    edit(ref / "faq.md", r"(\{#new-customer-wait\}\n\n[^\n]*?)(\d+)", lambda m: f"{m[1]}{int(m[2]) + 30}", regex=True, count=1)
    # A sentence added to a paragraph of the translation (the one it has, again).
    edit(other / "negotiate.md", r"\{#fee-waivers\}\n\n([^\n]+)", lambda m: f"{m[0]} {m[1]}", regex=True, count=1)
    # Two answers of the translation's FAQ swapped under each other's questions.
    faq = (other / "faq.md").read_text(encoding="utf-8")
    first, second = (re.search(rf"\{{#{q}\}}\n\n([^\n]+)", faq)[1] for q in ("cancellation-fee", "billing-in-advance"))
    edit(other / "faq.md", first, "\0")
    edit(other / "faq.md", second, first)
    edit(other / "faq.md", "\0", second)
    # A paragraph of the reference rewritten: its words in another order.
    edit(ref / "final-thoughts.md", r"(\{#final-thoughts\}\n\n)([^\n]+)", lambda m: m[1] + " ".join(reversed(m[2].split())), regex=True, count=1)
    # A link of the translation retargeted to another section of the same page.
    edit(other / "index.md", "(negotiate.md#bill-discounts)", "(negotiate.md#fee-waivers)")
    # Two paragraphs of a section of the translation in the other order.
    edit(other / "billing-vs-retention.md", r"(\{#billing-vs-retention\}\n\n)([^\n]+)\n\n([^\n]+)\n\n", r"\1\3\n\n\2\n\n", regex=True, count=1)
    return project
