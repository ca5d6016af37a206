"""Hostile text in titles, summaries, captions, tags and bodies reaches readers as text, never as markup."""

from __future__ import annotations

import json
import re
import shutil

import feedparser
import lxml.html
import pytest
from lxml import etree
from shared_support import json_strings
from sitecheck import build, entry_md, html_files, indexed_pages, page, text_of
from sites import AMP, BREAKOUT, SCRIPT

EVIL_TITLE = f"Evil {SCRIPT} {BREAKOUT} {AMP}"
EVIL_SUMMARY = f"Summary {SCRIPT} {BREAKOUT} {AMP}"
SCRIPTY = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def _structured_data(script) -> bool:
    """A JSON-LD block (issue 17): inert data, as long as all of it is one JSON value."""
    if script.get("type") != "application/ld+json" or script.get("src") is not None:
        return False
    try:
        json.loads(script.text or "")
    except ValueError:
        return False
    return True


def markup_problems(public) -> list[str]:
    """Elements or attributes that hostile text could have produced, in every HTML page."""
    problems = []
    for file in html_files(public):
        name = file.relative_to(public).as_posix()
        doc = lxml.html.fromstring(file.read_bytes())
        for script in doc.iter("script"):
            # The search page's own scripts: a file of the site, or inline code of the theme.
            src, code = script.get("src"), script.text or ""
            allowed = (
                name == "search/index.html"
                and "alert" not in code
                and (src is None or (":" not in src and not src.startswith("//") and not code))
            ) or _structured_data(script)
            if not allowed:
                problems.append(f"{name}: <script> {etree.tostring(script)[:80]!r}")
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            if element.tag in ("img", "iframe", "object", "embed", "b"):
                problems.append(f"{name}: <{element.tag}> element")
            for attribute, value in element.attrib.items():
                if attribute.lower().startswith("on"):
                    problems.append(f"{name}: {attribute}= on <{element.tag}>")
                # As a browser reads it: lxml decoded the references; URL parsers drop controls.
                if attribute in ("href", "src", "action", "formaction") and SCRIPTY.match(
                    "".join(ch for ch in value if ch > " ")
                ):
                    problems.append(f"{name}: {attribute}={value!r}")
    return problems


def test_no_hostile_markup_becomes_an_element_or_attribute_in_any_page(hostile):
    assert markup_problems(hostile.public) == []


def test_the_markup_check_catches_an_injected_script(hostile, tmp_path):
    public = shutil.copytree(hostile.public, tmp_path / "public")
    entry = public / "briefings/evil/index.html"
    injected = '<script>alert(1)</script><img src=x onerror=alert(1)><a href=" javascript:x">j</a>'
    entry.write_text(entry.read_text().replace("</main>", injected + "</main>"))
    problems = "\n".join(markup_problems(public))
    assert "<script>" in problems and "<img> element" in problems and "onerror=" in problems
    assert "href=' javascript:x'" in problems


def test_hostile_title_summary_caption_credit_tags_and_source_show_as_text(hostile):
    doc = page(hostile.public, "briefings/evil/")
    article = doc.xpath("//article")[0]
    assert text_of(article.xpath(".//h1")[0]) == EVIL_TITLE
    assert text_of(article.xpath(".//*[contains(@class,'lede')]")[0]) == EVIL_SUMMARY
    photo = text_of(article.xpath(".//*[contains(@class,'photo-note')]")[0])
    assert f"Caption {SCRIPT} {BREAKOUT}" in photo
    assert f"Credit {SCRIPT} {AMP}" in photo
    assert [text_of(a) for a in article.xpath(".//ul[contains(@class,'tags')]//a")] == [SCRIPT, BREAKOUT, AMP]
    assert f"src {BREAKOUT}" in text_of(article.xpath(".//*[contains(@class,'source')]")[0])
    assert doc.xpath("//title")[0].text == f"{EVIL_TITLE} · Hostile"
    assert doc.xpath("//meta[@name='description']/@content") == [EVIL_SUMMARY]


def test_hostile_body_links_are_defused_and_raw_html_is_shown_as_text(hostile):
    body = page(hostile.public, "briefings/evil/").xpath("//div[contains(@class,'body')]")[0]
    assert body.xpath(".//a/@href") == ["#", "#", "https://example.com/"]
    assert "Raw <b>bold</b> and <img src=x onerror=alert(1)> inline." in text_of(body)
    assert SCRIPT in text_of(body)
    assert f"{AMP} and a safe link." in text_of(body)


def test_hostile_names_show_as_text_on_lists_tags_and_editions(hostile):
    for url in ("", "2024/05/01/", "2024/05/", "tags/tom-jerry/"):
        doc = page(hostile.public, url)
        assert EVIL_TITLE in [
            text_of(a) for a in doc.xpath("//article/h3/a | //ol[@class='compact']/li/a")
        ], url
    tag = page(hostile.public, "tags/script-alert-1-script/")
    assert text_of(tag.xpath("//h1")[0]) == SCRIPT
    index = page(hostile.public, "tags/")
    assert {SCRIPT, BREAKOUT, AMP} <= {text_of(a) for a in index.xpath("//ul[@class='tag-index']//a")}


@pytest.mark.parametrize("file", ["atom.xml", "rss.xml", "tags/script-alert-1-script/atom.xml"])
def test_feeds_with_hostile_text_are_well_formed_and_carry_it_as_text(hostile, file):
    data = (hostile.public / file).read_bytes()
    tree = etree.fromstring(data)  # raises on malformed XML
    titles = [t.text for t in tree.iter("{http://www.w3.org/2005/Atom}title", "title")]
    assert EVIL_TITLE in titles
    assert not feedparser.parse(data).bozo
    categories = {
        c.get("term") or c.text for c in tree.iter("{http://www.w3.org/2005/Atom}category", "category")
    }
    assert {SCRIPT, BREAKOUT, AMP} <= categories


def test_sitemap_with_hostile_content_is_well_formed(hostile):
    tree = etree.fromstring((hostile.public / "sitemap.xml").read_bytes())
    assert len(tree) == len(indexed_pages(hostile.public))


def search_strings(public) -> list[str]:
    """Every string in the search index's records (the JSON files under search/)."""
    return json_strings([json.loads(file.read_bytes()) for file in public.glob("search/**/*.json")])


def test_search_records_hold_hostile_text_as_plain_text(hostile):
    """The index stores text (the search UI escapes it); escaping it here too would show '&lt;'."""
    strings = search_strings(hostile.public)
    assert strings, "no search index found"
    assert any(EVIL_TITLE in s for s in strings), "the hostile title is not searchable as text"
    assert not any("&lt;script" in s or "&amp;" in s for s in strings), "double-escaped text in the index"


def test_allow_html_lets_the_editors_raw_html_through(hostile_allowed):
    doc = page(hostile_allowed.public, "briefings/evil/")
    body = doc.xpath("//div[contains(@class,'body')]")[0]
    assert [text_of(b) for b in body.iter("b")] == ["bold"]
    # Script-running link schemes are dropped whatever the setting.
    assert body.xpath(".//a/@href")[:2] == ["#", "#"]
    # Only the body is trusted: front matter is still text.
    assert text_of(doc.xpath("//h1")[0]) == EVIL_TITLE
    outside = [
        e
        for e in doc.iter()
        if isinstance(e.tag, str)
        and e.tag in ("b", "img", "script")
        and not any(a is body for a in e.iterancestors())
        and not _structured_data(e)
    ]
    assert outside == []


def test_characters_xml_cannot_carry_are_dropped_so_feeds_stay_well_formed(site):
    """YAML escapes (\\v, \\x01, \\uFFFE) and stray control bytes in a body must not break the build."""
    root = site(
        {
            "content/ctl.md": "---\n"
            'title: "Bell\\a and\\v tab\\uFFFE"\n'
            "date: 2024-01-01\n"
            'tags: ["x\\x01y"]\n'
            'image: {caption: "cap\\x0btion", credit: "cre\\x00dit"}\n'
            "---\n\nBody \x01with a control\x0c character.\n"
        }
    )
    build(root)
    public = root / "public"
    for feed in ("atom.xml", "rss.xml", "tags/xy/atom.xml"):
        data = (public / feed).read_bytes()
        etree.fromstring(data)
        assert not feedparser.parse(data).bozo, feed
    doc = page(public, "briefings/ctl/")
    assert text_of(doc.xpath("//h1")[0]) == "Bell and tab"
    assert "caption" in text_of(doc.xpath("//*[contains(@class,'photo-note')]")[0])
    assert text_of(doc.xpath("//div[contains(@class,'body')]")[0]) == "Body with a control character."


ENCODED_SCHEMES = [
    "[a](javascript&#58;alert(1))",
    "[b](javascript&colon;alert(1))",
    "[c](&#106;avascript:alert(1))",
    "[d](&#x6A;avascript:alert(1))",
    "[e](javas&#9;cript:alert(1))",
    "[f](javascript&#0000058alert(1))",
    "[g](&#1;javascript:alert(1))",
    "[h](<javascript:alert(1)>)",
    "[i](data:text/html;base64,PHNjcmlwdD4=)",
    "[j][ref]\n\n[ref]: <javascript&#58;alert(1)>",
]


@pytest.mark.parametrize("allow_html", [False, True], ids=["default", "allow-html"])
def test_links_with_encoded_script_schemes_are_defused(site, allow_html):
    """Character references decode in attributes: "javascript&#58;" is a javascript: link."""
    root = site(
        {
            "briefing.toml": f"allow_html = {str(allow_html).lower()}\n",
            "content/enc.md": entry_md(
                "enc", "Encoded", "2024-01-01", body="\n\n".join(ENCODED_SCHEMES) + "\n"
            ),
        }
    )
    build(root)
    assert markup_problems(root / "public") == []
    body = page(root / "public", "briefings/enc/").xpath("//div[contains(@class,'body')]")[0]
    assert len(body.xpath(".//a|.//img")) == len(ENCODED_SCHEMES)
