"""A strict Content-Security-Policy on every page, and a `_headers` file for static hosts.

Inline scripts (Material's palette and storage helpers, ours) run because their sha256 hashes,
computed here from the built HTML, are in `script-src`; nothing else inline can run, so a
template change that adds a script changes the policy with it. The policy is written as a
<meta> right after <meta charset>, before any script.

Only the templates' scripts are hashed, never the page's content: what lies inside Material's
`<article class="md-content__inner">`, from its opening tag to the page's last `</article>`
(nothing the content writes can come after it), is left out. A script that reached a page's
text (overrides/hooks/content_safety.py refuses it) is thus blocked, not allowed by its hash. A
template's script inside that article (Material's comments partial, were it enabled) would be
blocked too: templates write their scripts outside it. A page without that article stops the
build, naming it.

`_headers` (Netlify, Cloudflare Pages) repeats the policy with what only a header can carry:
frame-ancestors, HSTS and the like. The policy itself lives in mkdocs.yml under
`extra.security`.

Under `mkdocs serve` the same policy holds, so that a preview shows what a deployment will do;
the one script the dev server adds to each page as it serves it (live reload, which differs on
every response) is allowed by its own hash, added to that response's policy (on_serve).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
# A data block (JSON) is never executed, so it needs no hash.
DATA_BLOCK = re.compile(r"\btype=[\"']?(?!text/javascript|module)[^\"'\s>]+", re.I)
# Material's <meta charset>, however written: the policy goes right after it, before any script.
CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# Material's article, around the page's content; its class, however written, among others.
ARTICLE = re.compile(r"<article\b[^>]*\bclass=[\"']?[^\"'>]*\bmd-content__inner\b[^>]*>", re.I)
ARTICLE_END = re.compile(r"</article\s*>", re.I)


def script_hashes(html: str) -> list[str]:
    """The CSP source expression of each executable inline script, in page order."""
    hashes = []
    for attributes, body in INLINE_SCRIPT.findall(html):
        if not DATA_BLOCK.search(attributes):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(hashes))


def template_part(html: str, where: str) -> str:
    """The page less its content: what comes before Material's article, and after the page's
    last </article> (the article's own end, or later than it)."""
    start = ARTICLE.search(html)
    ends = list(ARTICLE_END.finditer(html, start.end())) if start else []
    if not ends:
        raise PluginError(
            f"overrides/hooks/content_security_policy.py: no <article class=\"md-content__inner\"> "
            f"with its </article> in the HTML of {where}, to tell the page's content (never "
            f"allowed to run script) from its templates' scripts; has Material changed its layout?"
        )
    return html[: start.start()] + html[ends[-1].end() :]


def policy(directives: dict[str, str], hashes: list[str]) -> str:
    """The policy text: the configured directives, with the hashes added to script-src."""
    parts = dict(directives)
    parts["script-src"] = " ".join([parts.get("script-src", "'self'"), *hashes])
    return "; ".join(f"{name} {value}".strip() for name, value in parts.items())


def with_policy(html: str, config: MkDocsConfig, where: str) -> str:
    charset = CHARSET.search(html)
    if charset is None:
        raise PluginError(
            f"overrides/hooks/content_security_policy.py: no <meta charset=utf-8> in the HTML of "
            f"{where} to put the Content-Security-Policy after; has Material changed its head?"
        )
    hashes = script_hashes(template_part(html, where))
    content = policy(config.extra["security"]["content_security_policy"], hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return html[: charset.end()] + "\n" + meta + html[charset.end() :]


@event_priority(-100)  # last, once every hook and plugin (the minifier) has written the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
    return with_policy(output, config, page.file.src_uri)


@event_priority(-40)  # likewise, but before localized_404.py (-50) moves a 404 into its folder
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig, **kwargs) -> str:
    if not template_name.endswith(".html") or not output_content.strip():
        return output_content
    return with_policy(output_content, config, template_name)


def with_scripts_allowed(before: str, after: str) -> str:
    """after, a page that is before plus inline scripts, with their hashes added to its policy."""
    added = [digest for digest in script_hashes(after) if digest not in script_hashes(before)]
    if not added:
        return after
    return META.sub(
        lambda meta: meta.group(0).replace("script-src ", f"script-src {' '.join(added)} ", 1),
        after,
        count=1,
    )


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder, **kwargs) -> LiveReloadServer:
    """Let the live-reload script that `mkdocs serve` injects into each page run, by its hash."""
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:
        raise PluginError(
            "overrides/hooks/content_security_policy.py: MkDocs' live-reload server has no "
            "_inject_js_into_html any more; the policy would block its script: adapt on_serve"
        )

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        before = content.decode("utf-8")
        return with_scripts_allowed(before, inject(content, epoch).decode("utf-8")).encode("utf-8")

    server._inject_js_into_html = inject_allowed
    return server


def headers_file(site_dir: Path, security: dict) -> str:
    """`_headers` for the whole site: every page's policy, in one, plus the header-only ones."""
    hashes = []
    for page in sorted(site_dir.glob("**/*.html")):
        for found in META.findall(page.read_text(encoding="utf-8")):
            hashes += re.findall(r"'sha256-[^']+'", found)
    content = policy(security["content_security_policy"], list(dict.fromkeys(hashes)))
    lines = ["/*", f"  Content-Security-Policy: {content}; {security['header_only_policy']}"]
    lines += [f"  {name}: {value}" for name, value in security["headers"].items()]
    return "\n".join(lines) + "\n"


# After mkdocs-static-i18n (-100) has built every language, so that all their pages count.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig, **kwargs) -> None:
    site_dir = Path(config.site_dir)
    (site_dir / "_headers").write_text(headers_file(site_dir, config.extra["security"]), encoding="utf-8")
