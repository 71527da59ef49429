"""`python -m commands.rename` on a copy of the project (tests/renamed_copy.py: a section renamed,
another moved to another page): the copy builds strictly, the status command finds nothing to
report, every language's built pages make the old addresses land, and the parity and freshness
checks do not take an old address's anchor for a heading or a section, nor search for text."""

from datetime import date

from checks.freshness import (
    LOCK,
    PENDING,
    freshness_problems,
    limit_days,
    load_lock,
    load_pending,
    project_files,
    section_states,
    section_texts,
)
from checks.old_address_landing import landing_problems
from checks.old_addresses import OLD_ADDRESSES, load_addresses
from checks.search import index_file
from checks.site import PROJECT, built_page, heading_ids, load_config, soup
from commands.status import status

from .params import LANGUAGES, each_language


def test_the_command_recorded_both_old_addresses(renamed):
    """Both new entries, beside those the project had: each of those follows its section if it
    was the one renamed or moved, and goes if its old address is a section's address again."""
    page, old, new = renamed.renamed
    old_page, old_id, new_page, new_id = renamed.moved
    expected = load_addresses(PROJECT / OLD_ADDRESSES)
    for before, after in ((f"{page}#{old}", f"{page}#{new}"), (f"{old_page}#{old_id}", f"{new_page}#{new_id}")):
        expected = {gone: (after if now == before else now) for gone, now in expected.items() if gone != after}
        expected[before] = after
    assert renamed.addresses == expected, f"translations/old_addresses.yml holds {renamed.addresses}"


def test_the_status_command_reports_no_problem_after_the_rename_and_the_move(renamed):
    """The copy was built strictly by the fixture; the lock, the pending entries and every link
    followed the sections: nothing to report, and the project's pending translations, if any,
    still pending (their entries followed the sections too), each in its cell."""
    pages, cells, details = status(renamed.project, renamed.site, build=False)
    entries = load_pending(project_files(renamed.project)[1])
    assert len(entries) == len(load_pending(PENDING)), f"the rename lost or made pending entries: {entries}"
    expected: dict[tuple[str, str], set[str]] = {}
    for entry in entries:
        name = entry.section if entry.section.startswith(":") else f"#{entry.section}"
        expected.setdefault((entry.language, entry.page), set()).add(f"pending: {name}")
    drift = {key: {item.split(" (")[0] for item in cell.split(", ")} for key, cell in cells.items() if cell != "ok"}
    assert (drift, details) == (expected, []), f"status after the rename: {drift}\n" + "\n".join(details)


def test_every_old_address_lands_in_every_language(renamed):
    assert landing_problems(renamed.site, LANGUAGES, renamed.addresses) == []


def test_broken_twin_without_old_addresses_the_old_addresses_land_nowhere(renamed_twin):
    """translations/old_addresses.yml emptied: each old address fails, in each language."""
    problems = landing_problems(renamed_twin.site, LANGUAGES, renamed_twin.addresses)
    assert len(problems) == len(LANGUAGES) * len(renamed_twin.addresses), "\n".join(problems)


@each_language
def test_the_parity_and_freshness_checks_do_not_see_the_old_anchor(renamed, language):
    page, old, new = renamed.renamed
    path = built_page(renamed.site, language, page)
    where = f"[{language.locale}] {page}#{old}"
    assert old not in heading_ids(path) and new in heading_ids(path), f"{where}: headings {heading_ids(path)}"
    sections = section_texts(renamed.site, LANGUAGES, language, page)
    assert old not in sections and new in sections, f"{where}: sections {list(sections)}"
    assert len(soup(path).find_all(id=old)) == 1, f"{where}: the old id is not on the page exactly once"
    assert "old-address" not in index_file(renamed.site, language).read_text(encoding="utf-8"), f"{where}: in search"


def test_broken_twin_with_the_lock_left_as_it_was_the_freshness_check_reports_both_sections(renamed):
    """What keeps the status clean is the lock the command rewrote: the old one reports both."""
    page, old, new = renamed.renamed
    old_page, old_id, new_page, new_id = renamed.moved
    states = [s for p in sorted({page, new_page}) for s in section_states(renamed.site, LANGUAGES, p, load_lock(LOCK))]
    problems = freshness_problems(states, [], date.today(), limit_days(load_config()))
    for section in (f"{page}#{new}", f"{new_page}#{new_id}"):
        assert any(section in line for line in problems), f"no problem names {section}:\n" + "\n".join(problems)
