"""One page for many tests, made fresh for each: a new page costs Chromium a renderer process,
about 0.4 s of CPU each, and most browser tests need nothing of a new page but its blank state.
Used by the phone, the tours (conftest.py) and the editor (test_editing.py).

What a fresh page does not undo is left to the tests, as rules: one that adds a listener removes
it, one that opens another page closes it (the phone fixture checks that one), none adds an init
script (Playwright cannot remove one) and none goes back in its history (a new page has none)."""

from checks.browser import fast_forward_transitions

from .recording import record


class ReusedPage:
    """A context's one page, made again only if a test closed it. Its transitions run
    fast-forward (the tests judge where they end, none how they move); page.activity records
    what it does; page.devtools is its DevTools session (open no other: that would undo the
    fast-forward)."""

    def __init__(self, context):
        self.context = context
        self.page = None
        self.viewport = None  # the context's, read from its first page

    def fresh(self):
        """The page as a new one would be: at rest, its context's viewport and the light colour
        scheme (Playwright's defaults), no route, nothing stored by the site, nothing cached,
        nothing recorded yet."""
        if self.page is None or self.page.is_closed():
            self.page = self.context.new_page()
            self.page.devtools = fast_forward_transitions(self.page)
            self.page.activity = record(self.page)
            self.viewport = self.page.viewport_size
        page = self.page
        page.unroute_all()
        rest(page)
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear() }")
        page.context.clear_cookies()
        page.devtools.send("Network.clearBrowserCache")
        page.set_viewport_size(self.viewport)
        page.emulate_media(color_scheme="light")
        page.activity.clear()
        return page


def rest(page) -> None:
    """Leave the page's document for the site's robots.txt: a new document of the site's own
    origin, where the site's storage can be emptied, and where nothing of the last one runs."""
    page.goto("robots.txt")


def fresh_document(page, path: str) -> None:
    """Load path in a new document of the same page, through rest(): a path that differs only by
    its #fragment would otherwise stay in the same document."""
    rest(page)
    page.goto(path)
