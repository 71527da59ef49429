"""Whether a built site makes every old address of translations/old_addresses.yml land, in
every language (overrides/hooks/old_addresses.py): a section renamed on its page has an anchor
with its old id first in its heading; a page a section moved away from forwards its old id, by
the script overrides/main.html loads, to a relative URL that leads to the section."""

from __future__ import annotations

import json
from pathlib import Path

from checks.parity import HEADINGS
from checks.site import Language, built_page, heading_ids, internal_target, site_path, soup

FORWARD_SCRIPT = "assets/javascripts/old-addresses.js"


def forwards(site_dir: Path, language: Language, page: str) -> dict[str, str]:
    """The forwards a built page's old-addresses script is given: {old id: relative URL}."""
    for script in soup(built_page(site_dir, language, page)).find_all("script", src=True):
        if script["src"].endswith(FORWARD_SCRIPT) and script.has_attr("data-forwards"):
            return json.loads(script["data-forwards"])
    return {}


def landing_problems(site_dir: Path, languages: list[Language], addresses: dict[str, str]) -> list[str]:
    """One sentence per old address that does not land in some language, naming what is missing."""
    problems = []
    for language in languages:
        for old, new in addresses.items():
            (old_page, old_id), (new_page, new_id) = old.split("#"), new.split("#")
            where = f"[{language.locale}] {old} (now {new})"
            if new_id not in heading_ids(built_page(site_dir, language, new_page)):
                problems.append(f"{where}: no heading #{new_id} on the built {new_page}")
            elif old_page == new_page:
                anchor = soup(built_page(site_dir, language, old_page)).find(id=old_id)
                heading = anchor.parent if anchor is not None else None
                first = heading is not None and heading.find(True) is anchor
                if not (anchor is not None and anchor.name == "span" and heading.name in HEADINGS and first
                        and heading.get("id") == new_id):
                    problems.append(f"{where}: no anchor #{old_id} first in the heading #{new_id}: found {anchor}")
            else:
                url = forwards(site_dir, language, old_page).get(old_id)
                lands = url and internal_target(site_path(language, old_page), url)
                if lands != (site_path(language, new_page), new_id):
                    problems.append(f"{where}: {old_page} forwards #{old_id} to {url!r}, not to its new place")
    return problems
