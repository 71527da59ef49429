"""What a page does while a test drives it: console errors, requests, and failed requests."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Activity:
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    # Loads the browser dropped because the page navigated away (a redirect script): no failure
    aborted_requests: list[str] = field(default_factory=list)
    # What the Content-Security-Policy blocked: "directive blocked-uri"
    csp_violations: list[str] = field(default_factory=list)


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
        seen.console_errors.append(message.text)


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
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and seen.failed_requests.append(f"{response.status} {response.url}")
        ),
    )
    return seen


def other_hosts(urls, base_url):
    """The hosts, other than the site's own, that these URLs reach (data: URLs reach none)."""
    return sorted({urlsplit(url).netloc for url in urls} - {urlsplit(base_url).netloc, ""})
