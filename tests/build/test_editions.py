"""Daily editions (issues 9 and 14): a day of more than three stories opens with "The day in
brief" (the top five stories, then the rest by region or topic), and editions link the previous
and next ones."""

from __future__ import annotations

import pytest
from reading import links, page, text
from sites import DESK_ENTRIES, DIGEST_DAY, EDITION_DAYS


def day_url(day: str) -> str:
    return day.replace("-", "/") + "/"


REGIONS = {
    "Europe",
    "Caucasus and Central Asia",
    "Middle East",
    "North Africa",
    "Africa",
    "Indo-Pacific",
    "Americas",
}


def digest_of(doc, here: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """([top story slugs], [(region or topic, [slugs])]) of the edition's day in brief."""
    (section,) = doc.xpath("//section[contains(@class, 'digest')]")

    def slugs(where, path: str) -> list[str]:
        return [url.removeprefix("briefings/").rstrip("/") for _t, url in links(where, here, path)]

    top = slugs(section, ".//ol[contains(@class, 'brief-top')]/li/a")
    groups = []
    for heading in section.xpath("./h4"):
        (items,) = heading.xpath("following-sibling::ul[1]")
        groups.append((text(heading), slugs(items, "./li/a")))
    return top, groups


def day_slugs(day: str) -> list[str]:
    return [slug for slug, date, _g in DESK_ENTRIES if date.startswith(day)]


def test_the_edition_opens_with_the_day_in_brief_before_the_briefings(desk):
    doc = page(desk, day_url(DIGEST_DAY))
    main = doc.xpath("//main")[0]
    headings = [text(h) for h in main.xpath(".//h2")]
    assert headings[0] == "The day in brief"
    order = list(main.iter())
    digest = main.xpath(".//section[contains(@class, 'digest')]")[0]
    first_card = main.xpath(".//article[contains(@class, 'card')]")[0]
    assert order.index(digest) < order.index(first_card)


def test_the_day_in_brief_has_the_top_five_then_the_rest_by_region_or_topic(desk):
    # Issue 14: not by entity type (27 of 28 under "Weapon systems"), but the five that matter
    # most, then the rest by the region of their country, or their topic when none is named.
    top, groups = digest_of(page(desk, day_url(DIGEST_DAY)), day_url(DIGEST_DAY))
    assert len(top) == 5
    assert top[0] == "turkey-s-400-activation-talks"  # a weapon system, a person and NATO
    rest = dict(groups)
    assert rest.get("Europe") == ["poland-raises-budget"]
    assert [slug for _label, slugs in groups for slug in slugs] == [
        s for s in day_slugs(DIGEST_DAY) if s not in top
    ]
    assert all(label in REGIONS or label == "Elsewhere" for label, _slugs in groups)


def test_the_day_in_brief_lists_no_counts(desk):
    here = day_url(DIGEST_DAY)
    (section,) = page(desk, here).xpath("//section[contains(@class, 'digest')]")
    assert "(1)" not in text(section) and "(2)" not in text(section)


@pytest.mark.parametrize("day", EDITION_DAYS)
def test_a_day_in_brief_lists_each_story_once_and_small_days_have_none(desk, day):
    here = day_url(day)
    doc = page(desk, here)
    if len(day_slugs(day)) <= 3:
        assert not doc.xpath("//section[contains(@class, 'digest')]"), "a small day repeats its list"
        return
    top, groups = digest_of(doc, here)
    listed = top + [slug for _label, slugs in groups for slug in slugs]
    assert sorted(listed) == sorted(day_slugs(day))


def edition_nav(doc, here: str) -> dict[str, str]:
    (nav,) = doc.xpath("//nav[@aria-label='Editions']")
    return {
        a.get("rel"): url
        for a, (_t, url) in zip(nav.xpath(".//a[@rel]"), links(nav, here, ".//a[@rel]"), strict=True)
    }


@pytest.mark.parametrize("index", range(len(EDITION_DAYS)))
def test_editions_link_the_previous_and_next_day_with_briefings(desk, index):
    day = EDITION_DAYS[index]
    nav = edition_nav(page(desk, day_url(day)), day_url(day))
    older = EDITION_DAYS[index - 1] if index > 0 else None
    newer = EDITION_DAYS[index + 1] if index + 1 < len(EDITION_DAYS) else None
    assert nav.get("prev") == (day_url(older) if older else None)
    assert nav.get("next") == (day_url(newer) if newer else None)
    for url in nav.values():
        page(desk, url)


def test_month_editions_have_no_day_digest(desk):
    doc = page(desk, "2024/04/")
    assert not doc.xpath("//section[contains(@class, 'digest')]")
