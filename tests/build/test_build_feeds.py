"""Feeds, sitemap, robots.txt and .nojekyll: what feed readers, crawlers and static hosts get."""

from __future__ import annotations

from datetime import datetime

import feedparser
import pytest
from lxml import etree
from reading import file_of, links, page, text
from sitecheck import indexed_pages, url_of
from sites import BASE_URL, DESK_ENTRIES, PAGED_COUNT, desk_tagged, paged_title

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
FEED_SIZE = 20  # the default


def parse_feed(path):
    assert path.is_file(), f"no feed at {path}"
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path.name} is not well-formed: {feed.get('bozo_exception')}"
    return feed


def assert_links_lead_into_the_site(built, links: list[str]) -> None:
    for link in links:
        assert link.startswith(built.base_url), f"{link} is not absolute under {built.base_url}"
        target = built.public / link[len(built.base_url) :]
        assert (target / "index.html").is_file() or target.is_file(), f"{link} leads nowhere"


@pytest.mark.parametrize("name", ["paged", "paged_sub"])
@pytest.mark.parametrize(("file", "version"), [("atom.xml", "atom10"), ("rss.xml", "rss20")])
def test_site_feeds_are_valid_and_hold_the_newest_entries_first(name, file, version, request):
    built = request.getfixturevalue(name)
    feed = parse_feed(built.public / file)
    assert feed.version == version
    assert feed.feed.title == "Paged Digest"
    expected = [paged_title(i) for i in range(PAGED_COUNT, PAGED_COUNT - FEED_SIZE, -1)]
    assert [e.title for e in feed.entries] == expected
    assert [e.link for e in feed.entries][:2] == [
        built.base_url + "briefings/b25/",
        built.base_url + "briefings/b24/",
    ]
    assert_links_lead_into_the_site(built, [e.link for e in feed.entries])
    assert feed.feed.link == built.base_url
    published = [e.published_parsed for e in feed.entries]
    assert published == sorted(published, reverse=True)
    assert feed.entries[0].summary == "Summary of briefing 25."
    assert {t.term for t in feed.entries[0].tags} == {"Russia", "NATO"}


@pytest.mark.parametrize("name", ["paged", "paged_sub"])
def test_each_tag_has_an_atom_feed_of_its_entries(name, request):
    built = request.getfixturevalue(name)
    feeds = sorted(built.public.glob("tags/*/atom.xml"))
    assert [f.parent.name for f in feeds] == ["air-defence", "nato", "russia", "s-400", "vladimir-putin"]
    nato = parse_feed(built.public / "tags/nato/atom.xml")
    assert nato.version == "atom10"
    assert nato.feed.title.endswith("NATO")
    assert [e.title for e in nato.entries] == [paged_title(i) for i in (25, 20, 15, 10, 5)]
    assert nato.feed.link == built.base_url + "tags/nato/"
    self_link = [link.href for link in nato.feed.links if link.rel == "self"]
    assert self_link == [built.base_url + "tags/nato/atom.xml"]
    assert_links_lead_into_the_site(built, [e.link for e in nato.entries])
    for feed in feeds:
        parse_feed(feed)


def test_feed_dates_come_from_the_entries_not_the_clock(paged):
    atom = etree.fromstring((paged.public / "atom.xml").read_bytes())
    updated = atom.find("{http://www.w3.org/2005/Atom}updated").text
    assert updated == "2024-03-09T21:00:00+00:00"
    rss = etree.fromstring((paged.public / "rss.xml").read_bytes())
    assert rss.find("channel/lastBuildDate").text == "Sat, 09 Mar 2024 21:00:00 +0000"


def sitemap_locs(built) -> list[str]:
    tree = etree.fromstring((built.public / "sitemap.xml").read_bytes())
    return tree.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS)


@pytest.mark.parametrize("name", ["small", "small_sub", "paged", "paged_sub"])
def test_sitemap_lists_every_html_page_but_404_with_absolute_urls(name, request):
    built = request.getfixturevalue(name)
    locs = sitemap_locs(built)
    assert len(locs) == len(set(locs)), "a page is listed twice"
    pages = {built.base_url + url_of(built.public, f) for f in indexed_pages(built.public)}
    assert set(locs) == pages
    assert built.base_url + "briefings/b25/" in locs or name.startswith("small")


def test_sitemap_gives_entry_pages_their_date(small):
    tree = etree.fromstring((small.public / "sitemap.xml").read_bytes())
    lastmod = tree.xpath(
        "//s:url[s:loc='http://localhost:8000/briefings/alpha/']/s:lastmod/text()", namespaces=SITEMAP_NS
    )
    assert lastmod == ["2024-03-01"]


@pytest.mark.parametrize("name", ["small", "small_sub"])
def test_robots_txt_names_the_sitemap(name, request):
    built = request.getfixturevalue(name)
    robots = (built.public / "robots.txt").read_text()
    assert f"Sitemap: {built.base_url}sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots.splitlines()


def test_static_hosts_get_nojekyll_and_a_root_404(small):
    assert (small.public / ".nojekyll").is_file()
    assert (small.public / "404.html").is_file()
    assert not (small.public / "404").exists()


def test_sample_site_feeds_and_sitemap_are_valid(built_sample):
    atom = parse_feed(built_sample.public / "atom.xml")
    rss = parse_feed(built_sample.public / "rss.xml")
    entries = sorted(built_sample.public.glob("briefings/*/index.html"))
    assert len(atom.entries) == len(rss.entries) == min(len(entries), FEED_SIZE) > 0
    assert_links_lead_into_the_site(built_sample, [e.link for e in atom.entries + rss.entries])
    for feed in built_sample.public.glob("tags/*/atom.xml"):
        assert parse_feed(feed).entries
    locs = set(sitemap_locs(built_sample))
    assert locs == {
        built_sample.base_url + url_of(built_sample.public, f) for f in indexed_pages(built_sample.public)
    }


# -- what an analyst reads in the feeds ----------------------------------------------


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
