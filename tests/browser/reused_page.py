"""One page for many tests, made fresh for each: a new page costs Chromium a renderer process,
about 0.4 s of CPU each, and most browser tests need nothing of a new page but its blank state.
Used by the phone, the tours (conftest.py) and the editor (test_editing.py)."""

from checks.browser import fast_forward_transitions

from .recording import record


def reusable_page(context):
    """A page to serve many tests, each after fresh_page() (a tenth of a new page's cost). Its
    transitions run fast-forward (the tests judge where they end, none how they move);
    page.activity records what it does."""
    page = context.new_page()
    page.devtools = fast_forward_transitions(page)
    page.activity = record(page)
    return page


def fresh_page(page, base_url: str):
    """The page as a new one would be: the light colour scheme, nothing stored by the site,
    nothing cached, nothing recorded yet. Between uses it rests on the site's robots.txt: a
    document of the site's own origin, where the site's storage can be emptied."""
    page.goto(base_url + "robots.txt")
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear() }")
    page.context.clear_cookies()
    page.devtools.send("Network.clearBrowserCache")
    page.emulate_media(color_scheme="light")  # Playwright's default
    fast_forward_transitions(page, page.devtools)  # robots.txt, a text file, undid it
    page.activity.clear()
    return page
