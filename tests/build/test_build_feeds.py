"""Feeds, sitemap, robots.txt and .nojekyll: what feed readers, crawlers and static hosts get."""

from __future__ import annotations

import feedparser
import pytest
from build_sites import PAGED_COUNT, paged_title
from lxml import etree
from sitecheck import html_files, url_of

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
    pages = {
        built.base_url + url_of(built.public, f) for f in html_files(built.public) if f.name != "404.html"
    }
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
        built_sample.base_url + url_of(built_sample.public, f)
        for f in html_files(built_sample.public)
        if f.name != "404.html"
    }
