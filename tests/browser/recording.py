"""What a page does while a test drives it: console errors, requests, and failed requests."""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from checks.browser import PHONE
from checks.first_load import first_load


@dataclass
class Activity:
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    # Loads the browser dropped because the page navigated away (a redirect script): no failure
    aborted_requests: list[str] = field(default_factory=list)
    # What the Content-Security-Policy blocked: "directive blocked-uri"
    csp_violations: list[str] = field(default_factory=list)
    # Requests that got their whole response, or failed: no longer in flight
    answered: list[str] = field(default_factory=list)

    def clear(self) -> None:
        """Forget what was recorded so far (a page reused by another test)."""
        for recorded in vars(self).values():
            recorded.clear()


# Reports each Content-Security-Policy violation on the console, where record() picks it up.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.warn("securitypolicyviolation: " + event.effectiveDirective + " " + event.blockedURI)
})
"""
CSP_PREFIX = "securitypolicyviolation: "


def console_message(seen: Activity, message) -> None:
    if message.text.startswith(CSP_PREFIX):
        seen.csp_violations.append(message.text.removeprefix(CSP_PREFIX))
    elif message.type == "error":
        # "Failed to load resource: … 404" says which resource only in its location
        url = (message.location or {}).get("url")
        seen.console_errors.append(f"{message.text} ({url})" if url and url not in message.text else message.text)


def request_failed(seen: Activity, request) -> None:
    aborted = request.failure == "net::ERR_ABORTED"
    (seen.aborted_requests if aborted else seen.failed_requests).append(request.url)


def record(page) -> Activity:
    """Start recording a Playwright page's activity; the returned lists fill as it runs."""
    seen = Activity()
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    page.on("console", lambda message: console_message(seen, message))
    page.on("pageerror", lambda error: seen.console_errors.append(str(error)))
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("requestfailed", lambda request: request_failed(seen, request))
    page.on("requestfinished", lambda request: seen.answered.append(request.url))
    page.on("requestfailed", lambda request: seen.answered.append(request.url))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and seen.failed_requests.append(f"{response.status} {response.url}")
        ),
    )
    return seen


def site_files(urls, base_url) -> set[str]:
    """The site's files these URLs fetch, as paths in the build: "faq/#x" -> "faq/index.html"
    (a URL off the site stays whole)."""
    paths = {url.removeprefix(base_url).split("#")[0].split("?")[0] for url in urls}
    return {path + "index.html" if path == "" or path.endswith("/") else path for path in paths}


def first_load_files(site_dir: Path, path: str) -> set[str]:
    """What checks/first_load.py says the first load of the page at `path` fetches, as site_files."""
    return {file.relative_to(site_dir).as_posix() for _, file in first_load(site_dir, path)}


def wait_for_answers(page, seen: Activity, base_url: str, files: set[str], timeout_ms=10_000) -> set[str]:
    """Wait until each of the site's files has been fetched and answered, and no other request
    is in flight; returns the files still unanswered after timeout_ms, for the test to name.
    (A request that fails ends in no "requestfinished": the wait then runs to its timeout.)"""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    def missing() -> set[str]:
        return files - site_files(seen.answered, base_url)

    def in_flight() -> int:
        return len(seen.requests) - len(seen.answered)

    # Each finished request wakes the loop up; the recorder, listening first, has counted it.
    while missing() or in_flight():
        try:
            page.wait_for_event("requestfinished", timeout=timeout_ms)
        except PlaywrightTimeoutError:
            break
    return missing()


@dataclass
class Visit:
    activity: Activity
    unanswered: set[str]  # files of its first load that never got an answer


# The icon the browser fetches once the page has loaded: the page's own, else /favicon.ico.
PAGE_ICON = """() => (document.querySelector("link[rel~=icon]") || {href: new URL("/favicon.ico", location).href}).href"""


def first_visit(browser, base_url: str, site_dir: Path, path: str) -> Visit:
    """A page's first load in a fresh phone-sized browser, recorded until its load event, the
    answer to its icon (the browser asks for it after the load event) and to everything
    checks/first_load.py says that load fetches (sitemaps may answer after the load event), with
    nothing left in flight."""
    context = browser.new_context(viewport=PHONE, base_url=base_url)
    page = context.new_page()
    seen = record(page)
    page.goto(path)
    expected = first_load_files(site_dir, path) | site_files([page.evaluate(PAGE_ICON)], base_url)
    unanswered = wait_for_answers(page, seen, base_url, expected)
    context.close()
    return Visit(seen, unanswered)


def other_hosts(urls, base_url):
    """The hosts, other than the site's own, that these URLs reach (data: URLs reach none)."""
    return sorted({urlsplit(url).netloc for url in urls} - {urlsplit(base_url).netloc, ""})
