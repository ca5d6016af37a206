"""What a reader sees on each kind of page: front page, entries, tags, tag index, editions, archive."""

from __future__ import annotations

import os
import re
from pathlib import Path

from sitecheck import broken_links, build, entry_md, page, resolve, run_cli, text_of
from sites import PAGED_COUNT, ROOT_URL, paged_title

GOLDEN = Path(__file__).resolve().parent / "golden"


def card_titles(doc) -> list[str]:
    """Headlines of a list page: story cards, or the compact rows of an entity page."""
    return [
        text_of(a)
        for a in doc.xpath(".//article[contains(@class,'card')]/h3/a | .//ol[@class='compact']/li/a")
    ]


def titles_on(docs) -> list[str]:
    return [title for doc in docs for title in card_titles(doc)]


def targets(here: str, hrefs: list[str]) -> list[str | None]:
    """Where links on the page at site URL `here` lead, as site URLs."""
    return [resolve(here, href) for href in hrefs]


def newest_first_titles() -> list[str]:
    return [paged_title(i) for i in range(PAGED_COUNT, 0, -1)]


def test_front_page_is_paginated_by_page_size_newest_first(paged):
    # Pages hold whole days (issue 14): up to page_size stories, the newest day first.
    pages = [page(paged.public, url) for url in ("", "page/2/", "page/3/")]
    assert [len(card_titles(doc)) for doc in pages] == [10, 9, 6]
    assert sorted(titles_on(pages)) == sorted(newest_first_titles())
    days = [doc.xpath("//section[contains(@class,'day')]/h2/@id") for doc in pages]
    flat = [d for on_page in days for d in on_page]
    assert flat == sorted(flat, reverse=True) and len(flat) == len(set(flat)), "a day is never split"
    assert not (paged.public / "page/4").exists()
    assert not (paged.public / "page/1").exists(), "page 1 lives at the front page's own URL"


def test_front_pages_link_to_their_neighbours(paged):
    first, second, last = (page(paged.public, url) for url in ("", "page/2/", "page/3/"))
    assert first.xpath("//nav[contains(@class,'pager')]//a[@rel='next']/@href") == ["page/2/"]
    assert first.xpath("//nav[contains(@class,'pager')]//a[@rel='prev']") == []
    pager = second.xpath("//nav[contains(@class,'pager')]//a/@href")
    assert targets("page/2/", pager) == ["", "page/3/"]
    assert last.xpath("//nav[contains(@class,'pager')]//a[@rel='next']") == []
    assert "page 3 of 3" in text_of(last.xpath("//header[contains(@class,'page-header')]")[0])


def test_front_page_card_shows_title_date_summary_credit_and_tags(paged):
    doc = page(paged.public, "")
    card = doc.xpath("//article[contains(@class,'card')][h3/a[.='Briefing number 25']]")[0]
    assert targets("", card.xpath("h3/a/@href")) == ["briefings/b25/"]
    # Under its day's heading a card repeats no date (issue 14).
    assert card.xpath(".//time") == []
    assert text_of(card.xpath(".//p[contains(@class,'summary')]")[0]) == "Summary of briefing 25."
    # Cards show no photo, so no credit either.
    assert card.xpath(".//*[contains(@class,'credit')]") == [] and "Agency 25" not in text_of(card)
    names = [text_of(a.xpath(".//span[@class='name']")[0]) for a in card.xpath(".//ul[@class='keys']//a")]
    assert sorted(names) == ["NATO", "Russia"]
    tag_links = card.xpath(".//ul[@class='keys']//a/@href")
    assert sorted(targets("", tag_links)) == ["tags/nato/", "tags/russia/"]


def test_front_page_groups_cards_under_their_day_newest_day_first(small):
    doc = page(small.public, "")
    days = doc.xpath("//section[contains(@class,'day')]/h2/@id")
    assert days == ["day-2024-04-10", "day-2024-03-02", "day-2024-03-01"]
    march_2 = doc.xpath("//section[h2/@id='day-2024-03-02']")[0]
    assert card_titles(march_2) == ["Bravo: second S-400 battery", "Charlie: Russian exercise"]


def test_entry_page_shows_title_date_body_photo_tags_and_source(small):
    doc = page(small.public, "briefings/alpha/")
    article = doc.xpath("//article[contains(@class,'entry')]")[0]
    assert text_of(article.xpath(".//h1")[0]) == "Alpha: S-400 deliveries begin"
    assert article.xpath(".//time/@datetime")[0] == "2024-03-01T09:00:00+00:00"
    assert text_of(article.xpath(".//time")[0]) == "1 March 2024"
    body = article.xpath(".//div[contains(@class,'body')]")[0]
    assert text_of(body.xpath("p")[0]) == "The first battery arrived in Ankara."
    assert text_of(body.xpath("h2")[0]) == "Background"
    assert body.xpath(".//em")[0].text == "2017"
    assert body.xpath(".//a/@href") == ["https://example.com/a"]
    photo = text_of(article.xpath(".//*[contains(@class,'photo-note')]")[0])
    assert "A 5P85T2 launcher on parade" in photo
    assert "Vitaly Kuzmin" in photo
    tags = article.xpath(".//ul[contains(@class,'tags')]//a")
    assert [text_of(a) for a in tags] == ["Russia", "S-400", "Turkey"]
    assert targets("briefings/alpha/", [a.get("href") for a in tags]) == [
        "tags/russia/",
        "tags/s-400/",
        "tags/turkey/",
    ]
    source = article.xpath(".//*[contains(@class,'source')]")[0]
    assert text_of(source) == "Source: Alpha Wire"
    assert source.xpath(".//a/@href") == ["https://example.com/alpha?x=1&y=2"]
    bravo = page(small.public, "briefings/bravo/")  # an old entry's source: bravo.txt is a seed's name
    assert not bravo.xpath("//*[contains(@class,'source')]") and "bravo.txt" not in text_of(bravo)
    assert doc.xpath("//title")[0].text == "Alpha: S-400 deliveries begin · Small Digest"
    assert doc.xpath("//meta[@name='description']/@content") == [
        "Russia starts delivering S-400 batteries to Turkey."
    ]


def test_entry_page_links_to_previous_and_next_by_date(small):
    # Newest first: delta, bravo, charlie, alpha.
    here = "briefings/charlie/"
    charlie = page(small.public, here)
    prev = charlie.xpath("//nav[contains(@class,'neighbours')]/a[@rel='prev']/@href")
    after = charlie.xpath("//nav[contains(@class,'neighbours')]/a[@rel='next']/@href")
    assert targets(here, prev) == ["briefings/alpha/"]
    assert targets(here, after) == ["briefings/bravo/"]
    oldest = page(small.public, "briefings/alpha/")
    assert oldest.xpath("//nav[contains(@class,'neighbours')]/a[@rel='prev']") == []
    newest = page(small.public, "briefings/delta/")
    assert newest.xpath("//nav[contains(@class,'neighbours')]/a[@rel='next']") == []
    assert "Bravo: second S-400 battery" in text_of(newest.xpath("//a[@rel='prev']")[0])


def test_related_briefings_are_those_sharing_the_most_tags(small):
    doc = page(small.public, "briefings/alpha/")
    related = doc.xpath("//section[contains(@class,'related')]//li/a")
    assert targets("briefings/alpha/", [a.get("href") for a in related]) == [
        "briefings/bravo/",
        "briefings/charlie/",
    ]
    assert "Delta" not in text_of(doc.xpath("//section[contains(@class,'related')]")[0])
    delta = page(small.public, "briefings/delta/")
    assert delta.xpath("//section[contains(@class,'related')]") == [], "nothing shares NATO"


def test_tag_page_lists_its_entries_newest_first_and_is_paginated(paged):
    russia = [
        page(paged.public, url) for url in ("tags/russia/", "tags/russia/page/2/", "tags/russia/page/3/")
    ]
    assert titles_on(russia) == newest_first_titles()
    assert not (paged.public / "tags/russia/page/4").exists()
    pager = russia[1].xpath("//nav[contains(@class,'pager')]//a/@href")
    assert targets("tags/russia/page/2/", pager) == ["tags/russia/", "tags/russia/page/3/"]
    s400 = [page(paged.public, url) for url in ("tags/s-400/", "tags/s-400/page/2/")]
    assert titles_on(s400) == [paged_title(i) for i in range(24, 0, -2)]
    assert not (paged.public / "tags/s-400/page/3").exists()
    nato = page(paged.public, "tags/nato/")
    assert text_of(nato.xpath("//h1")[0]) == "NATO"
    assert card_titles(nato) == [paged_title(i) for i in (25, 20, 15, 10, 5)]
    assert nato.xpath("//nav[contains(@class,'pager')]") == []
    assert not (paged.public / "tags/nato/page").exists()


def test_tag_page_links_to_its_feed(paged):
    doc = page(paged.public, "tags/nato/")
    feeds = targets("tags/nato/", doc.xpath("//link[@type='application/atom+xml']/@href"))
    assert "tags/nato/atom.xml" in feeds
    assert (paged.public / "tags/nato/atom.xml").is_file()


def test_tag_index_groups_tags_by_entity_type_with_counts(paged):
    doc = page(paged.public, "tags/")
    groups = doc.xpath("//section[contains(@class,'tag-group')]")
    labels = [text_of(g.xpath("h2")[0]) for g in groups]
    assert labels == ["Countries", "People", "Organisations", "Weapon systems", "Topics"]
    listed = {
        text_of(g.xpath("h2")[0]): [
            (text_of(li.xpath("a")[0]), text_of(li.xpath(".//*[@class='count']")[0]))
            for li in g.xpath(".//li")
        ]
        for g in groups
    }
    assert listed == {
        "Countries": [("Russia", "25")],
        "People": [("Vladimir Putin", "8")],
        "Organisations": [("NATO", "5")],
        "Weapon systems": [("S-400", "12")],
        "Topics": [("Air defence", "6")],
    }
    assert targets("tags/", doc.xpath("//section[h2[.='People']]//a/@href")) == ["tags/vladimir-putin/"]


def test_tag_index_puts_tags_without_an_entity_type_under_other(site):
    root = site(
        {
            "content/a.md": entry_md(
                "a", "A", "2024-01-01", tags=["Russia", "Loose"], entities={"countries": ["Russia"]}
            )
        }
    )
    build(root)
    doc = page(root / "public", "tags/")
    labels = [text_of(h) for h in doc.xpath("//section[contains(@class,'tag-group')]/h2")]
    assert labels == ["Countries", "Other tags"]
    assert [text_of(a) for a in doc.xpath("//section[h2[.='Other tags']]//a")] == ["Loose"]


def test_day_edition_lists_that_days_entries(small):
    doc = page(small.public, "2024/03/02/")
    assert text_of(doc.xpath("//h1")[0]) == "Edition of 2 March 2024"
    assert card_titles(doc) == ["Bravo: second S-400 battery", "Charlie: Russian exercise"]
    newer = doc.xpath("//nav[contains(@class,'pager')]/a[@rel='next']/@href")
    older = doc.xpath("//nav[contains(@class,'pager')]/a[@rel='prev']/@href")
    assert targets("2024/03/02/", newer) == ["2024/04/10/"]
    assert targets("2024/03/02/", older) == ["2024/03/01/"]
    assert not (small.public / "2024/03/03").exists()


def test_month_edition_lists_that_months_entries(small):
    march = page(small.public, "2024/03/")
    assert text_of(march.xpath("//h1")[0]) == "March 2024"
    assert card_titles(march) == [
        "Bravo: second S-400 battery",
        "Charlie: Russian exercise",
        "Alpha: S-400 deliveries begin",
    ]
    assert card_titles(page(small.public, "2024/04/")) == ["Delta: NATO summit"]


def test_archive_lists_months_and_days_with_counts(small):
    doc = page(small.public, "archive/")
    months = doc.xpath("//section[contains(@class,'archive-month')]")
    assert targets("archive/", [m.xpath("h2/a/@href")[0] for m in months]) == ["2024/04/", "2024/03/"]
    assert [text_of(m.xpath("h2//*[@class='count']")[0]) for m in months] == ["1", "3"]
    march_days = [
        (resolve("archive/", li.xpath("a/@href")[0]), text_of(li.xpath("*[@class='count']")[0]))
        for li in months[1].xpath(".//li")
    ]
    assert march_days == [("2024/03/02/", "2"), ("2024/03/01/", "1")]


def test_entries_are_dated_in_the_sites_time_zone(site):
    root = site(
        {
            "briefing.toml": 'timezone = "Asia/Tokyo"\n',
            "content/late.md": entry_md("late", "Late", "2024-03-01T20:00:00Z"),
        }
    )
    build(root)
    doc = page(root / "public", "briefings/late/")
    assert doc.xpath("//article//time/@datetime")[0] == "2024-03-02T05:00:00+09:00"
    assert (root / "public/2024/03/02/index.html").is_file()
    assert not (root / "public/2024/03/01").exists()


def test_dates_before_year_1000_get_four_digit_edition_urls(site):
    root = site(
        {
            "content/old.md": entry_md("old", "Old", "0800-12-25"),
            "content/new.md": entry_md("new", "New", "2024-01-01"),
        }
    )
    build(root)
    assert (root / "public/0800/12/25/index.html").is_file()
    assert (root / "public/0800/12/index.html").is_file()
    archive = page(root / "public", "archive/")
    assert "0800/12/25/" in targets("archive/", archive.xpath("//a/@href"))


def test_an_empty_site_builds_a_front_page_that_says_so_and_a_search_page_with_its_files(site, tmp_path):
    # content/ there but empty: a missing content/ is an error (issue 13), not an empty site.
    root = site({"briefing.toml": 'title = "Empty"\n', "seeds/.keep": "", "content/.keep": ""})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = run_cli("build", "--site", str(root), cwd=elsewhere)
    assert run.code == 0, run.err
    assert list(elsewhere.iterdir()) == [], "the build wrote outside the site"
    doc = page(root / "public", "")
    assert "No briefings yet" in text_of(doc.xpath("//main")[0])
    assert card_titles(doc) == []
    assert broken_links(root / "public", ROOT_URL) == []


def test_entry_page_matches_the_golden_file(small):
    """The whole entry page, byte for byte; regenerate with BRIEFING_UPDATE_GOLDEN=1."""
    golden = GOLDEN / "alpha.html"
    built = (small.public / "briefings/alpha/index.html").read_text(encoding="utf-8")
    if os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(built, encoding="utf-8")
    assert golden.is_file(), "no golden file yet: run with BRIEFING_UPDATE_GOLDEN=1"
    expected = golden.read_text(encoding="utf-8")
    assert built == expected, "entry page changed; if on purpose, run with BRIEFING_UPDATE_GOLDEN=1"
    assert not re.search(r"\b20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+", built), "a build time stamp leaked"
