"""overrides/hooks/template_cache.py: builds reuse compiled templates, never a stale one."""

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader

from .hooks import load_hook


def rendered_by_a_new_build(folder) -> str:
    """page.html rendered as a new build renders it: a new environment, the hook applied."""
    env = load_hook("template_cache").on_env(Environment(loader=FileSystemLoader(folder)), None, None)
    return env.get_template("page.html").render(word="kept")


def test_builds_share_compiled_templates_and_an_edited_template_is_compiled_again(tmp_path):
    template = tmp_path / "page.html"
    template.write_text("before: {{ word }}", encoding="utf-8")
    env = load_hook("template_cache").on_env(Environment(loader=FileSystemLoader(tmp_path)), None, None)
    assert isinstance(env.bytecode_cache, FileSystemBytecodeCache), "the hook set no bytecode cache"
    assert rendered_by_a_new_build(tmp_path) == "before: kept"
    bucket = env.bytecode_cache.get_bucket(env, "page.html", str(template), template.read_text())
    assert bucket.code is not None, "the first build left its compiled template in no cache"
    template.write_text("after: {{ word }}", encoding="utf-8")
    assert rendered_by_a_new_build(tmp_path) == "after: kept", "a build served a stale compiled template"
