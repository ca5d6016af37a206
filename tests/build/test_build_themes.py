"""A site's own templates and assets override the default theme's one file at a time."""

from __future__ import annotations

import re

import lxml.html
from sitecheck import asset_file, broken_links, build, html_files, page, text_of
from sites import small_files

ENTRY_OVERRIDE = """{% extends "base.html" %}
{% block main %}
<article class="entry custom-entry"><h1>{{ entry.title }}</h1><p class="custom">Custom entry page</p>
{{ entry.body_html | safe }}</article>
{% endblock %}
"""

LIST_ONLY = """<!doctype html>
<html lang="{{ site.language }}"><head><meta charset="utf-8"><title>{{ site.title }}</title></head>
<body><main id="main"><h1 class="mine">Mine: {{ count }} briefings</h1>
{% for group in groups %}{% for item in group.cards %}<a href="{{ url(item.url) }}">{{ item.title }}</a>
{% endfor %}{% endfor %}</main></body></html>
"""


def test_a_site_template_overrides_only_that_template_of_the_default_theme(site, small):
    root = site({**small_files(), "themes/default/templates/entry.html": ENTRY_OVERRIDE})
    build(root)
    public = root / "public"
    entry = page(public, "briefings/alpha/")
    assert text_of(entry.xpath("//p[@class='custom']")[0]) == "Custom entry page"
    assert text_of(entry.xpath("//h1")[0]) == "Alpha: S-400 deliveries begin"
    assert entry.xpath("//header[contains(@class,'masthead')]"), "base.html still comes from the default"
    # Every other page is exactly what the default theme makes.
    for file in html_files(public):
        name = file.relative_to(public).as_posix()
        if not name.startswith("briefings/"):
            assert file.read_bytes() == (small.public / name).read_bytes(), name
    assert broken_links(public, "http://localhost:8000/") == []


def test_a_theme_named_in_the_config_falls_back_to_the_default_for_what_it_lacks(site):
    root = site(
        {
            **small_files(),
            "briefing.toml": 'title = "Small Digest"\ntheme = "mine"\n',
            "themes/mine/templates/list.html": LIST_ONLY,
            "themes/mine/static/assets/briefing.css": "body { color: rebeccapurple; }\n",
        }
    )
    build(root)
    public = root / "public"
    front = page(public, "")
    assert text_of(front.xpath("//h1[@class='mine']")[0]) == "Mine: 4 briefings"
    assert [a.get("href") for a in front.xpath("//main/a")] == [
        "briefings/delta/",
        "briefings/bravo/",
        "briefings/charlie/",
        "briefings/alpha/",
    ]
    entry = page(public, "briefings/alpha/")
    assert entry.xpath("//article[contains(@class,'entry')]"), "entry.html comes from the default"
    assert asset_file(public, "assets/briefing.css").read_text() == "body { color: rebeccapurple; }\n"
    assert broken_links(public, "http://localhost:8000/") == []


def test_a_theme_can_add_its_own_static_files_next_to_the_defaults(site):
    root = site(
        {
            **small_files(),
            "briefing.toml": 'theme = "mine"\n',
            "themes/mine/static/assets/extra.js": "console.log('hi');\n",
        }
    )
    build(root)
    assert asset_file(root / "public", "assets/extra.js").is_file()
    assert asset_file(root / "public", "assets/briefing.css").stat().st_size > 100, (
        "the default stylesheet is kept"
    )


def test_the_default_theme_is_used_when_the_config_names_none(small):
    front = page(small.public, "")
    assert text_of(front.xpath("//a[@class='brand']")[0]) == "Small Digest"
    assert asset_file(small.public, "assets/briefing.css").is_file()


def test_default_theme_pages_are_for_phones_load_nothing_from_elsewhere_and_need_no_script(paged):
    for file in html_files(paged.public):
        name = file.relative_to(paged.public).as_posix()
        doc = lxml.html.fromstring(file.read_bytes())
        assert doc.xpath("//meta[@name='viewport']/@content"), f"{name}: no viewport"
        assert doc.get("lang") == "en", name
        loaded = doc.xpath(
            "//link[@rel='stylesheet' or @rel='icon' or @rel='preload']/@href"
            "|//script/@src|//img/@src|//iframe/@src|//source/@src"
        )
        elsewhere = [u for u in loaded if re.match(r"^([a-z]+:)?//", u, re.I)]
        assert elsewhere == [], f"{name} loads from elsewhere"
        if name != "search/index.html":
            # JSON-LD blocks are data for crawlers, not code.
            assert doc.xpath("//script[not(@type='application/ld+json')]") == [], f"{name} needs JavaScript"
    css = asset_file(paged.public, "assets/briefing.css").read_text()
    assert "prefers-color-scheme: dark" in css
    assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", css)
