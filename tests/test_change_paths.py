"""Every kind of editor change has a path through the freshness lock (issue 17), proven on two
copies whose changes are chosen from the content when the tests run (tests/change_paths.py):

- one copy changed in one language at a time, in both directions (the reference edited, the last
  translation edited), each change on its own page or section: a new section and a paragraph
  added or removed, the others marked pending with `python -m commands.pending`; a section
  removed, a title changed, with no entry (drift); a description changed, pending. Built before
  the entries (what editors see before marking anything pending, and what `commands.pending`
  reads), and after (the readers' notices);
- one copy changed in every language alike (a section removed, an id changed by hand, a new
  section, a title), then `python -m commands.confirm`: status is clean, and so is the fidelity to
  provenance/.

Both start from the project as it is, in whatever legitimate state (translations pending within
their limit, old addresses, sections removed on record): what each test expects is the project's
own status, notices and pending translations, and those of the changes made. A section removed
or renamed loses its links first, in every language (their text kept); in the one-language copy
that is confirmed before anything is compared, in the other it is confirmed with the rest.
"""

from __future__ import annotations

import ast
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

import commands.confirm
import commands.pending
import commands.status
from checks.fidelity import MIN_SIMILARITY, SOURCE_DIR, fidelity_problems, located_blocks, removed_texts, window_similarity
from checks.fidelity import normalise as fidelity_normalise
from checks.freshness import (
    PENDING,
    Pending,
    SectionState,
    address,
    edited_sections,
    fingerprint,
    limit_days,
    load_lock,
    load_pending,
    normalise,
    project_files,
    renames,
    save_pending,
    word_diff,
)
from checks.parity import HEADINGS, NOTICE_CLASS, article
from checks.seo import language_extra
from checks.site import (
    PROJECT,
    build_site,
    built_page,
    copy_project,
    internal_target,
    load_config,
    nav_pages,
    site_path,
    soup,
)
from commands.status import status

from .change_paths import Change, every_language_changes, links_to, one_language_changes, unlink
from .command_runs import run
from .params import LANGUAGES, PAGES, REFERENCE, TRANSLATIONS
from .pending_copy import notice_after, notice_places
from .test_fidelity import IMPORTED, LEFTOVERS

LIMIT = limit_days(load_config())
SINCE = date.today()
WITHIN = SINCE + timedelta(days=1)  # a day into the limit
PAST = SINCE + timedelta(days=LIMIT + 1)  # a day past it
REASON = "awaiting the translator"
LAST = TRANSLATIONS[-1]


def locales(languages) -> str:
    return ", ".join(lang.locale for lang in languages)


class Statuses:
    """commands.status.status of a built copy, once per day asked: (cells, details, pending lines)."""

    def __init__(self, project: Path, site: Path):
        self.project, self.site, self.found = project, site, {}

    def __call__(self, today: date):
        if today not in self.found:
            waiting: list[str] = []
            _, cells, details = status(self.project, self.site, build=False, today=today, waiting=waiting)
            self.found[today] = SimpleNamespace(cells=cells, details=details, waiting=waiting)
        return self.found[today]


def build(project: Path, site: Path) -> Path:
    result = build_site(project, site)
    if result.returncode != 0:
        raise RuntimeError(f"{project}: the copy does not build:\n{result.log}")
    return site


@pytest.fixture(scope="module")
def project_status(site_dir):
    """The status of the project itself, the copies' starting point, by day asked: what it
    reports (its own pending translations) is not the changes'."""
    return Statuses(PROJECT, site_dir)


def confirm_unlinked(copy, site: Path) -> None:
    """`python -m commands.confirm` on a copy whose only changes made in every language are its
    links taken out (copy.unlinked): it must confirm exactly those sections."""
    code, out = run(commands.confirm.main, ["--project", str(copy.project)], site)
    rows = [line for line in out.splitlines() if line.endswith(" confirmed")]
    confirmed = sorted(line.split(" ", 1)[0] for line in rows if "changed in every language" in line)
    assert confirmed == copy.unlinked and len(rows) == len(copy.unlinked), (
        f"confirm, the links to the removed sections taken out of {copy.unlinked}, confirmed otherwise:\n{out}"
    )


@pytest.fixture(scope="module")
def copies(tmp_path_factory, project_status):
    """Both copies, made and built together, builds overlapping (each a child process) with the
    work of the other copy: .one (one language at a time) and .every (every language alike).
    The project's status is read first (its build is the session's)."""
    project_status(WITHIN)
    root = tmp_path_factory.mktemp("change-paths")
    one = SimpleNamespace(project=copy_project(root / "one" / "project"))
    one.changes, one.unlinked = one_language_changes(one.project)
    every = SimpleNamespace(project=copy_project(root / "every" / "project"))
    lock_file, pending_file = project_files(every.project)
    every.lock = load_lock(lock_file)
    every.changes, every.unlinked = every_language_changes(every.project, every.lock)
    # The title's translations marked pending before they caught up, as `commands.pending` left them
    title = every.changes["title"]
    entries = [Pending(title.page, ":title", lang.locale, SINCE, REASON) for lang in TRANSLATIONS]
    save_pending(load_pending(pending_file) + entries, pending_file)
    with ThreadPoolExecutor(max_workers=2) as pool:
        every_site = pool.submit(build, every.project, root / "every" / "site")
        one.before_site = build(one.project, root / "one" / "before")
        if one.unlinked:
            confirm_unlinked(one, one.before_site)
        one.lock = load_lock(project_files(one.project)[0])
        one.before = Statuses(one.project, one.before_site)(WITHIN)
        for change in [c for c in one.changes if c.pending]:
            for lagging in change.lagging:
                where = address(change.page, change.section)
                argv = [where, lagging.locale, "--reason", REASON, "--since", SINCE.isoformat()]
                code, out = run(commands.pending.main, [*argv, "--project", str(one.project)], one.before_site)
                assert code == 0, f"[{lagging.locale}] {where}: `python -m commands.pending` refused ({change}): {out}"
        one_site = pool.submit(build, one.project, root / "one" / "after")
        every.site = every_site.result()
        every.before = Statuses(every.project, every.site)(WITHIN)
        every.code, every.out = run(commands.confirm.main, ["--project", str(every.project)], every.site)
        every.after = Statuses(every.project, every.site)(WITHIN)
        every.confirmed = load_lock(lock_file)
        one.site = one_site.result()
    one.status = Statuses(one.project, one.site)
    return SimpleNamespace(one=one, every=every)


@pytest.fixture(scope="module")
def one_language(copies):
    """The copy changed in one language at a time: .project, .changes, .unlinked (the sections
    whose links to a removed one were taken out, then confirmed), .lock, .before (its status
    before any pending entry of the changes, built into .before_site) and .status(today) once the
    entries are written, built again into .site."""
    return copies.one


@pytest.fixture(scope="module")
def every_language(copies):
    """The copy changed in every language alike, with a pending entry of the title's translations:
    .project, .site, .changes, .unlinked (the sections whose links to the removed and the renamed
    one were taken out), .lock (before confirm), .before (status before confirm), then confirm's
    .code and .out, .confirmed (the lock it wrote) and .after (status after)."""
    return copies.every


def changes_of(kind: str):
    """Parametrise over the one-language changes of a kind, by their language: they are chosen from
    the content when the copy is made, so each test finds its own in the fixture."""
    name = lambda lang: f"{kind} in {'reference' if lang == REFERENCE else 'translation'}"  # noqa: E731
    return pytest.mark.parametrize("edited", [REFERENCE, LAST], ids=name)


def change(copy, kind: str, edited, pending: bool | None = None) -> Change:
    """The copy's change of that kind in that language (pending or not, if asked)."""
    found = [c for c in copy.changes if c.kind == kind and c.edited == edited and pending in (None, c.pending)]
    assert found, f"the copy has no {kind} in {edited.locale}: {[str(c) for c in copy.changes]}"
    return found[0]


def about(details: list[str], prefix: str) -> list[str]:
    return [line for line in details if line.startswith(prefix)]


def behind_in(cell: str) -> list[str]:
    """What a status cell names behind: "structure, behind: :title #a" -> [":title", "#a"]."""
    return next((item.removeprefix("behind: ").split() for item in cell.split(", ") if item.startswith("behind: ")), [])


def parity_lines(details: list[str], page: str) -> list[str]:
    """The parity checks' lines on a page ("[es] faq.md: …"), not the lock's ("[es] faq.md#…")."""
    return [line for line in details if f"] {page}: " in line]


# -- A section new in one language ---------------------------------------------------------------


@changes_of("new section")
def test_a_new_section_pending_elsewhere_is_reported_pending_with_its_days_left(one_language, edited):
    new = change(one_language, "new section", edited)
    found = one_language.status(WITHIN)
    for lagging in new.lagging:
        where = f"[{lagging.locale}] {new.page}#{new.section}"
        line = f"{where}: new in {edited.locale}, pending in {lagging.locale} since {SINCE} ({LIMIT - 1} days left)"
        assert f"{line}: {REASON}" in found.waiting, f"{where}: new in {edited.locale}, pending: status lists {found.waiting}"
        cell = found.cells[lagging.locale, new.page]
        pending = f"pending: #{new.section} ({LIMIT - 1} days left)"
        assert pending in cell.split(", "), f"{where}: new in {edited.locale}: the cell says {cell!r}"
        drift = [d for d in found.details if f"{new.page}#{new.section}" in d] + parity_lines(found.details, new.page)
        assert drift == [], f"{where}: new in {edited.locale} and pending, yet drift: {drift}"


@changes_of("new section")
def test_without_its_pending_entry_a_new_section_is_behind_and_has_no_notice(one_language, edited):
    new = change(one_language, "new section", edited)
    found = one_language.before
    for lagging in new.lagging:
        where = f"[{lagging.locale}] {new.page}#{new.section}"
        start = f"{where}: behind {edited.locale}, new in {edited.locale} since the lock ({edited.locale}: «"
        lines = about(found.details, start)
        assert len(lines) == 1 and "Write it in this language" in lines[0], (
            f"{where}: new in {edited.locale}, no entry: {found.details}"
        )
        cell = found.cells[lagging.locale, new.page]
        assert f"#{new.section}" in behind_in(cell), f"{where}: new in {edited.locale}, no entry: the cell says {cell!r}"
        page = soup(built_page(one_language.before_site, lagging, new.page))
        assert page.find(id=new.section) is None and not page.select(f".{NOTICE_CLASS}"), (
            f"{where}: a notice (or #{new.section}) stands on a page built with no pending entry"
        )
    structure = [d for d in parity_lines(found.details, new.page) if f"'h2#{new.section}'" in d]
    assert structure, f"{new.page}#{new.section}: new in {edited.locale}, no entry, yet the headings agree: {found.details}"


@changes_of("new section")
def test_readers_of_the_lagging_language_get_a_notice_where_the_new_section_will_stand(one_language, edited):
    new = change(one_language, "new section", edited)
    for lagging in new.lagging:
        where = f"[{lagging.locale}] {new.page}#{new.section}"
        content = article(soup(built_page(one_language.site, lagging, new.page)))
        notice = content.find(id=new.section)
        assert notice is not None and NOTICE_CLASS in notice.get("class", []), f"{where}: no notice with its id: {notice}"
        assert notice.parent is content, f"{where}: the notice stands inside {notice.parent.name}, not in the article"
        after = (notice.find_previous_sibling(HEADINGS) or {}).get("id")
        before = (notice.find_next_sibling(HEADINGS) or {}).get("id")
        assert (after, before) == (new.after, new.before), (
            f"{where}: the notice stands after #{after} and before #{before}; in {edited.locale} the new "
            f"section stands after #{new.after} and before #{new.before}"
        )
        template = language_extra(lagging, one_language.project / "mkdocs.yml")["pending_notice"]["missing"]
        text = normalise(notice.get_text(" "))
        for piece in filter(None, (normalise(p) for p in template.replace("{links}", "{date}").split("{date}"))):
            assert piece in text, f"{where}: the notice lacks {piece!r} of extra.pending_notice.missing: {text!r}"
        assert notice.find("time")["datetime"] == SINCE.isoformat(), f"{where}: the notice's date is not {SINCE}: {notice}"
        here = site_path(lagging, new.page)
        links = [(a.get("hreflang"), internal_target(here, a["href"])) for a in notice.find_all("a", href=True)]
        expected = [(lang.locale, (site_path(lang, new.page), new.section)) for lang in LANGUAGES if lang not in new.lagging]
        assert links == expected, f"{where}: the notice links to {links}, expected the section in {expected}"
        for lang in LANGUAGES:
            if lang not in new.lagging:
                target = soup(built_page(one_language.site, lang, new.page)).find(id=new.section)
                assert target is not None and target.name in HEADINGS, (
                    f"[{lang.locale}] {new.page}#{new.section}: the notice of {lagging.locale} links here, to {target}"
                )


@changes_of("new section")
def test_a_new_section_pending_past_the_limit_fails_freshness_and_structure(one_language, edited):
    new = change(one_language, "new section", edited)
    found = one_language.status(PAST)
    for lagging in new.lagging:
        where = f"[{lagging.locale}] {new.page}#{new.section}"
        start = f"{where}: pending since {SINCE} ({LIMIT + 1} days, the limit is {LIMIT}): {REASON}"
        assert about(found.details, start), f"{where}: new in {edited.locale}, past the limit: {found.details}"
    structure = [d for d in parity_lines(found.details, new.page) if f"'h2#{new.section}'" in d]
    assert structure, f"{new.page}#{new.section}: new in {edited.locale}, past the limit, the headings agree: {found.details}"


# -- Paragraphs added or removed in one language --------------------------------------------------


PARAGRAPH = {REFERENCE: "paragraph added", LAST: "paragraph removed"}


def paragraph_count_lines(details: list[str], change: Change) -> list[str]:
    return [d for d in parity_lines(details, change.page) if f"#{change.section} has " in d and " paragraphs, " in d]


@changes_of("paragraph change")
def test_a_paragraph_added_or_removed_and_pending_is_excused_within_the_limit(one_language, edited):
    changed = change(one_language, PARAGRAPH[edited], edited)
    found = one_language.status(WITHIN)
    where = f"{changed.page}#{changed.section} ({changed.kind} in {edited.locale})"
    drift = [d for d in found.details if f"{changed.page}#{changed.section}" in d]
    drift += parity_lines(found.details, changed.page)
    assert drift == [], f"{where}: pending, within the limit, yet drift: {drift}"
    for lagging in changed.lagging:
        cell = found.cells[lagging.locale, changed.page]
        pending = f"pending: #{changed.section} ({LIMIT - 1} days left)"
        assert pending in cell.split(", "), f"[{lagging.locale}] {where}: the cell says {cell!r}"


@changes_of("paragraph change")
def test_a_paragraph_added_or_removed_fails_without_entry_and_past_the_limit(one_language, edited):
    changed = change(one_language, PARAGRAPH[edited], edited)
    where = f"{changed.page}#{changed.section} ({changed.kind} in {edited.locale})"
    compared = TRANSLATIONS if edited == REFERENCE else [edited]  # each translation against the reference
    for name, found in (("no entry", one_language.before), ("past the limit", one_language.status(PAST))):
        counts = paragraph_count_lines(found.details, changed)
        assert sorted(line.split("]")[0] for line in counts) == sorted(f"[{lang.locale}" for lang in compared), (
            f"{where}, {name}: the parity check should count the paragraphs in {locales(compared)}: {found.details}"
        )
    before, past = one_language.before.details, one_language.status(PAST).details
    for lagging in changed.lagging:
        named = f"[{lagging.locale}] {changed.page}#{changed.section}"
        behind = about(before, f"{named}: behind {edited.locale}, changed in {edited.locale}")
        assert behind, f"{named}: {changed.kind} in {edited.locale}, no entry: not behind: {before}"
        late = about(past, f"{named}: pending since {SINCE} ({LIMIT + 1} days")
        assert late, f"{named}: {changed.kind} in {edited.locale}, past the limit: no freshness failure: {past}"


# -- A section removed in one language ---------------------------------------------------------


@changes_of("section removed")
def test_a_section_removed_in_one_language_is_drift_naming_who_removed_it(one_language, edited):
    gone = change(one_language, "section removed", edited, pending=False)
    found = one_language.status(WITHIN)
    lock = one_language.lock
    for lagging in gone.lagging:
        where = f"[{lagging.locale}] {gone.page}#{gone.section}"
        start = f"{where}: behind {edited.locale}, removed in {edited.locale} since the lock ({edited.locale}: «"
        lines = about(found.details, start)
        assert len(lines) == 1, f"{where}: removed in {edited.locale} only: status says {found.details}"
        first_words = " ".join(lock[gone.page][gone.section][edited.locale]["text"].split()[:3])
        assert f"«{first_words}" in lines[0] and "Carry it over" in lines[0], f"{where}: no removed text in {lines[0]}"
        cell = found.cells[lagging.locale, gone.page]
        assert f"#{gone.section}" in behind_in(cell), f"{where}: removed in {edited.locale} only: the cell says {cell!r}"


def test_a_section_removed_in_one_language_can_be_pending_its_notice_linking_to_the_page(one_language):
    """The path the drift message offers: the others pending. Their readers keep the section, with
    a notice linking to the page in the language that removed it (no anchor: it is gone there)."""
    gone = change(one_language, "section removed", LAST, pending=True)
    found = one_language.status(WITHIN)
    drift = [d for d in found.details if f"{gone.page}#{gone.section}" in d] + [
        d for d in parity_lines(found.details, gone.page) if "link" in d
    ]
    assert drift == [], f"{gone.page}#{gone.section}: removed in {LAST.locale}, pending in the others, yet: {drift}"
    for lagging in gone.lagging:
        where = f"[{lagging.locale}] {gone.page}#{gone.section}"
        line = f"{where}: removed in {LAST.locale}, pending in {lagging.locale} since {SINCE} ({LIMIT - 1} days left)"
        assert f"{line}: {REASON}" in found.waiting, f"{where}: removed in {LAST.locale}: not in {found.waiting}"
        notice = notice_after(one_language.site, lagging, gone.page, gone.section)
        assert notice is not None, f"{where}: removed in {LAST.locale}, pending: no notice under its heading"
        links = [internal_target(site_path(lagging, gone.page), a["href"]) for a in notice.find_all("a", href=True)]
        expected = [(site_path(lang, gone.page), "") for lang in LANGUAGES if lang not in gone.lagging]
        assert links == expected, f"{where}: removed in {LAST.locale}: the notice links to {links}, not the pages {expected}"
        past = one_language.status(PAST).details
        assert about(past, f"{where}: pending since {SINCE}"), f"{where}: removed in {LAST.locale}, past the limit: {past}"


# -- Titles and descriptions --------------------------------------------------------------------


@changes_of("title")
def test_a_title_changed_in_one_language_is_drift_naming_the_page_and_the_word_diff(one_language, edited):
    title = change(one_language, "title", edited)
    locked = one_language.lock[title.page][":title"][edited.locale]["text"]
    assert locked == normalise(title.old), f"[{edited.locale}] {title.page}:title: locked {locked!r}, was {title.old!r}"
    found = one_language.status(WITHIN)
    for lagging in title.lagging:
        where = f"[{lagging.locale}] {title.page}:title"
        diff = word_diff(locked, normalise(title.new))
        line = f"{where}: behind {edited.locale}, changed in {edited.locale} since the lock ({edited.locale}: {diff})."
        assert about(found.details, line), f"{where}: changed in {edited.locale} only, expected {line!r} in {found.details}"
        cell = found.cells[lagging.locale, title.page]
        assert ":title" in behind_in(cell), f"{where}: changed in {edited.locale} only: the cell says {cell!r}"


def test_a_description_changed_in_one_language_can_be_pending_and_fails_past_the_limit(one_language):
    described = change(one_language, "description", LAST)
    locked = one_language.lock[described.page][":description"][LAST.locale]["text"]
    assert locked == normalise(described.old), f"[{LAST.locale}] {described.page}:description: locked {locked!r}"
    diff = word_diff(locked, normalise(described.new))
    for lagging in described.lagging:
        where = f"[{lagging.locale}] {described.page}:description"
        behind = f"{where}: behind {LAST.locale}, changed in {LAST.locale} since the lock ({LAST.locale}: {diff})."
        assert about(one_language.before.details, behind), f"{where}, no entry: not behind: {one_language.before.details}"
        found = one_language.status(WITHIN)
        cell = found.cells[lagging.locale, described.page]
        assert f"pending: :description ({LIMIT - 1} days left)" in cell, f"{where}, pending: the cell says {cell!r}"
        drift = [d for d in found.details if f"{described.page}:description" in d]
        assert drift == [], f"{where}, pending: drift {drift}"
        line = f"{where}: changed in {LAST.locale}, pending in {lagging.locale} since {SINCE} ({LIMIT - 1} days left)"
        assert f"{line}: {REASON}" in found.waiting, f"{where}: not among the pending translations: {found.waiting}"
        late, past = f"{where}: pending since {SINCE} ({LIMIT + 1} days, the limit is {LIMIT})", one_language.status(PAST).details
        assert about(past, late), f"{where}, past the limit: {past}"


def test_notices_stand_exactly_where_sections_are_pending_and_nowhere_before_any_entry(one_language, site_dir):
    """A pending title or description has no notice; a pending section of both languages has one
    under its heading; a new section one where it will stand (after the section it follows).
    Before any entry of the changes, the notices are the project's own, if any."""
    own = [(lang.locale, page, place) for lang in LANGUAGES for page in PAGES for place in notice_places(site_dir, lang, page)]
    expected = sorted(
        [
            (lagging.locale, c.page, c.after or c.section)
            for c in one_language.changes
            if c.pending and not c.section.startswith(":")
            for lagging in c.lagging
        ]
        + own
    )
    for site, wanted in ((one_language.site, expected), (one_language.before_site, sorted(own))):
        found = sorted(
            (lang.locale, page, place) for lang in LANGUAGES for page in PAGES for place in notice_places(site, lang, page)
        )
        assert found == wanted, f"{site.parent.name}: notices at (language, page, after section) {found}, expected {wanted}"


def test_confirm_refuses_what_one_language_changed_and_keeps_lock_and_entries(one_language):
    """The twin of confirm taking what every language changed: a section removed, or a title
    changed, in one language only stays out of the lock, named still behind."""
    files = project_files(one_language.project)
    kept = [path.read_bytes() for path in files]
    entries = load_pending(files[1])
    try:
        code, out = run(commands.confirm.main, ["--project", str(one_language.project)], one_language.site)
        assert code == 1, f"confirm took one-language changes: {out}"
        for c in one_language.changes:
            rows = [line for line in out.splitlines() if line.startswith(address(c.page, c.section) + " ")]
            if c.pending:
                assert not [r for r in rows if "still behind" in r], f"{c}: pending, yet still behind for confirm:\n{out}"
            else:
                lagging = locales(c.lagging)
                said = rows and rows[0].endswith(f"still behind in {lagging}")
                assert said, f"{c}: confirm should say still behind in {lagging}:\n{out}"
        assert load_lock(files[0]) == one_language.lock, "confirm changed the lock, though every change is in one language"
        assert load_pending(files[1]) == entries, "confirm removed pending entries of sections still behind"
    finally:  # the other tests read this copy's lock and entries
        for path, text in zip(files, kept):
            path.write_bytes(text)


def test_the_status_command_lists_the_pending_translations_apart_from_the_drift(one_language, project_status):
    """The changes' pending translations, beside the project's own, if any."""
    code, out = run(commands.status.main, ["--project", str(one_language.project)], one_language.site)
    heading = "Pending translations (not drift until their limit):"
    assert code == 1 and heading in out, f"status: exit {code} (drift expected: removals, titles), no {heading!r}:\n{out}"
    listed = out.split(heading, 1)[1].strip().split("\n\n")[0].splitlines()
    said = {"new section": "new", "section removed": "removed"}  # else "changed", as status words it
    ours = [
        f"[{lagging.locale}] {address(c.page, c.section)}: {said.get(c.kind, 'changed')}"
        for c in one_language.changes
        if c.pending
        for lagging in c.lagging
    ]
    own = [line.split(" in ", 1)[0] for line in project_status(date.today()).waiting]
    found = sorted(line.split(" in ", 1)[0] for line in listed)
    assert found == sorted(ours + own), f"status lists as pending {found}, expected {sorted(ours + own)}:\n{out}"
    said_now = f"since {SINCE} ({LIMIT} days left): {REASON}"
    late = [line for line in listed if line.split(" in ", 1)[0] in ours and said_now not in line]
    assert late == [], f"status: pending lines without their {LIMIT} days left: {late}"


# -- Changes made in every language, then confirmed ----------------------------------------------


def test_before_confirm_status_names_each_change_made_in_every_language(every_language):
    everyone = locales(LANGUAGES)
    c, details = every_language.changes, every_language.before.details
    title = c["title"]
    diffs = "; ".join(
        f"{lang.locale}: {word_diff(normalise(title.old[lang.locale]), normalise(title.new[lang.locale]))}"
        for lang in LANGUAGES
    )
    renamed = f"{c['renamed'].page}#{c['renamed'].section} → {c['renamed'].page}#{c['renamed'].new}"
    expected = [
        f"[{everyone}] {c['section removed'].page}#{c['section removed'].section}: removed in every language, not confirmed",
        f"[{everyone}] {renamed}: renamed in every language, not confirmed",
        f"[{everyone}] {c['new section'].page}#{c['new section'].section}: new in every language, not confirmed",
        f"[{everyone}] {title.page}:title: changed in every language, not confirmed ({diffs})",
    ] + [f"[{lang.locale}] {title.page}:title: marked pending since {SINCE}, but it is not behind" for lang in TRANSLATIONS]
    # The sections whose links to the removed and the renamed one were taken out
    expected += [f"[{everyone}] {where}: changed in every language, not confirmed" for where in every_language.unlinked]
    for line in expected:
        assert about(details, line), f"before confirm, status lacks {line!r}: {details}"
    assert len(details) == len(expected), f"before confirm, status says more than the changes made: {details}"
    unconfirmed = every_language.before.cells[REFERENCE.locale, c["renamed"].page]
    assert f"#{c['renamed'].new}" in unconfirmed, f"[{REFERENCE.locale}] {c['renamed'].page}: the cell says {unconfirmed!r}"


def test_confirm_takes_every_change_and_lists_what_it_confirmed_and_removed(every_language):
    c, out = every_language.changes, every_language.out
    assert every_language.code == 0, f"confirm refused changes made in every language:\n{out}"
    rows = {
        f"{c['section removed'].page}#{c['section removed'].section}": "removed in every language",
        f"{c['renamed'].page}#{c['renamed'].section}": f"renamed to {c['renamed'].page}#{c['renamed'].new}",
        f"{c['new section'].page}#{c['new section'].section}": "new in every language",
        f"{c['title'].page}:title": "changed in every language",
    }
    lines = out.splitlines()
    for where, what in rows.items():
        # The last column: "confirmed", or for an id changed by hand "confirmed, old address kept in …"
        now = lambda line: line.rsplit("  ", 1)[-1].strip()  # noqa: E731
        found = [line for line in lines if line.startswith(where + " ") and what in line and now(line).startswith("confirmed")]
        assert found, f"{where}: confirm does not list it as {what!r}, confirmed:\n{out}"
    for lang in TRANSLATIONS:
        where = f"{c['title'].page}:title"
        what = f"pending in {lang.locale} since {SINCE}"
        found = [line for line in lines if line.startswith(where + " ") and what in line and line.endswith("entry removed")]
        assert found, f"[{lang.locale}] {where}: confirm does not list the pending entry it removed:\n{out}"
    order = lambda entries: sorted(entries, key=lambda p: (p.page, p.section, p.language))  # noqa: E731
    left = load_pending(project_files(every_language.project)[1])
    assert order(left) == order(load_pending(PENDING)), f"confirm left {left}: the caught-up entries, or lost the project's"


def test_the_lock_keeps_a_removed_section_moves_a_renamed_one_and_takes_the_new(every_language):
    c, old = every_language.changes, every_language.lock
    lock = every_language.confirmed
    gone, renamed, new, title = c["section removed"], c["renamed"], c["new section"], c["title"]
    kept = lock[gone.page][gone.section]
    assert kept.get("removed") == date.today().isoformat() and kept.get("confirmed") == "import", (
        f"{gone.page}#{gone.section}: removed in every language: the lock keeps {kept}"
    )
    for lang in LANGUAGES:
        imported = old[gone.page][gone.section][lang.locale]
        assert kept[lang.locale] == imported, f"[{lang.locale}] {gone.page}#{gone.section}: its imported text was not kept"
    assert renamed.section not in lock[renamed.page], f"{renamed.page}#{renamed.section}: renamed, still in the lock"
    assert lock[renamed.page].get(renamed.new) == old[renamed.page][renamed.section], (
        f"{renamed.page}#{renamed.new}: the lock entry of #{renamed.section} did not move to it unchanged"
    )
    taken = lock[new.page][new.section]
    assert taken["confirmed"] == date.today().isoformat(), f"{new.page}#{new.section}: new everywhere, not confirmed today: {taken}"
    for lang in LANGUAGES:
        text = lock[title.page][":title"][lang.locale]["text"]
        assert text == normalise(title.new[lang.locale]), f"[{lang.locale}] {title.page}:title: the lock holds {text!r}"
        entry = taken[lang.locale]
        assert entry["fingerprint"] == fingerprint(entry["text"]), f"[{lang.locale}] {new.page}#{new.section}: locked {entry}"


def test_after_confirm_every_language_is_in_step(every_language, project_status):
    """As in step as the project: its own pending translations, if any, in their cells."""
    after, own = every_language.after, project_status(WITHIN)
    assert after.details == [], f"after confirm, status still finds: {after.details}"
    wrong = {key: cell for key, cell in after.cells.items() if cell != own.cells.get(key, "ok")}
    assert wrong == {}, f"after confirm, cells (language, page) not as the project's {own.cells}: {wrong}"


@pytest.mark.parametrize("language", IMPORTED, ids=lambda lang: lang.locale)
def test_a_removed_section_confirmed_keeps_fidelity_to_provenance_through_the_lock(every_language, language):
    """The fidelity check of tests/test_fidelity.py, on the confirmed copy: clean with the texts the
    lock keeps of removed sections, and failing on that section's paragraphs without them."""
    gone = every_language.changes["section removed"]
    lock = every_language.confirmed
    located = located_blocks(every_language.site, language, nav_pages(every_language.project / "mkdocs.yml"))
    blocks, where = [text for _, text in located], [place for place, _ in located]
    source = SOURCE_DIR / f"guide.{language.locale}.txt"
    edited = edited_sections(lock)
    kept = removed_texts(lock, language.locale)
    problems = fidelity_problems(source, blocks, LEFTOVERS, f"[{language.locale}]", where, edited, kept)
    assert problems == [], f"[{language.locale}] {gone.page}#{gone.section} removed and confirmed, yet: {problems}"
    unexcused = fidelity_problems(source, blocks, LEFTOVERS, f"[{language.locale}]", where, edited)
    assert unexcused, f"[{language.locale}] {gone.page}#{gone.section}: removed; without the lock's texts, fidelity misses it"
    locked = fidelity_normalise(lock[gone.page][gone.section][language.locale]["text"])
    quoted = [(p, ast.literal_eval(p.split("): ", 1)[1]) if "): " in p else "") for p in unexcused]
    strays = [p for p, text in quoted if window_similarity(text, locked) < MIN_SIMILARITY]
    assert strays == [], f"[{language.locale}] {gone.page}#{gone.section}: fidelity fails on paragraphs not its own: {strays}"


# -- What makes a rename: a unit twin ------------------------------------------------------------


def test_a_rename_needs_the_same_texts_in_every_language():
    """Gone and new in every language with the locked texts: a rename. One language's text
    changed as well: a section removed and another added, each to confirm as such."""
    codes = [lang.locale for lang in LANGUAGES]
    texts = {locale: f"words of {locale}" for locale in codes}
    locked = {locale: {"fingerprint": fingerprint(text), "text": text} for locale, text in texts.items()}
    gone = SectionState("page.md", "old", {}, locked, list(codes), "import", codes)
    same = SectionState("page.md", "new", dict(texts), {}, list(codes), None, codes)
    assert renames([gone, same]) == [(gone, same)], "page.md#old → #new, same texts in every language: not a rename"
    edited = SectionState("page.md", "new", {**texts, codes[-1]: "other words"}, {}, list(codes), None, codes)
    assert renames([gone, edited]) == [], f"page.md#old → #new, [{codes[-1]}] text changed too: taken as a rename"


# -- Taking the links to a section out: unit twins on synthetic pages ---------------------------


def synthetic_pages(root: Path, pages: dict[str, str]) -> Path:
    for lang in LANGUAGES:
        for name, text in pages.items():
            (root / "docs" / lang.locale).mkdir(parents=True, exist_ok=True)
            (root / "docs" / lang.locale / name).write_text(text, encoding="utf-8")
    return root


def test_the_links_to_a_section_are_found_from_any_page_and_taken_out_keeping_their_text(tmp_path):
    project = synthetic_pages(tmp_path, {
        "a.md": '# A {#a}\n\n## One {#one}\n\nSee [two](b.md#two) and [one](#one).\n\n'
                '## Other {#other}\n\n[Again](./b.md#two "title"), not [three](b.md#three).\n',
        "b.md": "# B {#b}\n\n## Two {#two}\n\nBack [here](#two).\n",
    })
    found = links_to(project, "b.md", "two", pages=["a.md", "b.md"])
    places = sorted((link.language.locale, link.page, link.section, link.text) for link in found)
    expected = sorted(
        (lang.locale, page, where, text)
        for lang in LANGUAGES
        for page, where, text in (("a.md", "one", "two"), ("a.md", "other", "Again"), ("b.md", "two", "here"))
    )
    assert places == expected, f"links to b.md#two: {places}"
    unlink(project, found)
    for lang in LANGUAGES:
        a = (project / "docs" / lang.locale / "a.md").read_text(encoding="utf-8")
        assert "See two and [one](#one)." in a and "Again, not [three](b.md#three)." in a, a
        assert "Back here." in (project / "docs" / lang.locale / "b.md").read_text(encoding="utf-8")


def test_broken_twin_a_raw_link_to_the_section_is_not_taken_for_none(tmp_path):
    """A raw HTML link may lead there too: the section is not one to remove by taking links out."""
    project = synthetic_pages(tmp_path, {
        "a.md": '# A {#a}\n\n## One {#one}\n\n<a href="../b/#two">two</a>\n',
        "b.md": "# B {#b}\n\n## Two {#two}\n\nText.\n",
    })
    assert links_to(project, "b.md", "two", pages=["a.md", "b.md"]) is None
    assert links_to(project, "b.md", "b", pages=["a.md", "b.md"]) == [], "no link to b.md#b at all"
