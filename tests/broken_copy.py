"""A copy of the project with one fault on each page of a translation (BROKEN), to prove that
the parity checks and the status command catch each, naming it."""

import re

from checks.site import copy_project

from .params import REFERENCE, TRANSLATIONS

BROKEN = TRANSLATIONS[-1]


def first_paragraph(markdown: str) -> str:
    """The first plain paragraph after the front matter and the title."""
    body = markdown.split("\n---\n", 1)[1]
    return next(block for block in body.split("\n\n") if block.strip() and block[0].isalpha())


def description(markdown: str) -> str:
    return re.search(r"^description: >-\n((?:  .*\n)+)", markdown, re.M).group(1)


def broken_copy(dest):
    """Copy the project into dest and break one page of BROKEN per fault; returns the project."""
    project = copy_project(dest)
    docs, ref = project / "docs" / BROKEN.locale, project / "docs" / REFERENCE.locale

    def edit(page, change):
        path = docs / page
        before = path.read_text(encoding="utf-8")
        after = change(before)
        if after == before:
            raise ValueError(f"the edit of {path} changed nothing: has the page changed?")
        path.write_text(after, encoding="utf-8")

    # A question missing: the billing-in-advance heading and its answer removed.
    edit("faq.md", lambda t: re.sub(r"## [^\n]*\{#billing-in-advance\}\n\n[^\n]*\n\n", "", t))
    # An extra section.
    edit("negotiate.md", lambda t: t + "\n## Extra {#extra-section}\n\nTexto.\n")
    # A paragraph left in the reference language, and its description too.
    ref_text = (ref / "final-thoughts.md").read_text(encoding="utf-8")
    edit("final-thoughts.md", lambda t: t.replace(first_paragraph(t), first_paragraph(ref_text)))
    edit("final-thoughts.md", lambda t: t.replace(description(t), description(ref_text)))
    # A changed id.
    edit("retention-department.md", lambda t: t.replace("{#what-retention-does}", "{#what-it-does}"))
    # A broken anchor, and a link that leaves the language.
    edit("index.md", lambda t: t.replace("#fee-waivers)", "#fee-waiver)"))
    to_reference_faq = "../" * BROKEN.prefix.count("/") + REFERENCE.prefix + "faq/"
    edit("index.md", lambda t: t + f'\n<a href="{to_reference_faq}">x</a>\n')
    # A dropped paragraph: the second one of the skip-billing section.
    edit("billing-vs-retention.md", lambda t: re.sub(r"(\{#skip-billing\}\n\n[^\n]*\n\n)[^\n]*\n\n", r"\1", t))
    return project
