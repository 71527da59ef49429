"""With a third language, a reader still switches between all of them without losing their
place, and a missing page answers in its folder's language with a way home."""

import pytest

from checks.parity import FAQ_PAGE
from checks.site import add_language, build_site, copy_project, languages
from checks.site import site_path as url_of
from checks.static_server import serve

from ..content import faq_questions
from ..params import REFERENCE, THIRD_LANGUAGE, TRANSLATIONS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    """The copy with a third language, built for and served from a host with per-folder 404s:
    (url, languages)."""
    root = tmp_path_factory.mktemp("third-language-served")
    project = copy_project(root / "project")
    add_language(project, THIRD_LANGUAGE.locale, TRANSLATIONS[-1])
    with serve(root / "site", per_folder_404=True) as url:
        result = build_site(project, root / "site", site_url=url)
        if result.returncode != 0:
            pytest.fail(f"the copy with a third language does not build:\n{result.log}", pytrace=False)
        yield url, languages(project / "mkdocs.yml")


@pytest.fixture
def reader(browser, three):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=three[0])
    yield context.new_page()
    context.close()


def test_the_switcher_keeps_page_and_anchor_between_each_pair_of_three_languages(reader, three):
    """On the FAQ's last question (as the content has it), in each language."""
    url, langs = three
    page, anchor = FAQ_PAGE, faq_questions(REFERENCE)[-1].id
    wrong = []
    for language in langs:
        reader.goto(f"{url_of(language, page)}#{anchor}")
        for target in langs:
            link = reader.locator(f'.md-header a.md-select__link[hreflang="{target.locale}"]')
            href = link.evaluate("link => link.href")
            if href != f"{url}{url_of(target, page)}#{anchor}":
                wrong.append(f"[{language.locale}] {page}#{anchor}: {target.locale} link is {href}")
    assert wrong == []


def test_a_missing_page_under_the_third_language_answers_in_it_and_leads_home(reader, three):
    url, langs = three
    response = reader.goto(f"{THIRD_LANGUAGE.locale}/no-such-page/")
    where = f"[{THIRD_LANGUAGE.locale}] /{THIRD_LANGUAGE.locale}/no-such-page/"
    assert response.status == 404, f"{where}: status {response.status}"
    assert reader.locator("html").get_attribute("lang") == THIRD_LANGUAGE.locale, where
    button = reader.locator("article a.md-button--primary")
    home = f"{url}{url_of(THIRD_LANGUAGE, 'index.md')}"
    assert button.evaluate("a => a.href") == home, f"{where}: the home button leads elsewhere"
    button.click()
    reader.wait_for_url(home)
    assert reader.locator("html").get_attribute("lang") == THIRD_LANGUAGE.locale, f"{where}: home"
