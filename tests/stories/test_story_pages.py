"""Front page, editions and entry pages show stories: one card each, ranked, with the day in brief."""

from __future__ import annotations

import re

import pytest
from sitecheck import (
    build,
    build_fails,
    build_in_process,
    clean_copy,
    copy_built,
    page,
    text_of,
    tree_differences,
)
from story_sites import busy_day_files, report

from briefing.ranking import make_story
from briefing.site import Site  # noqa: F401  (the page views are made from it)


@pytest.fixture(scope="module")
def busy(tmp_path_factory):
    from sitecheck import write_files

    root = write_files(tmp_path_factory.mktemp("busy"), busy_day_files())
    build_in_process(root)
    return root


def cards(public, url="index.html"):
    return page(public, url).xpath("//article[@data-story]")


def test_a_story_of_three_reports_is_one_card_led_by_its_newest_complete_report(busy):
    found = [c for c in cards(busy / "public") if c.get("data-story") == "s400-first"]
    assert len(found) == 1
    card = found[0]
    assert text_of(card.xpath(".//h3")[0]) == "UPDATE: Russia delivers S-400 battery to Turkey"
    assert "3 reports" in text_of(card)
    others = {a.get("href") for a in card.xpath(".//details[@class='reports']//a")}
    assert others == {"briefings/s400-first/", "briefings/s400-copy/"}
    assert "Updated 15:30" in text_of(card)


def test_every_story_appears_once_on_the_front_page_and_in_its_edition(busy):
    for url in ("index.html", "2024/03/05/index.html"):
        ids = [c.get("data-story") for c in cards(busy / "public", url)]
        assert len(ids) == len(set(ids))
    assert len(cards(busy / "public", "2024/03/05/index.html")) == 9


def test_an_entry_page_links_the_other_reports_of_its_story(busy):
    doc = page(busy / "public", "briefings/s400-copy/index.html")
    section = doc.xpath("//section[@class='story-reports']")[0]
    assert {a.get("href") for a in section.xpath(".//a")} == {
        "../../briefings/s400-first/",
        "../../briefings/s400-update/",
    }
    related = doc.xpath("//section[@class='related']//a/@href")
    assert not any("s400-" in href for href in related), "reports of its own story are not 'related'"


def test_stories_are_ranked_by_score_and_the_weightiest_leads(busy):
    ids = [c.get("data-story") for c in cards(busy / "public", "2024/03/05/index.html")]
    # The S-400 story names a weapon system and a person in its headline and has three reports.
    assert ids[0] == "s400-first"
    # Country-only stories of equal score break ties by id (slug).
    tied = [i for i in ids if i.startswith("day-story-")]
    assert tied == sorted(tied)


def test_an_editors_priority_overrides_the_score(tmp_path):
    from sitecheck import write_files

    files = busy_day_files()
    path, text = report(
        "day-story-3",
        "Japan news of the day number 3",
        "2024-03-05T13:00:00Z",
        tags=["Japan"],
        entities={"countries": ["Japan"]},
        extra={"priority": 5},
    )
    files[path] = text
    root = write_files(tmp_path, files)
    build_in_process(root)
    assert cards(root / "public", "2024/03/05/index.html")[0].get("data-story") == "day-story-3"


def test_the_day_in_brief_has_the_top_five_then_the_rest_by_region_or_topic(busy):
    doc = page(busy / "public", "2024/03/05/index.html")
    brief = doc.xpath("//section[@class='digest']")[0]
    top = brief.xpath(".//ol[@class='brief-top']/li")
    assert len(top) == 5
    assert text_of(top[0]).startswith("UPDATE: Russia delivers S-400 battery to Turkey")
    assert "S-400" in text_of(top[0]) and "Recep Tayyip Erdoğan" in text_of(top[0])
    groups = [text_of(h) for h in brief.xpath(".//h4")]
    rest = brief.xpath(".//ul/li")
    assert len(rest) == 9 - 5
    assert set(groups) <= {"Europe", "Middle East", "Indo-Pacific", "Africa", "Americas", "Cyber warfare"}
    assert len(groups) == len(set(groups))
    # No counts of 1 anywhere in the brief.
    assert not re.search(r"\(1\)", text_of(brief))


def test_a_day_of_three_stories_or_fewer_has_no_brief(busy):
    assert page(busy / "public", "2024/03/04/index.html").xpath("//section[@class='digest']") == []
    assert page(busy / "public", "2024/03/03/index.html").xpath("//section[@class='digest']") == []


def test_cards_show_four_typed_tags_no_date_and_no_credit(busy):
    for card in cards(busy / "public"):
        keys = card.xpath(".//ul[@class='keys']/li")
        assert len(keys) <= 4
        for key in keys:
            assert key.xpath(".//span[@class='kind']"), "each tag says its type in words"
        assert "Photo" not in text_of(card) and "Vitaly Kuzmin" not in text_of(card)
        assert "March" not in " ".join(card.xpath("./p//text()")), "no date under the day's heading"
    assert "more tags" not in (busy / "public/index.html").read_text()


def test_counts_read_right_in_the_singular_and_plural(busy):
    header = text_of(page(busy / "public", "index.html").xpath("//header[@class='page-header']")[0])
    assert "13 stories from 15 reports" in header
    assert "1 stories" not in (busy / "public/page/2/index.html").read_text()


def test_front_pages_hold_whole_days_newest_first(busy):
    first = page(busy / "public", "index.html")
    second = page(busy / "public", "page/2/index.html")
    assert first.xpath("//section[@class='day']/h2/@id") == ["day-2024-03-05"]
    assert second.xpath("//section[@class='day']/h2/@id") == ["day-2024-03-04", "day-2024-03-03"]


def test_two_builds_of_one_site_are_byte_identical(busy, tmp_path):
    other = clean_copy(busy, tmp_path / "again")
    build_in_process(other)
    assert tree_differences(busy / "public", other / "public") == []


@pytest.mark.parametrize(
    "line, key",
    [
        ("story: [a, b]", "story"),
        ("story: Not A Slug!", "story"),
        ("priority: high", "priority"),
        ("priority: 1.5", "priority"),
        ("story: true", "story"),
        ("story: 12", "story"),
        ("priority: '3'", "priority"),
        ("priority: 5000", "priority"),
    ],
)
def test_a_wrong_typed_story_or_priority_is_one_line_naming_file_and_line(tmp_path, line, key):
    from sitecheck import write_files

    root = write_files(
        tmp_path,
        {"content/x.md": f"---\ntitle: X\ndate: 2024-03-01\ntags: []\n{line}\n---\n\nBody.\n"},
    )
    run = build_fails(root, in_process=True)
    assert "x.md:5" in run.err and key in run.err


def _add_report(root):
    path, text = report(
        "s400-fourth",
        "Turkey's S-400 arrives, a fourth report",
        "2024-03-05T18:00:00Z",
        story="s400-first",
        tags=["S-400", "Turkey"],
        entities={"countries": ["Turkey"], "weapon_systems": ["S-400"]},
    )
    (root / path).write_text(text)


def _editor_joins(root):
    entry = root / "content/day-story-1.md"
    entry.write_text(entry.read_text().replace("tags:", "story: s400-first\ntags:", 1))


def _retitle_non_lead(root):
    entry = root / "content/s400-copy.md"
    entry.write_text(entry.read_text().replace("Turkey takes delivery", "Ankara takes delivery"))


@pytest.mark.parametrize("change", [_add_report, _editor_joins, _retitle_non_lead])
def test_an_incremental_build_equals_a_clean_one_after_a_story_changes(busy, tmp_path, change):
    root = copy_built(busy, tmp_path / "site")
    change(root)
    build(root)
    clean = clean_copy(root, tmp_path / "clean")
    build_in_process(clean)
    assert tree_differences(root / "public", clean / "public") == []


def test_the_score_is_documented_arithmetic(busy):
    # Weights x prominence of the five weightiest entities, plus 2.5 per extra report (max 7.5).
    from briefing.config import load_config
    from briefing.entries.validate import load_entry

    config = load_config(busy)
    reports = [
        load_entry(busy / f"content/{s}.md", config) for s in ("s400-first", "s400-copy", "s400-update")
    ]
    story = make_story("s400-first", reports)
    assert story.lead.slug == "s400-update"
    # S-400 in the headline (3 x 2), Turkey and Russia in it (1 x 2 each), Erdoğan not (2.5), topic 1.
    assert story.score == 6 + 2 + 2 + 2.5 + 1 + 5.0
