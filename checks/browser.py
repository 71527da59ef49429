"""Debian's Chromium, the one way the browser tests and the benchmarks start it: its path from
one setting (the CHROMIUM environment variable, default /usr/bin/chromium), the flags it runs
with, and the phone viewport every reader test uses. Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import CDPSession

DEFAULT_CHROMIUM = "/usr/bin/chromium"
# As root, headless, with nothing reaching out to the network on its own.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A phone in portrait, the size our readers mostly have.
PHONE = {"width": 390, "height": 844}
# How much faster CSS transitions and animations run under fast_forward_transitions().
PLAYBACK_RATE = 100


def chromium() -> Path:
    """The Chromium binary: $CHROMIUM, else Debian's. Read when called, so a test can set it."""
    return Path(os.environ.get("CHROMIUM", DEFAULT_CHROMIUM))


def chromium_unavailable() -> str | None:
    """Why a browser cannot be launched here, or None when it can."""
    if not chromium().is_file():
        return f"no Chromium at {chromium()} (apt-get install chromium, or set CHROMIUM)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -r requirements.txt)"
    return None


def launch(playwright):
    """Chromium launched through a started Playwright (`sync_playwright()`), with FLAGS."""
    return playwright.chromium.launch(executable_path=str(chromium()), args=FLAGS)


def fast_forward_transitions(page, devtools: CDPSession | None = None) -> CDPSession:
    """Run a Playwright page's CSS transitions and animations PLAYBACK_RATE times faster, through
    Chromium's DevTools protocol (on a new DevTools session, or the one given); returns that
    session. It holds across the page's navigations, until another DevTools session is opened on
    the page (that resets it): send any other command through this one. Where transitions end is
    unchanged: for checks of end states, not for timing what a reader waits for. Material's
    language menu takes 0.8 s to close and its search 0.5 s to open; Playwright waits for both
    before it can point at what lies under them."""
    session = devtools or page.context.new_cdp_session(page)
    session.send("Animation.enable")
    session.send("Animation.setPlaybackRate", {"playbackRate": PLAYBACK_RATE})
    return session
