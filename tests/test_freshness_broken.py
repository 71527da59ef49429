"""The freshness lock and the facts check catch each way a translation drifts, naming the
language, the page, the section and what changed, on a copy drifted on purpose
(tests/drifted_copy.py: each drift in a section chosen from the content); and the editor's two
ways out pass: carry the change into every language and confirm, or mark the lagging language
pending."""

import re
from datetime import date, timedelta

import pytest

from checks.facts import fact_problems
from checks.fidelity import SOURCE_DIR, fidelity_problems, located_blocks
from checks.freshness import (
    edited_sections,
    freshness_problems,
    limit_days,
    load_lock,
    load_pending,
    project_files,
    section_states,
)
from checks.site import PROJECT, copy_project, load_config, nav_pages, page_url
from commands import confirm, pending, status

from . import content
from .content import ContentLacks
from .drifted_copy import drift_plan, key, number_change, rewritable
from .params import LANGUAGES, PAGES, REFERENCE, TRANSLATIONS
from .test_fidelity import IMPORTED, LEFTOVERS

LIMIT = limit_days(load_config())
LAST = TRANSLATIONS[-1]


def problems(drifted, page):
    lock_file, pending_file = project_files(drifted.project)
    states = section_states(drifted.site, LANGUAGES, page, load_lock(lock_file))
    return freshness_problems(states, load_pending(pending_file), date.today(), LIMIT)


def behind(drifted, where, lagging, changed) -> str:
    """The one problem of a section ("page#id"), checked to name who lags, who changed, and the fix."""
    found = [p for p in problems(drifted, where.partition("#")[0]) if f"{where}:" in p]
    assert len(found) == 1, found
    assert found[0].startswith(f"[{lagging.locale}] {where}: behind {changed.locale}, "), found[0]
    assert "python -m commands.confirm" in found[0] and "python -m commands.pending" in found[0], found[0]
    return found[0]


def test_a_number_changed_in_the_reference_leaves_the_translation_behind_with_the_diff(drifted):
    number = drift_plan().number
    message = behind(drifted, number.where, LAST, REFERENCE)
    assert f"[-{number.old}-] {{+{number.new}+}}" in message, message


def test_a_number_changed_in_one_language_differs_from_its_counterpart_without_any_lock(drifted):
    number = drift_plan().number
    found = fact_problems(drifted.site, LANGUAGES, REFERENCE, LAST, number.section.page)
    there = [p for p in found if p.startswith(f"[{LAST.locale}] {number.where} paragraph ")]
    expected = f": numbers {number.before} where {REFERENCE.locale} has {number.after}"
    assert len(there) == 1 and there[0].endswith(expected), f"expected one problem ending {expected!r}: {found}"


def test_a_sentence_added_to_the_translation_leaves_the_reference_behind(drifted):
    message = behind(drifted, key(drift_plan().added), REFERENCE, LAST)
    assert "{+" in message and "[-" not in message, message


def test_two_answers_swapped_under_each_others_questions_are_both_named(drifted):
    for section in drift_plan().swapped:
        behind(drifted, key(section), REFERENCE, LAST)


def test_a_rewritten_paragraph_leaves_the_other_language_behind(drifted):
    behind(drifted, key(drift_plan().rewritten), LAST, REFERENCE)


def test_a_retargeted_link_is_caught_by_the_lock_and_by_the_facts(drifted):
    plan = drift_plan()
    link = plan.retargeted
    where = f"{link.page}#{link.section}"
    message = behind(drifted, where, REFERENCE, LAST)
    old, new = plan.retargeted_words()
    assert f"[-{old}-]" in message and f"{{+{new}+}}" in message, f"expected [-{old}-] and {{+{new}+}}: {message}"
    facts = [p for p in fact_problems(drifted.site, LANGUAGES, REFERENCE, LAST, link.page) if f"{where} paragraph " in p]
    target = f"'/{page_url(link.target)}#{plan.retarget_to}'"
    assert len(facts) == 1 and "link targets [" in facts[0] and target in facts[0], f"expected {target}: {facts}"


def test_two_reordered_paragraphs_leave_the_other_language_behind(drifted):
    behind(drifted, key(drift_plan().reordered[0]), REFERENCE, LAST)


def test_nothing_else_drifted(drifted):
    """Each drift is named once, and nothing else: as many sections as were drifted."""
    named = [p for page in PAGES for p in problems(drifted, page)]
    where = sorted(re.match(r"\[[^\]]+\] (\S+):", p)[1] for p in named)
    assert where == sorted(drift_plan().sections), "\n".join(named)


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def pending_sections() -> set[str]:
    """The sections ("page#id") pending a translation in the project: behind on purpose."""
    return {f"{p.page}#{p.section}" for p in load_pending()}


def untouched_section():
    """A section as imported (translations/lock.yml: confirmed: import), pending in no language,
    with a paragraph of plain words, eight or more, in every language: rewritten, it departs from
    provenance/."""
    lock, pending_now = load_lock(), pending_sections()
    for section in content.sections(REFERENCE):
        if str(lock.get(section.page, {}).get(section.id, {}).get("confirmed")) != "import":
            continue
        if key(section) in pending_now:
            continue
        try:
            found = [content.page(lang, section.page).section(section.id) for lang in LANGUAGES]
        except ContentLacks:
            continue
        if all(any(rewritable(p) and len(p.words) >= 8 for p in s.paragraphs) for s in found):
            return section
    raise ContentLacks("no section untouched since the import (confirmed: import in translations/lock.yml) "
                       "with a paragraph of eight plain words or more in every language")


def fidelity(site, language, lock, excused: bool) -> set[str]:
    """The fidelity problems of a built site in a language; with excused, those of the sections
    the lock says were edited since the import left out."""
    located = located_blocks(site, language, nav_pages())
    texts, places = [text for _, text in located], [place for place, _ in located]
    source = SOURCE_DIR / f"guide.{language.locale}.txt"
    edited = edited_sections(lock) if excused else frozenset()
    return set(fidelity_problems(source, texts, LEFTOVERS, language.locale, places, edited))


def test_a_rewrite_carried_into_every_language_fails_until_confirmed_then_passes_everything(
    site_dir, project, tmp_path, capsys
):
    """Fidelity to the imported articles included: a section edited on purpose and confirmed is
    no longer held to them (compared with the real site: what it lacks is not this test's); and
    status is then what it is on the project itself (its pending translations, if any)."""
    section = untouched_section()
    where = key(section)
    for lang in LANGUAGES:  # a paragraph rewritten (its words in another order), in every language
        found = content.page(lang, section.page, project / "docs").section(section.id)
        plain = next(p for p in found.paragraphs if rewritable(p) and len(p.words) >= 8)
        content.splice(project / "docs" / lang.locale / section.page, plain.first, plain.end,
                       [" ".join(reversed(plain.text.split()))])
    assert status.main(["--project", str(project)]) == 1
    assert f"{where}: changed in every language, not confirmed" in capsys.readouterr().out
    assert confirm.main(["--project", str(project)]) == 0
    lock = load_lock(project_files(project)[0])
    assert lock[section.page][section.id]["confirmed"] == date.today().isoformat(), lock[section.page]
    _, cells, details = status.status(project, tmp_path / "site")
    _, cells_before, details_before = status.status(PROJECT, site_dir, build=False)
    assert (details, cells) == (details_before, cells_before), f"{where} confirmed: {details}; {cells}"
    for lang in IMPORTED:
        before, after = fidelity(site_dir, lang, load_lock(), True), fidelity(tmp_path / "site", lang, lock, True)
        assert after - before == set(), f"[{lang.locale}] the rewrite of {where}, confirmed, is still held to provenance/"
        unexcused = fidelity(tmp_path / "site", lang, lock, False) - fidelity(site_dir, lang, load_lock(), False)
        assert unexcused, f"[{lang.locale}] the rewrite of {where} went unseen"


def test_a_pending_section_passes_until_its_time_limit(project, tmp_path, site_dir):
    """Compared with the project's own status on the same days: its pending translations, if
    any, have their cells, and their lines once late."""
    number = number_change(REFERENCE, taken=pending_sections())
    number.apply(project / "docs")
    assert pending.main([number.where, LAST.locale, "--reason", "translator away", "--project", str(project)]) == 0
    _, cells, details = status.status(project, tmp_path / "site")
    _, cells_before, details_before = status.status(PROJECT, site_dir, build=False)
    expected = {place: set(cell.split(", ")) - {"ok"} for place, cell in cells_before.items()}
    expected[LAST.locale, number.section.page].add(f"pending: #{number.section.id} ({LIMIT} days left)")
    found = {place: set(cell.split(", ")) - {"ok"} for place, cell in cells.items()}
    assert found == expected, f"{number.where}: pending, within the limit: the cells say {cells}"
    assert details == details_before, f"{number.where}: pending, within the limit: {details}"
    late = date.today() + timedelta(days=LIMIT + 1)
    _, _, details = status.status(project, tmp_path / "site", build=False, today=late)
    _, _, details_before = status.status(PROJECT, site_dir, build=False, today=late)
    assert sorted(details) == sorted([
        *details_before,
        f"[{LAST.locale}] {number.where}: pending since {date.today()} ({LIMIT + 1} days, the limit is {LIMIT}): "
        "translator away. Carry it over, then `python -m commands.confirm`",
    ]), details


def test_pending_refuses_a_section_that_is_not_behind(project, capsys):
    pending_now = pending_sections()
    section = content.first((s for s in content.sections(REFERENCE) if key(s) not in pending_now), "section", REFERENCE)
    assert pending.main([key(section), LAST.locale, "--reason", "x", "--project", str(project)]) == 2
    assert "is not behind" in capsys.readouterr().out


def test_a_fix_in_one_language_only_is_confirmed_by_naming_it(project, capsys):
    """A paragraph reworded in the reference only (its other languages taken to say the same
    already; a plain confirm leaves such a section behind: see the tests above): `--in-step`
    confirms it, nothing is left behind; a name that is not behind anywhere is refused."""
    section = untouched_section()
    where = key(section)
    found = content.page(REFERENCE, section.page, project / "docs").section(section.id)
    plain = next(p for p in found.paragraphs if rewritable(p) and len(p.words) >= 8)
    content.splice(project / "docs" / REFERENCE.locale / section.page, plain.first, plain.end,
                   [" ".join(reversed(plain.text.split()))])
    assert confirm.main(["--project", str(project), "--in-step", f"{section.page}#no-such-id"]) == 2
    assert "no section of that address is behind" in capsys.readouterr().out
    assert confirm.main(["--project", str(project), "--in-step", where]) == 0  # 1 if anything stayed behind
    out = capsys.readouterr().out
    assert f"changed in {REFERENCE.locale}, in step elsewhere (--in-step)" in out, out
    lock = load_lock(project_files(project)[0])
    assert lock[section.page][section.id]["confirmed"] == date.today().isoformat(), lock[section.page]
