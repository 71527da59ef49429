"""The freshness lock and the facts check catch each way a translation drifts, naming the
language, the page, the section and what changed, on a copy drifted on purpose
(tests/broken_copy.py: drifted_copy); and the editor's two ways out pass: carry the change into
every language and confirm, or mark the lagging language pending."""

from datetime import date, timedelta

import pytest

from checks.facts import fact_problems
from checks.fidelity import SOURCE_DIR, fidelity_problems, located_blocks
from checks.freshness import (
    edited_sections,
    freshness_problems,
    load_lock,
    load_pending,
    project_files,
    section_states,
)
from checks.site import copy_project, nav_pages
from commands import confirm, pending, status

from .broken_copy import edit
from .params import LANGUAGES, REFERENCE, TRANSLATIONS
from .test_fidelity import LEFTOVERS

def problems(drifted, page):
    lock_file, pending_file = project_files(drifted.project)
    states = section_states(drifted.site, LANGUAGES, page, load_lock(lock_file))
    return freshness_problems(states, load_pending(pending_file), date.today(), 30)


def behind(drifted, page, section, lagging, changed) -> str:
    """The one problem of a section, checked to name who lags, who changed, and the fix."""
    found = [p for p in problems(drifted, page) if f"{page}#{section}:" in p]
    assert len(found) == 1, found
    assert found[0].startswith(f"[{lagging.locale}] {page}#{section}: behind {changed.locale}, "), found[0]
    assert "python -m commands.confirm" in found[0] and "python -m commands.pending" in found[0], found[0]
    return found[0]


def test_a_number_changed_in_the_reference_leaves_the_translation_behind_with_the_diff(drifted):
    message = behind(drifted, "faq.md", "new-customer-wait", TRANSLATIONS[-1], REFERENCE)
    assert "[-30-] {+60+}" in message, message


def test_a_number_changed_in_one_language_differs_from_its_counterpart_without_any_lock(drifted):
    assert fact_problems(drifted.site, LANGUAGES, REFERENCE, TRANSLATIONS[-1], "faq.md") == [
        f"[{TRANSLATIONS[-1].locale}] faq.md#new-customer-wait paragraph 1: numbers ['30'] where {REFERENCE.locale} has ['60']"
    ]


def test_a_sentence_added_to_the_translation_leaves_the_reference_behind(drifted):
    message = behind(drifted, "negotiate.md", "fee-waivers", REFERENCE, TRANSLATIONS[-1])
    assert "{+" in message and "[-" not in message, message


def test_two_answers_swapped_under_each_others_questions_are_both_named(drifted):
    for section in ("cancellation-fee", "billing-in-advance"):
        behind(drifted, "faq.md", section, REFERENCE, TRANSLATIONS[-1])


def test_a_rewritten_paragraph_leaves_the_other_language_behind(drifted):
    behind(drifted, "final-thoughts.md", "final-thoughts", TRANSLATIONS[-1], REFERENCE)


def test_a_retargeted_link_is_caught_by_the_lock_and_by_the_facts(drifted):
    message = behind(drifted, "index.md", "in-this-guide", REFERENCE, TRANSLATIONS[-1])
    assert "[-/negotiate/#bill-discounts]-]" in message and "{+/negotiate/#fee-waivers]+}" in message, message
    facts = fact_problems(drifted.site, LANGUAGES, REFERENCE, TRANSLATIONS[-1], "index.md")
    assert len(facts) == 1 and "link targets ['/negotiate/#fee-waivers']" in facts[0], facts


def test_two_reordered_paragraphs_leave_the_other_language_behind(drifted):
    behind(drifted, "billing-vs-retention.md", "billing-vs-retention", REFERENCE, TRANSLATIONS[-1])


def test_nothing_else_drifted(drifted):
    """Each fault is named once, and nowhere else: 7 sections."""
    pages = ["faq.md", "negotiate.md", "final-thoughts.md", "index.md", "billing-vs-retention.md"]
    named = [p for page in pages for p in problems(drifted, page)]
    assert len(named) == 7, "\n".join(named)


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_a_rewrite_carried_into_every_language_fails_until_confirmed_then_passes_everything(project, tmp_path, capsys):
    """Fidelity to the imported articles included: a section edited on purpose and confirmed is
    no longer held to them."""
    for lang in LANGUAGES:  # the answer rewritten (its words in another order), in every language
        edit(project / "docs" / lang.locale / "faq.md", r"(\{#new-customer-wait\}\n\n)([^\n]+)",
             lambda m: m[1] + " ".join(reversed(m[2].split())), regex=True, count=1)
    assert status.main(["--project", str(project)]) == 1
    assert "faq.md#new-customer-wait: changed in every language, not confirmed" in capsys.readouterr().out
    assert confirm.main(["--project", str(project)]) == 0
    lock = load_lock(project_files(project)[0])
    assert lock["faq.md"]["new-customer-wait"]["confirmed"] == date.today().isoformat(), lock["faq.md"]
    _, cells, details = status.status(project, tmp_path / "site")
    assert details == [] and set(cells.values()) == {"ok"}, details
    for lang in LANGUAGES:
        located = located_blocks(tmp_path / "site", lang, nav_pages())
        texts, where = [text for _, text in located], [place for place, _ in located]
        source = SOURCE_DIR / f"guide.{lang.locale}.txt"
        assert fidelity_problems(source, texts, LEFTOVERS, lang.locale, where, edited_sections(lock)) == []
        assert fidelity_problems(source, texts, LEFTOVERS, lang.locale), f"[{lang.locale}] the rewrite went unseen"


def test_a_pending_section_passes_until_its_time_limit(project, tmp_path, capsys):
    edit(project / "docs" / REFERENCE.locale / "faq.md", r"(\{#new-customer-wait\}\n\n[^\n]*?)30", r"\g<1>60", regex=True, count=1)
    section = "faq.md#new-customer-wait"
    assert pending.main([section, TRANSLATIONS[-1].locale, "--reason", "translator away", "--project", str(project)]) == 0
    _, cells, details = status.status(project, tmp_path / "site")
    assert details == [] and cells[TRANSLATIONS[-1].locale, "faq.md"] == "pending: #new-customer-wait (30 days left)", cells
    later = date.today() + timedelta(days=31)
    _, _, details = status.status(project, tmp_path / "site", today=later)
    assert details == [
        f"[{TRANSLATIONS[-1].locale}] {section}: pending since {date.today()} (31 days, the limit is 30): translator away. Carry it over, then `python -m commands.confirm`"
    ], details


def test_pending_refuses_a_section_that_is_not_behind(project, capsys):
    assert pending.main(["faq.md#refund", TRANSLATIONS[-1].locale, "--reason", "x", "--project", str(project)]) == 2
    assert "is not behind" in capsys.readouterr().out
