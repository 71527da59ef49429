"""How recent each answer is, as readers see it (overrides/hooks/freshness_dates.py): the day of
the last confirm from translations/lock.yml under each page's title, under each section confirmed
on another day, in each language's words, and in the sitemaps; worked out on its own by
checks/dates.py and compared with the built site."""

import shutil
from datetime import timedelta

import pytest

from checks.dates import confirmed_dates, date_problems, imported_on, shown, sitemap_problems, updated_text
from checks.freshness import load_lock, load_pending, project_files, save_lock
from checks.parity import DATE_CLASS, article
from checks.site import PROJECT, build_site, built_page, copy_project, soup

from .broken_copy import edit
from .params import LANGUAGES, PAGES, REFERENCE, each_language, each_page


def problems_of(site, project, language, page) -> list[str]:
    lock_file, pending_file = project_files(project)
    return date_problems(
        site, language, page, load_lock(lock_file), imported_on(project / "mkdocs.yml"),
        load_pending(pending_file), updated_text(language, project / "mkdocs.yml"),
    )


def page_sections(site, page) -> list[str]:
    """The ids of a page's section headings (below its title), in the reference language."""
    content = article(soup(built_page(site, REFERENCE, page)))
    return [heading["id"] for heading in content.find_all(["h2", "h3"], id=True, recursive=False)]


@each_language
@each_page
def test_each_page_and_section_shows_the_day_the_lock_gives(site_dir, language, page):
    assert not problems_of(site_dir, PROJECT, language, page)


def test_the_sitemaps_give_each_page_the_day_of_its_last_confirm(site_dir):
    lock_file, _ = project_files(PROJECT)
    assert not sitemap_problems(site_dir, LANGUAGES, load_lock(lock_file), imported_on(), PAGES)


def test_a_pending_section_shows_its_notice_and_no_date_of_its_own(pending):
    problems = [p for language in LANGUAGES for page in PAGES for p in problems_of(pending.site, pending.project, language, page)]
    assert not problems


def test_a_confirm_on_a_new_day_changes_what_readers_see_and_the_sitemaps(site_dir, tmp_path):
    """The last section of a page with two or more, confirmed a day after every date of the lock
    (as `python -m commands.confirm` writes it): that page's date becomes that day, its other
    sections show their own, the sitemaps follow."""
    project = copy_project(tmp_path / "project")
    lock_file, _ = project_files(project)
    lock = load_lock(lock_file)
    imported = imported_on(project / "mkdocs.yml")
    page = next((page for page in PAGES if len(page_sections(site_dir, page)) >= 2), None)
    if page is None:
        pytest.skip("no page of the guide has two sections: nothing to date apart")
    section = page_sections(site_dir, page)[-1]
    day = max(d for p in lock for d in confirmed_dates(lock, p, imported).values()) + timedelta(days=1)
    lock[page][section]["confirmed"] = day.isoformat()  # as commands.confirm writes it
    save_lock(lock, lock_file)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.log
    site = tmp_path / "site"
    for language in LANGUAGES:
        where = f"[{language.locale}] {page}"
        assert not problems_of(site, project, language, page), where
        content = article(soup(built_page(site, language, page)))
        days = [shown(tag)[0] for tag in content.find_all(class_=DATE_CLASS)]
        assert days and days[0] == day, f"{where}: the page's date is {days[:1]}, not the new confirm's {day}"
        assert len(days) >= 2, f"{where}: the other sections, confirmed earlier, show no date of their own"
    assert not sitemap_problems(site, LANGUAGES, load_lock(lock_file), imported, PAGES)


def test_the_checks_catch_a_wrong_day_a_missing_one_and_a_stale_lastmod(site_dir, tmp_path):
    """Broken twins, on a copy of the built site: the first page's date changed, then taken
    away; a <lastmod> set to another day."""
    site = shutil.copytree(site_dir, tmp_path / "site")
    page = PAGES[0]
    built = built_page(site, REFERENCE, page)
    stamp = article(soup(built)).find(class_=DATE_CLASS)
    assert stamp is not None, f"[{REFERENCE.locale}] {page}: no date to break"
    day = stamp.find("time")["datetime"]
    other = "1999-01-01"
    edit(built, f'datetime="{day}"', f'datetime="{other}"', count=1)
    assert any(f"shows {other}" in p for p in problems_of(site, PROJECT, REFERENCE, page))
    edit(built, f'class="md-source-file {DATE_CLASS}', 'class="md-source-file', count=1)
    assert any("under the title: no date" in p for p in problems_of(site, PROJECT, REFERENCE, page))
    edit(site / "sitemap.xml", f"<lastmod>{day}</lastmod>", f"<lastmod>{other}</lastmod>", count=1)
    lock_file, _ = project_files(PROJECT)
    found = sitemap_problems(site, LANGUAGES, load_lock(lock_file), imported_on(), PAGES)
    assert any(f"<lastmod> {other}" in p for p in found), found
