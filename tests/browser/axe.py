"""axe-core (bundled by axe-playwright-python) run on a Playwright page, WCAG 2.2 A and AA."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_AXE = Axe()
# How much faster CSS transitions and animations run under fast_forward_transitions().
PLAYBACK_RATE = 100


def fast_forward_transitions(page) -> None:
    """Run the page's CSS transitions and animations PLAYBACK_RATE times faster, through
    Chromium's DevTools protocol (it holds across the page's navigations). Where they end is
    unchanged, and violations() judges only that: Material's language menu takes 0.8 s to close
    and its search 0.5 s to open, which is time spent waiting, not checking."""
    session = page.context.new_cdp_session(page)
    session.send("Animation.enable")
    session.send("Animation.setPlaybackRate", {"playbackRate": PLAYBACK_RATE})


def violations(page) -> list[str]:
    """Each violated rule on the page once its transitions end, with the elements that break it."""
    # Mid-fade text is half its colour: axe would report a contrast that no reader sees for long.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    options = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}
    found = _AXE.run(page, options=options).response["violations"]
    return [
        f"{rule['id']} ({rule['impact']}): {[node['target'] for node in rule['nodes']][:5]}"
        for rule in found
    ]
