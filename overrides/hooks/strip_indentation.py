"""Strip the indentation Material's templates leave at the start of every line of HTML.

About 15% of a page's bytes, 6% once gzipped (some 400 bytes a page): the first load of each
page must stay under 80 KiB. A line break stays where the indentation was, so text renders
the same; <pre>, <textarea>, <script> and <style> are left exactly as they are.
"""

import re

VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
INDENTATION = re.compile(r"\n[ \t]+")


def strip_indentation(html: str) -> str:
    parts = VERBATIM.split(html)
    # split() yields: text, verbatim block, its tag name, text, ...
    return "".join(
        INDENTATION.sub("\n", part) if n % 3 == 0 else part if n % 3 == 1 else ""
        for n, part in enumerate(parts)
    )


def on_post_page(output, page, config):
    return strip_indentation(output)


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return strip_indentation(output_content)
