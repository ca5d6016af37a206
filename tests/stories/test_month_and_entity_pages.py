"""Month editions open with top stories, most named entities (with change) and a per-day chart;
entity pages have a full-width chart with a scale and month links, hidden under three months."""

from __future__ import annotations

import pytest
from sitecheck import build_in_process, page, resolve, text_of, write_files
from story_sites import busy_day_files, report


def months_files() -> dict[str, str]:
    files = busy_day_files()
    for i, when in enumerate(["2024-01-10T10:00:00Z", "2024-02-12T10:00:00Z", "2024-02-20T10:00:00Z"]):
        path, text = report(
            f"earlier-{i}",
            f"Earlier Turkey S-400 report {i}",
            when,
            tags=["Turkey", "S-400"],
            entities={"countries": ["Turkey"], "weapon_systems": ["S-400"]},
        )
        files[path] = text
    return files


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    root = write_files(tmp_path_factory.mktemp("months"), months_files())
    build_in_process(root)
    return root / "public"


def test_a_month_edition_opens_with_its_top_stories(public):
    doc = page(public, "2024/03/")
    top = doc.xpath("//section[@class='month-opening']//ol[@class='brief-top']/li")
    assert len(top) == 5
    assert text_of(top[0]).startswith("UPDATE: Russia delivers S-400 battery to Turkey")
    assert "3 reports" in text_of(top[0])


def test_a_month_edition_lists_the_most_named_entities_with_the_change(public):
    doc = page(public, "2024/03/")
    rows = {
        text_of(r.xpath("td[1]")[0]): (text_of(r.xpath("td[2]")[0]), r.xpath("td[3]")[0].text)
        for r in doc.xpath("//table[@class='named']/tbody/tr")
    }
    # Turkey: 4 in March, 2 in February; S-400: 3 against 2; Chile: not named in February.
    assert rows["Turkey"] == ("4", "+2")
    assert rows["S-400"] == ("3", "+1")
    assert rows["Chile"] == ("2", "new")
    assert all(count != "1" for count, _change in rows.values()), "no counts of 1"
    feb = {
        text_of(r.xpath("td[1]")[0]): r.xpath("td[3]")[0].text
        for r in page(public, "2024/02/").xpath("//table[@class='named']/tbody/tr")
    }
    assert feb == {"S-400": "+1", "Turkey": "+1"}


def test_a_month_edition_has_a_per_day_chart_whose_bars_link_to_the_days(public):
    chart = page(public, "2024/03/").xpath("//figure[@class='daychart']/*[local-name()='svg']")[0]
    bars = chart.xpath(".//*[local-name()='rect'][@class='chart-bar']")
    assert len(bars) == 31
    assert {b.get("data-day"): b.get("data-count") for b in bars}["2024-03-05"] == "11"
    links = chart.xpath(".//*[local-name()='a']/@href")
    assert sorted(resolve("2024/03/", h) for h in links) == ["2024/03/03/", "2024/03/04/", "2024/03/05/"]


def test_an_entity_page_has_a_full_width_chart_with_scale_and_month_links(public):
    doc = page(public, "tags/turkey/")
    chart = doc.xpath("//figure[@class='timeline']/*[local-name()='svg']")[0]
    assert "barchart" in chart.get("class")
    scale = [t.text for t in chart.xpath(".//*[local-name()='text'][@text-anchor='end']")]
    assert scale == ["0", "2", "5"]  # 0, half and top of a 1-2-5 scale above the largest month (4)
    labels = [t.text for t in chart.xpath(".//*[local-name()='text'][@text-anchor='middle']")]
    assert labels == ["Jan 2024", "Feb 2024", "Mar 2024"]
    links = [resolve("tags/turkey/", h) for h in chart.xpath(".//*[local-name()='a']/@href")]
    assert links == ["2024/01/", "2024/02/", "2024/03/"]


def test_an_entity_page_lists_briefings_compactly_with_report_counts(public):
    rows = page(public, "tags/s-400/").xpath("//ol[@class='compact']/li")
    first = rows[0]
    assert first.xpath("time/@datetime")[0].startswith("2024-03-05")
    assert text_of(first.xpath("a")[0]) == "UPDATE: Russia delivers S-400 battery to Turkey"
    assert "3 reports" in text_of(first)


def test_an_entity_of_under_three_months_has_no_chart(public):
    doc = page(public, "tags/chile/")
    assert doc.xpath("//*[local-name()='svg']") == []
    assert doc.xpath("//ol[@class='compact']/li")
