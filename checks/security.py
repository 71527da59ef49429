"""Checks of the built site's Content-Security-Policy and `_headers`, independent of the hook
that writes them (overrides/hooks/content_security_policy.py): they recompute every hash."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from bs4 import BeautifulSoup

# What every policy must lock down, and how (issue 7).
REQUIRED = {
    "default-src": "'none'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "img-src": "'self' data:",
    "worker-src": "'self'",
    "connect-src": "'self'",
}
EXECUTABLE_TYPES = ("", "text/javascript", "module", "application/javascript")


def parse_policy(text: str) -> dict[str, list[str]]:
    directives = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        name, *values = part.split()
        directives[name] = values
    return directives


def inline_script_hashes(html: BeautifulSoup) -> list[str]:
    """The CSP source of every executable inline script, recomputed from the parsed page."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(script.string.encode("utf-8")).digest()).decode() + "'"
        for script in html.find_all("script", src=False)
        if script.get("type", "") in EXECUTABLE_TYPES and script.string
    ]


def policy_problems(html: BeautifulSoup, where: str) -> list[str]:
    """The page's CSP <meta>: before any script, strict, and allowing exactly its inline scripts."""
    metas = html.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    if len(metas) != 1:
        return [f"{where}: {len(metas)} Content-Security-Policy <meta>, expected 1"]
    order = html.find_all(["meta", "script"])
    scripts = [order.index(tag) for tag in html.find_all("script")]
    if scripts and min(scripts) < order.index(metas[0]):
        return [f"{where}: a script comes before the Content-Security-Policy <meta>"]
    policy = parse_policy(metas[0]["content"])
    problems = [
        f"{where}: {name} is {' '.join(policy.get(name, ['(missing)']))!r}, expected {value!r}"
        for name, value in REQUIRED.items()
        if " ".join(policy.get(name, [])) != value
    ]
    script_src = policy.get("script-src", [])
    problems += [f"{where}: script-src allows {bad}" for bad in ("'unsafe-inline'", "'unsafe-eval'") if bad in script_src]
    problems += [f"{where}: inline script {h} is not in script-src" for h in inline_script_hashes(html) if h not in script_src]
    return problems


def headers_problems(headers_file: Path, page_hashes: set[str]) -> list[str]:
    """`_headers`: the same policy for every page, plus frame-ancestors and the other headers."""
    if not headers_file.is_file():
        return [f"no {headers_file.name} in the built site"]
    text = headers_file.read_text(encoding="utf-8")
    headers = dict(re.findall(r"^\s+([\w-]+):\s*(.+)$", text, re.M))
    problems = [] if text.startswith("/*\n") else ["_headers does not apply to every path (/*)"]
    policy = parse_policy(headers.get("Content-Security-Policy", ""))
    problems += [
        f"_headers: {name} is {' '.join(policy.get(name, ['(missing)']))!r}, expected {value!r}"
        for name, value in {**REQUIRED, "frame-ancestors": "'none'"}.items()
        if " ".join(policy.get(name, [])) != value
    ]
    problems += [f"_headers: script-src lacks {h}" for h in sorted(page_hashes - set(policy.get("script-src", [])))]
    max_age = re.search(r"max-age=(\d+)", headers.get("Strict-Transport-Security", ""))
    if not max_age or int(max_age.group(1)) < 31536000:
        problems.append("_headers: Strict-Transport-Security missing or under a year")
    if headers.get("X-Content-Type-Options") != "nosniff":
        problems.append("_headers: X-Content-Type-Options is not nosniff")
    problems += [f"_headers: no {name}" for name in ("Referrer-Policy", "Permissions-Policy") if name not in headers]
    return problems
