"""Every feed (Atom and RSS, site-wide and per tag) parses in feedparser without bozo, names
itself and its entries with absolute links that resolve to built pages, and lists the entries
it should: all of them on the site feeds, those with the tag on a tag feed. Titles come back
as the very text of the front matter, hostile characters included."""

from __future__ import annotations

import feedparser
import lxml.html
import pytest
from sites import OUTPUT_IDS, Output

FEED_SIZE = 20  # the default `feed_size`; the test sites have fewer entries


def feeds_of(output: Output) -> list:
    found = sorted(
        p
        for p in output.public.rglob("*.xml")
        if p.name != "editions.xml" and not p.name.endswith("sitemap.xml")  # sitemaps are not feeds
    )
    assert any(p.name == "atom.xml" for p in found) and any(p.name == "rss.xml" for p in found), found
    return found


def tag_name(output: Output, feed_path) -> str:
    """A tag feed's tag, as its tag page (the feed's folder) names it in its heading."""
    page = lxml.html.fromstring((feed_path.parent / "index.html").read_bytes())
    return " ".join(page.xpath("string(.//h1)").split())  # the whole heading, spans (nobreak) too


@pytest.mark.parametrize("output_id", OUTPUT_IDS)
def test_feeds_parse_with_expected_entries_and_absolute_links(outputs, output_id):
    output: Output = outputs[output_id]
    by_slug = {entry.slug: entry for entry in output.entries}
    checked = 0
    for path in feeds_of(output):
        relative = path.relative_to(output.public).as_posix()
        url = output.base_url + relative
        parsed = feedparser.parse(path.read_bytes())
        where = f"{output_id}/{relative}"

        assert not parsed.bozo, f"{where}: {parsed.get('bozo_exception')}"
        assert parsed.version in {"atom10", "rss20"}, (where, parsed.version)
        assert parsed.feed.get("title"), where
        assert parsed.feed.get("link", "").startswith(output.base_url), (where, parsed.feed.get("link"))
        selves = [link.href for link in parsed.feed.get("links", []) if link.get("rel") == "self"]
        assert selves == [url], (where, selves)

        seen = []
        for item in parsed.entries:
            link = item.get("link", "")
            assert link.startswith(output.base_url + "briefings/"), (where, link)
            assert output.local(link).is_file(), (where, link)
            assert item.get("id"), (where, link)
            assert item.get("published_parsed") or item.get("updated_parsed"), (where, link)
            slug = link.removeprefix(output.base_url + "briefings/").strip("/")
            assert slug in by_slug, (where, link)
            assert item.title == by_slug[slug].title, where
            seen.append(slug)
        assert len(seen) == len(set(seen)), (where, seen)

        if path.parent == output.public:
            expected = set(by_slug)
        else:
            tag = tag_name(output, path)
            expected = {entry.slug for entry in output.entries if tag in entry.tags}
        assert len(expected) <= FEED_SIZE
        assert set(seen) == expected, (where, sorted(seen), sorted(expected))
        checked += 1
    print(f"\n{output_id}: {checked} feeds")
