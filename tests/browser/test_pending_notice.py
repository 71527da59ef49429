"""A reader of a section whose translation is pending sees the notice at the top of that section
only, follows its link to the same section in another language, and axe finds nothing wrong
with it, in either palette."""

import pytest

from checks.parity import NOTICE_CLASS
from checks.seo import language_extra
from checks.site import build_site
from checks.site import site_path as url_of
from checks.static_server import serve

from ..params import LANGUAGES
from ..pending_copy import LAGGING, pending_copy, pending_section
from .axe import violations

pytestmark = pytest.mark.browser

# The section left pending, chosen from the content (tests/pending_copy.py)
PAGE, SECTION = pending_section()
UPDATED = [lang for lang in LANGUAGES if lang != LAGGING]
WHERE = f"[{LAGGING.locale}] {PAGE}#{SECTION}"
NOTICE = f".{NOTICE_CLASS}"


@pytest.fixture(scope="module")
def pending_url(tmp_path_factory):
    """The copy of tests/pending_copy.py, built for and served from 127.0.0.1."""
    root = tmp_path_factory.mktemp("pending-served")
    project = pending_copy(root / "project")
    with serve(root / "site") as url:
        result = build_site(project, root / "site", site_url=url)
        if result.returncode != 0:
            pytest.fail(f"the copy with a pending section does not build:\n{result.log}", pytrace=False)
        yield url


@pytest.fixture
def reader(browser, pending_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=pending_url)
    yield context.new_page()
    context.close()


def test_the_notice_shows_at_the_top_of_the_pending_section_in_its_language(reader):
    reader.goto(f"{url_of(LAGGING, PAGE)}#{SECTION}")
    notice = reader.locator(f"article #{SECTION} + {NOTICE}")
    assert notice.is_visible(), f"{WHERE}: no notice visible right after the heading"
    heading, box = reader.locator(f"#{SECTION}").bounding_box(), notice.bounding_box()
    gap = box["y"] - (heading["y"] + heading["height"])
    assert 0 <= gap < 48, f"{WHERE}: the notice is {gap} px below its heading"
    title = language_extra(LAGGING)["pending_notice"]["title"]
    assert notice.locator(".admonition-title").inner_text().strip() == title, f"{WHERE}: title"
    assert reader.locator(NOTICE).count() == 1, f"{WHERE}: {reader.locator(NOTICE).count()} notices on the page"


@pytest.mark.parametrize("language", UPDATED, ids=lambda lang: lang.locale)
def test_each_link_of_the_notice_lands_on_the_same_section_in_that_language(reader, pending_url, language):
    reader.goto(f"{url_of(LAGGING, PAGE)}#{SECTION}")
    with reader.expect_navigation():
        reader.locator(f'{NOTICE} a[hreflang="{language.locale}"]').click()
    target = f"{pending_url}{url_of(language, PAGE)}#{SECTION}"
    assert reader.url == target, f"{WHERE}: the {language.locale} link landed on {reader.url}, not {target}"
    assert reader.locator("html").get_attribute("lang") == language.locale, f"{WHERE} -> {language.locale}"
    top = reader.locator(f"#{SECTION}").evaluate("heading => heading.getBoundingClientRect().top")
    assert 0 <= top < 844 / 2, f"{WHERE} -> {language.locale}: #{SECTION} is at {top} px, not at the top"


def test_no_notice_on_the_same_page_in_the_updated_languages(reader):
    found = {}
    for language in UPDATED:
        reader.goto(url_of(language, PAGE))
        found[language.locale] = reader.locator(NOTICE).count()
    assert found == {lang.locale: 0 for lang in UPDATED}, f"{PAGE}: notices {found}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violation_with_the_notice_on_screen(reader, scheme):
    reader.emulate_media(color_scheme=scheme)
    reader.goto(f"{url_of(LAGGING, PAGE)}#{SECTION}")
    reader.locator(NOTICE).scroll_into_view_if_needed()
    assert reader.locator(NOTICE).is_visible(), f"{WHERE}, {scheme}: no notice on screen"
    found = violations(reader)
    assert found == [], f"{WHERE}, {scheme}: {found}"
