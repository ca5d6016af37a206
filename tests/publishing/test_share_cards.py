"""Share cards and structured data (issue 17, point 4): Open Graph and Twitter meta, JSON-LD
NewsArticle / WebSite / CollectionPage with absolute URLs under a sub-path, and news-sitemap.xml."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest
from publishing_support import DAY, NEW_YEAR, broken_links, build_at, entry, write_files

BASE = "https://example.org/digest/"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)
HOSTILE = "Talks </script><script>alert(1)</script> & more"


def files(base_url: str = BASE) -> dict[str, str | bytes]:
    return {
        "briefing.toml": f'title = "Desk"\nbase_url = "{base_url}"\npublisher = "Desk Media Ltd"\n'
        'publisher_logo = "logo.png"\n',
        "content/photo.md": entry(
            "photo",
            "S-400 battery moves",
            "2024-12-31T10:00:00Z",
            image={"file": "images/photo.png", "alt": "A launcher", "credit": "Army Recognition"},
            updated="2024-12-31T15:00:00Z",
        ),
        "content/images/photo.png": PNG,
        "content/plain.md": entry("plain", HOSTILE, "2024-12-25T10:00:00Z"),
    }


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Path:
    root = write_files(tmp_path_factory.mktemp("desk"), files())
    build_at(root, NEW_YEAR)
    return root / "public"


def doc_of(public: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((public / url / "index.html").read_bytes())


def meta(doc, name: str) -> list[str]:
    return doc.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")


def jsonld(doc) -> dict:
    (script,) = doc.xpath("//script[@type='application/ld+json']")
    return json.loads(script.text)


def test_entry_pages_carry_open_graph_and_twitter_meta_with_absolute_urls(desk: Path) -> None:
    doc = doc_of(desk, "briefings/photo")
    assert meta(doc, "og:type") == ["article"]
    assert meta(doc, "og:title") == ["S-400 battery moves"]
    assert meta(doc, "og:description") == ["Summary of S-400 battery moves."]
    assert meta(doc, "og:url") == [BASE + "briefings/photo/"]
    (image,) = meta(doc, "og:image")
    assert image.startswith(BASE + "images/photo-") and (desk / image[len(BASE) :]).is_file()
    assert meta(doc, "og:image:alt") == ["A launcher"]
    assert meta(doc, "article:published_time") == ["2024-12-31T10:00:00+00:00"]
    assert meta(doc, "article:tag") == ["Russia", "S-400"]
    assert meta(doc, "twitter:card") == ["summary_large_image"]
    assert meta(doc, "twitter:image") == [image]
    plain = doc_of(desk, "briefings/plain")
    assert meta(plain, "og:image") == [] and meta(plain, "twitter:card") == ["summary"]


def test_entry_json_ld_is_a_news_article_with_the_required_fields(desk: Path) -> None:
    data = jsonld(doc_of(desk, "briefings/photo"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "S-400 battery moves"
    assert datetime.fromisoformat(data["datePublished"]) < datetime.fromisoformat(data["dateModified"])
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": BASE + "briefings/photo/"}
    assert data["publisher"]["name"] == "Desk Media Ltd"
    assert data["publisher"]["logo"]["url"] == BASE + "logo.png"
    images = data["image"]
    assert images and all(
        i["url"].startswith(BASE) and (desk / i["url"][len(BASE) :]).is_file() for i in images
    )
    assert images[0]["creditText"] == "Army Recognition"
    about = {(a["@type"], a["name"]) for a in data["about"]}
    assert about == {("Country", "Russia"), ("Thing", "S-400")}
    for thing in data["about"]:
        assert (desk / urlsplit(thing["url"]).path.removeprefix("/digest/") / "index.html").is_file()


def test_json_ld_cannot_close_its_script_element(desk: Path) -> None:
    raw = (desk / "briefings/plain/index.html").read_text()
    assert raw.count("<script") == 1 and "alert(1)</script>" not in raw
    assert jsonld(doc_of(desk, "briefings/plain"))["headline"] == HOSTILE


def test_front_and_entity_pages_carry_website_and_collection_page_data(desk: Path) -> None:
    front = jsonld(lxml.html.fromstring((desk / "index.html").read_bytes()))
    types = {node["@type"]: node for node in front["@graph"]}
    assert types["WebSite"]["url"] == BASE and types["WebSite"]["name"] == "Desk"
    assert types["WebSite"]["potentialAction"]["target"]["urlTemplate"] == BASE + "search/?q={q}"
    assert types["CollectionPage"]["url"] == BASE
    tag = jsonld(doc_of(desk, "tags/russia"))
    assert tag["@type"] == "CollectionPage" and tag["url"] == BASE + "tags/russia/"
    assert tag["about"] == {"@type": "Country", "name": "Russia"}
    assert tag["isPartOf"]["url"] == BASE
    front_doc = lxml.html.fromstring((desk / "index.html").read_bytes())
    assert meta(front_doc, "og:url") == [BASE] and meta(front_doc, "og:type") == ["website"]
    assert broken_links(desk, BASE) == []


def test_the_news_sitemap_lists_the_last_two_days_and_robots_names_it(desk: Path) -> None:
    tree = lxml.etree.fromstring((desk / "news-sitemap.xml").read_bytes())
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "n": "http://www.google.com/schemas/sitemap-news/0.9",
    }
    assert tree.xpath("//s:loc/text()", namespaces=ns) == [BASE + "briefings/photo/"]  # plain is a week old
    assert tree.xpath("//n:name/text()", namespaces=ns) == ["Desk Media Ltd"]
    assert tree.xpath("//n:title/text()", namespaces=ns) == ["S-400 battery moves"]
    assert tree.xpath("//n:publication_date/text()", namespaces=ns) == ["2024-12-31T10:00:00+00:00"]
    assert f"Sitemap: {BASE}news-sitemap.xml" in (desk / "robots.txt").read_text()


def test_the_news_sitemap_empties_two_days_later_with_no_file_changed(tmp_path: Path) -> None:
    root = write_files(tmp_path / "site", files())
    build_at(root, NEW_YEAR)
    assert "briefings/photo/" in (root / "public/news-sitemap.xml").read_text()
    build_at(root, NEW_YEAR + 2 * DAY)
    assert "<loc>" not in (root / "public/news-sitemap.xml").read_text()


def test_no_news_sitemap_while_base_url_is_local(tmp_path: Path) -> None:
    root = write_files(tmp_path / "site", files("http://localhost:8000/"))
    build_at(root, NEW_YEAR)
    assert not (root / "public/news-sitemap.xml").exists()
    assert "news-sitemap" not in (root / "public/robots.txt").read_text()
