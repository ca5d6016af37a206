"""Feeds that carry the whole briefing: Atom <content type="html">, RSS content:encoded,
JSON Feed 1.1 for the site and each tag, RSS beside each tag's Atom, and editions.xml
with one item per day whose content is that day's email. Read by feedparser, as readers do."""

from __future__ import annotations

import json

import feedparser
import lxml.html
import pytest
from offsite_sites import DAYS, HEADLINES, SUB_URL
from sitecheck import page

ATOM = "{http://www.w3.org/2005/Atom}"


def parsed(offsite, relative: str):
    feed = feedparser.parse((offsite.public / relative).read_bytes())
    assert not feed.bozo, f"{relative}: {feed.get('bozo_exception')}"
    return feed


def all_feed_files(offsite) -> list[str]:
    names = [p.relative_to(offsite.public).as_posix() for p in offsite.public.rglob("*.xml")]
    # Sitemaps (sitemap.xml, and news-sitemap.xml on a published base_url) are not feeds.
    return sorted(n for n in names if not n.endswith("sitemap.xml"))


def tag_folders(offsite) -> list[str]:
    return sorted(p.parent.name for p in offsite.public.glob("tags/*/atom.xml"))


def test_every_tag_has_atom_rss_and_json_feed(offsite):
    tags = tag_folders(offsite)
    assert tags == ["nato", "russia", "s-400", "turkey"]
    for tag in tags:
        for name in ("atom.xml", "rss.xml", "feed.json"):
            assert (offsite.public / "tags" / tag / name).is_file(), (tag, name)


def full_content(entry) -> str:
    contents = entry.get("content") or []
    assert contents, f"{entry.get('link')}: no full content"
    return contents[0]["value"]


def test_every_briefing_feed_carries_each_whole_body_with_absolute_links(offsite):
    files = [f for f in all_feed_files(offsite) if f != "editions.xml"]
    assert len(files) == 2 + 2 * len(tag_folders(offsite))
    for relative in files:
        feed = parsed(offsite, relative)
        assert feed.version in {"atom10", "rss20"}, relative
        assert feed.entries, relative
        for entry in feed.entries:
            content = full_content(entry)
            slug = entry.link.removeprefix(SUB_URL + "briefings/").strip("/")
            assert entry.title == HEADLINES[slug]
            assert entry.summary, (relative, slug)  # the summary stays beside the content
            doc = lxml.html.fragment_fromstring(content, create_parent="div")
            for url in doc.xpath("//@href | //@src"):
                assert url.startswith(("https://", "http://")), (relative, slug, url)
            if slug == "alpha":
                text = " ".join(doc.text_content().split())
                assert text.count("Officials said the new battery") == 20, relative
                assert "More context follows here today." in text
                assert SUB_URL + "briefings/bravo/" in doc.xpath("//a/@href")
                assert doc.xpath("//img/@src")[0].startswith(SUB_URL + "images/alpha-")


def test_atom_and_rss_put_content_in_their_own_elements(offsite):
    from lxml import etree

    atom = etree.fromstring((offsite.public / "atom.xml").read_bytes())
    entries = atom.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        assert entry.find(f"{ATOM}content").get("type") == "html"
        assert entry.find(f"{ATOM}summary") is not None
    rss = etree.fromstring((offsite.public / "rss.xml").read_bytes())
    items = rss.findall("channel/item")
    assert items
    for item in items:
        assert item.find("{http://purl.org/rss/1.0/modules/content/}encoded") is not None
        assert item.find("description") is not None


JSON_REQUIRED_TOP = {"version", "title", "items"}


@pytest.mark.parametrize("relative", ["feed.json", "tags/nato/feed.json", "tags/russia/feed.json"])
def test_json_feeds_have_the_fields_json_feed_1_1_requires(offsite, relative):
    feed = json.loads((offsite.public / relative).read_text(encoding="utf-8"))
    assert set(feed) >= JSON_REQUIRED_TOP
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == SUB_URL + relative
    assert feed["home_page_url"].startswith(SUB_URL)
    assert isinstance(feed["items"], list) and feed["items"]
    ids = [item["id"] for item in feed["items"]]
    assert len(ids) == len(set(ids))
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item.get("content_html") or item.get("content_text"), item["id"]
        assert item["url"].startswith(SUB_URL + "briefings/")
        for key in ("date_published", "date_modified"):
            assert item[key][:4] == "2024" and "T" in item[key], (key, item[key])
        assert isinstance(item.get("tags", []), list)
    authors = feed.get("authors", [])
    assert all(isinstance(a, dict) and a.get("name") for a in authors)
    # Same entries as the Atom feed beside it, in the same order.
    atom = parsed(offsite, relative.replace("feed.json", "atom.xml"))
    assert [i["url"] for i in feed["items"]] == [e.link for e in atom.entries]


def test_the_editions_feed_has_one_item_per_day_whose_content_is_that_days_email(offsite):
    feed = parsed(offsite, "editions.xml")
    assert feed.version == "rss20"
    links = [entry.link for entry in feed.entries]
    assert links == [SUB_URL + day.replace("-", "/") + "/" for day in sorted(DAYS, reverse=True)]
    assert len({entry.id for entry in feed.entries}) == len(DAYS)
    for entry, day in zip(feed.entries, sorted(DAYS, reverse=True), strict=True):
        content = full_content(entry)
        for slug in DAYS[day]:
            assert (
                lxml.html.fragment_fromstring(content, create_parent="div")
                .text_content()
                .count(HEADLINES[slug])
            ), (day, slug)
        email = (offsite.public / day.replace("-", "/") / "email.html").read_text(encoding="utf-8")
        body = lxml.html.fromstring(email).xpath("//body")[0]
        inside = lxml.html.fragment_fromstring(content, create_parent="div")
        assert " ".join(inside.text_content().split()) == " ".join(body.text_content().split())
        assert "The day in brief" in content


def test_feeds_are_linked_as_alternates_where_they_belong(offsite):
    front = page(offsite.public, "")
    alternates = dict(
        zip(
            front.xpath("//head/link[@rel='alternate']/@href"),
            front.xpath("//head/link[@rel='alternate']/@type"),
            strict=True,
        )
    )
    assert alternates == {
        "atom.xml": "application/atom+xml",
        "rss.xml": "application/rss+xml",
        "feed.json": "application/feed+json",
        "editions.xml": "application/rss+xml",
    }
    nato = page(offsite.public, "tags/nato/")
    hrefs = nato.xpath("//head/link[@rel='alternate']/@href")
    for name in ("atom.xml", "rss.xml", "feed.json"):
        assert f"../../tags/nato/{name}" in hrefs, hrefs
    for href in hrefs:
        assert (offsite.public / "tags/nato" / href).resolve().is_file(), href


def test_feed_self_links_name_the_feed_itself(offsite):
    for relative in all_feed_files(offsite):
        feed = parsed(offsite, relative)
        selves = [link.href for link in feed.feed.get("links", []) if link.get("rel") == "self"]
        assert selves == [SUB_URL + relative], relative
