"""axe-core (bundled by axe-playwright-python) run on a Playwright page, WCAG 2.2 A and AA."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_AXE = Axe()


def violations(page) -> list[str]:
    """Each violated rule on the page once its transitions end, with the elements that break it."""
    # Mid-fade text is half its colour: axe would report a contrast that no reader sees for long.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    # axe-core is injected once per document (Axe.run would inject its 570 KB on every call)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_AXE.axe_script)
    options = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}
    found = page.evaluate("options => axe.run(options).then(results => results.violations)", options)
    return [
        f"{rule['id']} ({rule['impact']}): {[node['target'] for node in rule['nodes']][:5]}"
        for rule in found
    ]
