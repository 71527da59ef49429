"""Serve a built site on 127.0.0.1 the way GitHub Pages does (root 404.html for any missing
path; --gzip compresses text; --per-folder-404 serves the nearest folder's 404.html instead).

    python -m commands.static_server site/ [--port 8001] [--gzip] [--per-folder-404]
"""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

from checks.static_server import serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site_dir", type=Path, help="a built site, e.g. site/")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument(
        "--per-folder-404", action="store_true", help="nearest 404.html, not the root one"
    )
    parser.add_argument("--gzip", action="store_true", help="gzip text responses, as GitHub Pages does")
    args = parser.parse_args(argv)
    with serve(args.site_dir, args.port, args.per_folder_404, gzip=args.gzip) as url:
        print(f"Serving {args.site_dir} at {url}{' (gzip)' if args.gzip else ''} (Ctrl+C to stop)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
