"""Feeds per entity (issue 9): every tag has an Atom feed that a feed reader's parser accepts,
linked from the tag's page with <link rel="alternate">, so an analyst can subscribe to "S-400"."""

from __future__ import annotations

from datetime import datetime

import feedparser
from analyst_sites import BASE_URL, DESK_ENTRIES, desk_tagged
from analyst_support import file_of, links, page, text


def every_tag(public) -> list[tuple[str, str]]:
    """(name, URL) of every tag the tag index lists."""
    found = links(page(public, "tags/"), "tags/", "//main//a[contains(@href, 'tags/')]")
    return [(name, url) for name, url in found if url.startswith("tags/") and url != "tags/"]


def test_the_tag_index_lists_every_tag_of_every_briefing(desk):
    names = {name for name, _url in every_tag(desk)}
    expected = {name for _slug, _date, groups in DESK_ENTRIES for names in groups.values() for name in names}
    assert names == expected
    folders = {p.name for p in (desk / "tags").iterdir() if p.is_dir()}
    assert {url.split("/")[1] for _name, url in every_tag(desk)} == folders


def test_every_tag_page_links_its_own_atom_feed_with_rel_alternate(desk):
    for name, url in every_tag(desk):
        doc = page(desk, url)
        feeds = [
            link
            for link in doc.xpath("//head/link[@rel='alternate']")
            if link.get("type") == "application/atom+xml" and name in (link.get("title") or "")
        ]
        assert len(feeds) == 1, f"{url}: no alternate link for {name}"
        href = feeds[0].get("href")
        assert href.endswith("atom.xml")
        # Relative links resolve from the page; the feed sits beside the page.
        assert file_of(desk, url + "atom.xml").is_file()
        assert (desk / url / "atom.xml").resolve() == (desk / url / href).resolve(), href


def test_every_tag_feed_parses_and_lists_that_tags_briefings_newest_first(desk):
    tags = every_tag(desk)
    assert len(tags) > 15
    for name, url in tags:
        raw = file_of(desk, url + "atom.xml").read_bytes()
        feed = feedparser.parse(raw)
        assert not feed.bozo, f"{url}atom.xml: {feed.get('bozo_exception')}"
        assert feed.version == "atom10", url
        assert feed.feed.title == f"Analyst Desk: {name}"
        links_by_rel = {link.rel: link.href for link in feed.feed.links}
        assert links_by_rel["self"] == BASE_URL + url + "atom.xml"
        assert links_by_rel["alternate"] == BASE_URL + url
        expected = desk_tagged(name)
        assert [e.link for e in feed.entries] == [f"{BASE_URL}briefings/{slug}/" for slug in expected], url
        dates = [datetime.fromisoformat(e.published) for e in feed.entries]
        assert dates == sorted(dates, reverse=True)
        assert all(name in {t.term for t in e.tags} for e in feed.entries), url
        for entry in feed.entries:
            assert file_of(desk, entry.link.removeprefix(BASE_URL)).is_file(), entry.link


def test_a_tag_name_with_markup_characters_reaches_the_feed_and_page_as_text(desk):
    (url,) = [url for name, url in every_tag(desk) if name == "R&D <labs>"]
    feed = feedparser.parse(file_of(desk, url + "atom.xml").read_bytes())
    assert not feed.bozo
    assert feed.feed.title == "Analyst Desk: R&D <labs>"
    assert text(page(desk, url).xpath("//h1")[0]) == "R&D <labs>"


def test_tag_feeds_are_reproducible(desk):
    """No "now" stamped in: a feed's updated time is its newest briefing's."""
    feed = feedparser.parse(file_of(desk, "tags/s-400/atom.xml").read_bytes())
    newest = max(date for slug, date, _g in DESK_ENTRIES if slug == desk_tagged("S-400")[0])
    assert datetime.fromisoformat(feed.feed.updated) == datetime.fromisoformat(newest)
