"""The byte budgets count what Chromium really fetches: checks/first_load.py misses nothing."""

import pytest

from checks.site import site_path

from ..params import each_language, each_kind_of_page
from .recording import first_load_files, site_files

pytestmark = pytest.mark.browser


@each_language
@each_kind_of_page
def test_first_load_list_matches_the_requests_chromium_makes(first_visits, base_url, site_dir, language, page):
    visit = first_visits(language, page)
    fetched = site_files(visit.activity.requests, base_url)
    counted = first_load_files(site_dir, site_path(language, page))
    assert (sorted(fetched - counted), sorted(counted - fetched)) == ([], []), (
        f"[{language.locale}] {page}: (fetched but not counted, counted but not fetched)"
    )
