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


def request_failed(seen: Activity, request) -> None:
    aborted = request.failure == "net::ERR_ABORTED"
    (seen.aborted_requests if aborted else seen.failed_requests).append(request.url)


def record(page) -> Activity:
    """Start recording a Playwright page's activity; the returned lists fill as it runs."""
    seen = Activity()
    page.on("console", lambda msg: msg.type == "error" and seen.console_errors.append(msg.text))
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
