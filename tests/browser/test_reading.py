"""A reader on a phone: a page of each kind (checks/page_kinds.py) loads cleanly, the palette
toggles, an answer writes to the editors without a request. (The switcher keeping the page and its anchor: test_languages.py.)"""

import pytest

from checks.answer_back import destination, message_problems
from checks.parity import ANSWER_CLASS, FAQ_PAGE
from checks.site import site_path as url_of

from ..params import each_language, each_kind_of_page
from .recording import PAGE_ICON, other_hosts

pytestmark = pytest.mark.browser


@each_language
@each_kind_of_page
def test_page_loads_without_error_or_foreign_request(first_visits, base_url, language, page):
    visit = first_visits(language, page)
    where = f"[{language.locale}] {page}"
    seen = visit.activity
    assert visit.unanswered == set(), f"{where}: never answered"
    assert seen.failed_requests == [], f"{where}: failed requests"
    assert seen.aborted_requests == [], f"{where}: requests dropped by a navigation"
    assert seen.console_errors == [], f"{where}: console errors"
    assert other_hosts(seen.requests, base_url) == [], f"{where}: requests to other hosts"


@each_language
def test_palette_toggle_switches_between_light_and_dark(phone, language):
    phone.emulate_media(color_scheme="light")
    phone.goto(url_of(language, "index.md"))
    scheme = lambda: phone.locator("body").get_attribute("data-md-color-scheme")  # noqa: E731
    assert scheme() == "default", f"[{language.locale}] light system setting not followed"
    phone.locator("label.md-header__button[for^='__palette']:visible").click()
    assert scheme() == "slate", f"[{language.locale}] the toggle did not switch to dark"


@each_language
def test_dark_system_setting_is_followed(phone, language):
    phone.emulate_media(color_scheme="dark")
    phone.goto(url_of(language, "index.md"))
    scheme = phone.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == "slate", f"[{language.locale}] dark system setting not followed: {scheme}"


@each_language
def test_writing_to_the_editors_from_an_answer_opens_a_message_and_contacts_no_host(phone, base_url, language):
    """The first answer-back link of the FAQ, clicked: the message it opens names that answer, and
    the page makes no request anywhere (a mailto: link leaves it to the reader's mail program)."""
    phone.goto(url_of(language, FAQ_PAGE))
    link = phone.locator(f".{ANSWER_CLASS} a").first
    assert link.count(), f"[{language.locale}] {FAQ_PAGE}: no answer-back link"
    href = link.get_attribute("href")
    question = link.evaluate(
        """a => { let el = a.closest("p"); while (el && el.tagName !== "H2") el = el.previousElementSibling
                  return el ? el.id : null }"""
    )
    where = f"[{language.locale}] {FAQ_PAGE}#{question}"
    assert not message_problems(href, where, destination(), [f"#{question}", language.name], ""), href
    icon = phone.evaluate(PAGE_ICON)
    phone.activity.clear()
    link.click()
    assert other_hosts(phone.activity.requests, base_url) == [], f"{where}: requests to other hosts"
    # Chromium hands the mailto: address to the system's mail program: that, and nothing else but
    # the page's icon, which the browser asks for on its own once the page has loaded, at a moment
    # of its choosing (it fell in the click's now and then)
    made = [url for url in phone.activity.requests if url != icon]
    assert made == [href], f"{where}: the click made requests {made}"
