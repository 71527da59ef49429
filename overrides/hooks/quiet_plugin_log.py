"""The editor's terminal says what the editor needs: mkdocs-static-i18n's account of its own
work (each language's build folder, and every setting it copies into each language, the whole
`extra` included: a screenful at every rebuild of `mkdocs serve`) waits for `-v`; what it warns
of, and MkDocs' own lines, still show. The slips that our hooks report are warnings, and they
no longer scroll away under it.

Only the plugin's logger is touched (Python's logging, by the name MkDocs gives every plugin's
logger: mkdocs.plugins.<package>), never the plugin itself.
"""

from __future__ import annotations

import logging

I18N_LOG = "mkdocs.plugins.mkdocs_static_i18n"


def on_startup(command: str, dirty: bool) -> None:
    """`-v` (MkDocs has set its logger to DEBUG by now): the plugin says everything; otherwise
    only its warnings and errors, and under `-q` (ERROR) only its errors, as before: the level
    is only ever raised."""
    level = logging.getLogger("mkdocs").getEffectiveLevel()
    logging.getLogger(I18N_LOG).setLevel(logging.NOTSET if level <= logging.DEBUG else max(logging.WARNING, level))
