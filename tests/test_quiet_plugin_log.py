"""The build's log, which an editor reads at every rebuild of `mkdocs serve`, carries MkDocs'
own lines and every warning, not mkdocs-static-i18n's account of its own work, which `-v`
still shows (overrides/hooks/quiet_plugin_log.py)."""

import logging

import pytest

from checks.site import PROJECT, build_site, copy_project

from .hooks import load_hook

HOOK_LINE = "  - overrides/hooks/quiet_plugin_log.py\n"
# What the plugin writes at every build, once per language or more
I18N_LINE = "mkdocs_static_i18n: "


def plugin_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if I18N_LINE in line]


def test_the_build_log_says_what_mkdocs_does_and_nothing_of_the_i18n_plugin_s_work(tmp_path):
    result = build_site(PROJECT, tmp_path / "site")
    assert result.returncode == 0, result.log
    assert "Documentation built in" in result.log, f"MkDocs' own lines are gone:\n{result.log}"
    assert plugin_lines(result.log) == [], (
        "mkdocs.yml: overrides/hooks/quiet_plugin_log.py no longer quiets the i18n plugin: "
        f"{[line[:120] for line in plugin_lines(result.log)[:3]]}"
    )


def test_broken_twin_without_the_hook_the_plugin_fills_the_log(tmp_path):
    project = copy_project(tmp_path / "project")
    yml = project / "mkdocs.yml"
    assert HOOK_LINE in yml.read_text(encoding="utf-8"), f"{yml}: the hook is not listed"
    yml.write_text(yml.read_text(encoding="utf-8").replace(HOOK_LINE, ""), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert plugin_lines(result.log), f"the plugin said nothing without the hook: the test above proves nothing\n{result.log}"


@pytest.fixture
def mkdocs_log_level():
    """Restores the loggers the hook and these tests touch."""
    loggers = [logging.getLogger(name) for name in ("mkdocs", load_hook("quiet_plugin_log").I18N_LOG)]
    levels = [logger.level for logger in loggers]
    yield loggers[0]
    for logger, level in zip(loggers, levels):
        logger.setLevel(level)


# MkDocs' level for each option (-v, none, -q), and what the plugin may then say
OPTIONS = {
    "-v": (logging.DEBUG, {logging.INFO: True, logging.WARNING: True}),
    "plain": (logging.INFO, {logging.INFO: False, logging.WARNING: True}),
    "-q": (logging.ERROR, {logging.WARNING: False, logging.ERROR: True}),
}


@pytest.mark.parametrize("option", OPTIONS)
def test_the_plugin_s_info_waits_for_verbose_its_warnings_show_unless_quiet(mkdocs_log_level, option):
    hook = load_hook("quiet_plugin_log")
    level, said = OPTIONS[option]
    mkdocs_log_level.setLevel(level)  # as MkDocs' -v and -q set it, before any event
    hook.on_startup(command="serve", dirty=False)
    module_log = logging.getLogger(f"{hook.I18N_LOG}.reconfigure")  # the plugin's modules log under it
    shown = {logging.getLevelName(at): module_log.isEnabledFor(at) for at in said}
    assert shown == {logging.getLevelName(at): yes for at, yes in said.items()}, f"mkdocs {option}: shown {shown}"
