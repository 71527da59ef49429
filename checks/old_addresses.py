"""The old addresses of sections renamed or moved (translations/old_addresses.yml), each with
where its section is now: written by `python -m commands.rename`, read by
overrides/hooks/old_addresses.py, which makes each old address land on its section.

One entry per old address, `faq.md#refund: negotiate.md#money-back`, always to where the section
is now: a section renamed twice has both its old addresses sent straight to the last (a chain
collapses). An old address that a rename makes a section's address again is dropped: the section
standing there now wins. One that an editor gives back to a section by hand stops the build.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from checks.markdown_links import Moves

OLD_ADDRESSES = Path("translations") / "old_addresses.yml"  # from the project's folder
HEADER = (
    "# The old addresses of sections renamed or moved, each with where its section is now: a\n"
    "# reader following an old link lands there (overrides/hooks/old_addresses.py). Written by\n"
    "# `python -m commands.rename`; remove an entry only when no link to it is left anywhere.\n"
)


def load_addresses(path: Path) -> dict[str, str]:
    """{"faq.md#refund": "negotiate.md#money-back"}; {} without the file."""
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def addresses_text(addresses: dict[str, str]) -> str:
    body = yaml.safe_dump(dict(sorted(addresses.items())), allow_unicode=True, width=100) if addresses else "{}\n"
    return HEADER + body


def recorded(addresses: dict[str, str], moves: Moves) -> tuple[dict[str, str], dict[str, str]]:
    """(the addresses with these moves recorded, the entries dropped): every entry leading to a
    moved section now leads where it went, each moved section's old address leads there too, and
    an old address that is a section's address again is dropped."""
    where = {f"{page}#{section}": f"{to_page}#{to_section}" for (page, section), (to_page, to_section) in moves.items()}
    new = {old: where.get(now, now) for old, now in addresses.items()}
    new.update({old: now for old, now in where.items() if old != now})
    live = set(where.values())
    dropped = {old: now for old, now in new.items() if old in live or old == now}
    return {old: now for old, now in new.items() if old not in dropped}, dropped
