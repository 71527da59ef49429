"""The byte budgets count what Chromium really fetches: checks/first_load.py misses nothing."""

import pytest

from checks.first_load import first_load
from checks.site import site_path

from ..params import each_language, each_page

pytestmark = pytest.mark.browser


@each_language
@each_page
def test_first_load_list_matches_the_requests_chromium_makes(phone, base_url, site_dir, language, page):
    phone.goto(site_path(language, page), wait_until="networkidle")
    fetched = {url.removeprefix(base_url).split("#")[0].split("?")[0] for url in phone.activity.requests}
    fetched = {path + "index.html" if path == "" or path.endswith("/") else path for path in fetched}
    counted = {p.relative_to(site_dir).as_posix() for _, p in first_load(site_dir, site_path(language, page))}
    assert (sorted(fetched - counted), sorted(counted - fetched)) == ([], []), (
        f"[{language.locale}] {page}: (fetched but not counted, counted but not fetched)"
    )
