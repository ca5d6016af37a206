"""Entity pages (issue 9): a tag page says what the entity is, how it is also written, how often
and when it was in the news (a chart whose bars are the monthly counts), what it is mentioned
with, and lists its briefings newest first, across pages."""

from __future__ import annotations

import pytest
from reading import build, links, page, text, write_files
from sites import (
    ERDOGAN,
    S400,
    S400_COMPANIONS,
    S400_FIRST,
    S400_LAST,
    S400_MONTHS,
    desk_tagged,
    tagged_entry_md,
)

S400_URL = "tags/s-400/"


def aliases_of(doc) -> list[str]:
    found = doc.xpath("//*[@class='aliases']")
    if not found:
        return []
    line = text(found[0])
    assert line.startswith("Also written: "), line
    return line.removeprefix("Also written: ").split(", ")


def test_entity_page_names_the_type_and_the_aliases_of_the_registry_and_the_site(desk):
    doc = page(desk, S400_URL)
    assert text(doc.xpath("//h1")[0]) == S400
    header = doc.xpath("//header[contains(@class, 'entity-header')]")[0]
    assert "Weapon systems" in text(header)
    aliases = aliases_of(doc)
    # Shipped registry aliases, and the one the site's entities.yml adds.
    for alias in ("SA-21 Growler", "S-400 Triumf", "SA-21", "Triumf system"):
        assert alias in aliases, aliases
    assert S400 not in aliases
    assert len(aliases) == len(set(aliases)), aliases


def test_a_person_page_shows_the_persons_type_and_aliases(desk):
    doc = page(desk, "tags/recep-tayyip-erdogan/")
    assert text(doc.xpath("//h1")[0]) == ERDOGAN
    assert "People" in text(doc.xpath("//header[contains(@class, 'entity-header')]")[0])
    assert "Tayyip Erdoğan" in aliases_of(doc)


def test_a_tag_the_registry_does_not_know_has_no_aliases_line(desk):
    doc = page(desk, "tags/caatsa/")
    assert doc.xpath("//*[@class='aliases']") == []
    assert "Other tags" in text(doc.xpath("//header[contains(@class, 'entity-header')]")[0])


def test_entity_page_counts_briefings_and_gives_first_and_last_mention(desk):
    header = page(desk, S400_URL).xpath("//header[contains(@class, 'entity-header')]")[0]
    assert f"{len(desk_tagged(S400))} briefings" in text(header)
    assert [t.get("datetime") for t in header.xpath(".//time")] == [S400_FIRST, S400_LAST]
    assert "first mentioned 15 December 2023, last 30 July 2024" in text(header)


def test_entity_with_one_briefing_says_briefing_and_first_equals_last(desk):
    header = page(desk, "tags/caatsa/").xpath("//header[contains(@class, 'entity-header')]")[0]
    assert "1 briefing ·" in text(header)
    assert [t.get("datetime") for t in header.xpath(".//time")] == ["2024-07-30", "2024-07-30"]


def chart_bars(doc) -> list[tuple[str, int, float]]:
    charts = doc.xpath("//*[local-name()='svg' and contains(@class, 'chart')]")
    assert len(charts) == 1, "one timeline chart"
    return [
        (bar.get("data-month"), int(bar.get("data-count")), float(bar.get("height")))
        for bar in charts[0].xpath(".//*[local-name()='rect' and contains(@class, 'chart-bar')]")
    ]


def test_chart_has_a_bar_per_month_with_the_monthly_counts_quiet_months_included(desk):
    bars = chart_bars(page(desk, S400_URL))
    assert [(month, count) for month, count, _height in bars] == S400_MONTHS


def test_chart_bar_heights_are_proportional_to_the_counts(desk):
    bars = chart_bars(page(desk, S400_URL))
    tallest = max(height for _m, _c, height in bars)
    most = max(count for _m, count, _h in bars)
    assert tallest > 0
    for month, count, height in bars:
        if count == 0:
            assert height == 0, month
        else:
            # Whole pixels: within one pixel of exact proportion.
            assert abs(height - tallest * count / most) <= 1, (month, count, height)
    heights = {count: height for _m, count, height in bars}
    assert heights[1] < heights[2] < heights[3]


def test_chart_is_accessible_and_made_without_javascript(desk):
    doc = page(desk, S400_URL)
    chart = doc.xpath("//*[local-name()='svg' and contains(@class, 'chart')]")[0]
    assert chart.get("role") == "img"
    label = chart.get("aria-labelledby") or ""
    assert label and doc.xpath(f"//*[@id='{label}']"), "the chart is labelled by an element on the page"
    assert S400 in text(doc.xpath(f"//*[@id='{label}']")[0])
    profile = doc.xpath("//section[contains(@class, 'entity-profile')]")[0]
    assert not profile.xpath(".//script")
    # Bars take the text colour, so a dark theme restyles them.
    (css_file,) = (desk / "assets").glob("briefing.*.css")  # its name carries a content hash
    css = css_file.read_text(encoding="utf-8")
    assert ".chart-bar" in css and "currentColor" in css and "prefers-color-scheme: dark" in css


def test_chart_has_a_table_with_the_same_counts_as_text_equivalent(desk):
    doc = page(desk, S400_URL)
    rows = doc.xpath("//table[contains(@class, 'timeline-table')]/tbody/tr")
    table = [(text(row[0]), int(text(row[1]))) for row in rows]
    months = {
        "12": "Dec",
        "01": "Jan",
        "02": "Feb",
        "03": "Mar",
        "04": "Apr",
        "05": "May",
        "06": "Jun",
        "07": "Jul",
    }
    assert table == [(f"{months[key[5:]]} {key[:4]}", count) for key, count in S400_MONTHS]
    # Busy months link to their month's edition, which exists.
    for (_label, url), (key, _count) in zip(
        links(doc, S400_URL, "//table[contains(@class, 'timeline-table')]//a"),
        [m for m in S400_MONTHS if m[1]],
        strict=True,
    ):
        assert url == key.replace("-", "/") + "/"
        page(desk, url)


def test_companions_are_the_entities_most_often_mentioned_with_it_linked_with_counts(desk):
    doc = page(desk, S400_URL)
    items = doc.xpath("//ul[contains(@class, 'companions')]/li")
    found = [(text(li.xpath("./a")[0]), int(text(li.xpath(".//*[@class='count']")[0]))) for li in items]
    assert found == S400_COMPANIONS
    for name, url in links(doc, S400_URL, "//ul[contains(@class, 'companions')]/li/a"):
        assert text(page(desk, url).xpath("//h1")[0]) == name


def briefing_links(doc, here: str) -> list[str]:
    return [
        url.removeprefix("briefings/").rstrip("/")
        for _t, url in links(doc, here, "//ol[contains(@class, 'compact')]/li/a")
    ]


def test_briefings_are_listed_newest_first_across_pages_and_the_profile_heads_page_one(desk):
    expected = desk_tagged(S400)
    pages, url = [], S400_URL
    while url:
        doc = page(desk, url)
        pages.append(briefing_links(doc, url))
        has_profile = bool(doc.xpath("//section[contains(@class, 'entity-profile')]"))
        assert has_profile == (url == S400_URL), url
        # Every page of the entity links its feed.
        assert doc.xpath("//link[@rel='alternate' and contains(@href, 's-400/atom.xml')]"), url
        older = links(doc, url, "//nav[contains(@class, 'pager')]//a[contains(., 'Older')]")
        url = older[0][1] if older else ""
    assert [len(p) for p in pages] == [3, 3, 2]  # page_size 3
    assert [slug for p in pages for slug in p] == expected


@pytest.mark.parametrize("name, url", [("Turkey", "tags/turkey/"), ("NATO", "tags/nato/")])
def test_other_entities_count_their_own_briefings(desk, name, url):
    header = page(desk, url).xpath("//header[contains(@class, 'entity-header')]")[0]
    assert f"{len(desk_tagged(name))} briefing" in text(header)


def test_aliases_never_repeat_the_name_or_each_other_in_another_case(desk):
    """ "Also written: air defence" under the heading "Air defence" tells the reader nothing."""
    for url in ("tags/air-defence/", S400_URL, "tags/turkey/", "tags/patriot/"):
        doc = page(desk, url)
        name = text(doc.xpath("//h1")[0])
        folded = [alias.casefold() for alias in aliases_of(doc)]
        assert name.casefold() not in folded, (url, aliases_of(doc))
        assert len(folded) == len(set(folded)), (url, aliases_of(doc))


def test_timeline_months_are_the_sites_time_zone_months_and_link_their_editions(tmp_path):
    """23:30 UTC on 31 January is 1 February in Auckland: the bar, the edition and the table agree."""
    root = write_files(
        tmp_path / "tz",
        {
            "briefing.toml": 'title = "TZ"\nbase_url = "https://tz.example/"\ntimezone = "Pacific/Auckland"\n',
            "content/a.md": tagged_entry_md("a", "A", "2024-01-31T23:30:00Z", weapon_systems=[S400]),
            "content/b.md": tagged_entry_md("b", "B", "2024-01-05T10:00:00Z", weapon_systems=[S400]),
            # A third month: entity pages chart from three months of data on (issue 14).
            "content/c.md": tagged_entry_md("c", "C", "2024-03-10T10:00:00Z", weapon_systems=[S400]),
        },
    )
    build(root)
    public = root / "public"
    doc = page(public, S400_URL)
    assert [(m, c) for m, c, _h in chart_bars(doc)] == [("2024-01", 1), ("2024-02", 1), ("2024-03", 1)]
    header = doc.xpath("//header[contains(@class, 'entity-header')]")[0]
    assert [t.get("datetime") for t in header.xpath(".//time")] == ["2024-01-05", "2024-03-10"]
    for _label, url in links(doc, S400_URL, "//table[contains(@class, 'timeline-table')]//a"):
        page(public, url)
    page(public, "2024/02/01/")
