"""Each hook that reads Material's HTML, the built site or another plugin's data matches it
tolerantly, and raises an error naming the file and what it expected when it is not there,
rather than silently doing nothing."""

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from .hooks import load_hook

POLICY = {"security": {"content_security_policy": {"script-src": "'self'"}}}


def i18n_config(current="es", site_dir="site"):
    """Just enough of MkDocs' config for the hooks that ask which language is being built."""
    languages = [SimpleNamespace(locale="fr", default=True, build=True),
                 SimpleNamespace(locale=current, default=False, build=True)]
    plugin = SimpleNamespace(current_language=current, config=SimpleNamespace(languages=languages))
    return SimpleNamespace(plugins={"i18n": plugin}, site_dir=str(site_dir), extra=POLICY)


def test_alternate_links_replaces_material_links_however_written_and_raises_without_any():
    hook = load_hook("alternate_links")
    html = "<head>\n<link hreflang=es rel='alternate' href=../es/>\n<link rel=\"alternate\" href=\"./\" hreflang=\"fr\">\n</head>"
    assert hook.replace_alternates(html, "<ours>", "faq.md") == "<head>\n<ours></head>"
    with pytest.raises(PluginError, match=r"alternate_links.py: no <link rel=alternate hreflang> in the HTML of faq.md"):
        hook.replace_alternates("<head></head>", "<ours>", "faq.md")


ARTICLE = "<article class='md-typeset md-content__inner'><p>Texte</p></article>"


def test_the_policy_goes_after_any_spelling_of_meta_charset_and_a_page_without_one_raises():
    hook = load_hook("content_security_policy")
    config = SimpleNamespace(extra=POLICY)
    assert hook.with_policy(f"<META CHARSET=UTF-8>{ARTICLE}", config, "faq.md").startswith(
        '<META CHARSET=UTF-8>\n<meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
    )
    with pytest.raises(PluginError, match=r"content_security_policy.py: no <meta charset=utf-8> in the HTML of faq.md"):
        hook.with_policy(f"<head>{ARTICLE}", config, "faq.md")


def test_the_policy_hashes_the_scripts_around_material_article_only_and_a_page_without_it_raises():
    """However Material writes its article's class; the content's scripts, even one that ends the
    article early or never ends, are left out."""
    hook = load_hook("content_security_policy")
    config = SimpleNamespace(extra=POLICY)
    head, foot = "<meta charset=utf-8><script>head()</script>", "<script>foot()</script>"
    content = "<script>content()</script></article><script>early()</script><script>unclosed()"
    page = head + ARTICLE.replace("<p>Texte</p>", content) + foot
    policy = hook.META.search(hook.with_policy(page, config, "faq.md")).group(1)
    assert policy == f"script-src 'self' {' '.join(hook.script_hashes(head + foot))}", policy
    for shape in [head + foot, head + "<article class=md-content>" + content + foot, head + ARTICLE[:-10] + foot]:
        with pytest.raises(PluginError, match=r'content_security_policy.py: no <article class="md-content__inner"> with its </article> in the HTML of faq.md'):
            hook.with_policy(shape, config, "faq.md")


def test_permalink_titles_raise_when_the_toc_placeholder_is_missing_or_unset():
    hook = load_hook("localized_permalinks")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="fr/faq.md"))
    config = SimpleNamespace(extra={"permalink_title": "Lien"}, mdx_configs={"toc": {"permalink_title": "Permanent link"}})
    good = '<a class="headerlink" href="#a" title="Permanent link">¶</a>'
    assert 'title="Lien"' in hook.on_page_content(good, page=page, config=config, files=None)
    changed = '<a class="headerlink" href="#a" title="Lien permanent">¶</a>'
    with pytest.raises(PluginError, match=r"fr/faq.md has 1 permalinks but not each with"):
        hook.on_page_content(changed, page=page, config=config, files=None)
    config.mdx_configs = {}
    with pytest.raises(PluginError, match="set markdown_extensions.toc.permalink_title"):
        hook.on_page_content(good, page=page, config=config, files=None)


def test_purge_css_raises_when_material_stylesheets_are_not_where_it_looks(tmp_path):
    hook = load_hook("purge_css")
    outer = SimpleNamespace(site_dir=str(tmp_path), plugins={"i18n": SimpleNamespace(building=False)})
    with pytest.raises(PluginError, match=r"purge_css.py: no assets/stylesheets/main.\*.min.css in the built site"):
        hook.on_post_build(config=outer)
    # In mkdocs-static-i18n's inner builds it leaves the site alone: the outer one purges, last.
    inner = SimpleNamespace(site_dir=str(tmp_path), plugins={"i18n": SimpleNamespace(building=True)})
    hook.on_post_build(config=inner)


def test_folder_sitemaps_raise_without_a_sitemap_or_without_pages_under_site_url(tmp_path):
    hook = load_hook("folder_sitemaps")
    with pytest.raises(PluginError, match="folder_sitemaps.py: no sitemap.xml in the built site"):
        hook.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path), site_url="https://x.example/"))
    sitemap = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://elsewhere/</loc></url></urlset>'
    with pytest.raises(PluginError, match=r"no page under https://x.example/ in sitemap.xml"):
        hook.folder_sitemaps(sitemap, "https://x.example/")


def test_search_per_language_raises_on_an_entry_without_location():
    hook = load_hook("search_per_language")
    with pytest.raises(PluginError, match=r"search_per_language.py: a search entry without a location \(\['text', 'title'\]\)"):
        hook.split_by_language([{"title": "t", "text": "x"}], ["fr", "es"], "fr")


def test_localized_404_raises_on_an_empty_page_of_another_language(tmp_path):
    hook = load_hook("localized_404")
    with pytest.raises(PluginError, match="localized_404.py: empty 404 page for es"):
        hook.on_post_template("  ", template_name="404.html", config=i18n_config("es", tmp_path))


def test_hooks_raise_when_mkdocs_yml_has_no_i18n_plugin():
    project = load_hook("project")
    with pytest.raises(PluginError, match=r"mkdocs.yml has no i18n plugin"):
        project.built_locales(SimpleNamespace(plugins={}))
