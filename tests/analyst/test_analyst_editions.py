"""Daily editions (issue 9): each opens with "The day in brief" (the day's briefings grouped by
their main entity type, and the day's most mentioned entities) and links the previous and next
editions."""

from __future__ import annotations

import pytest
from analyst_sites import DESK_ENTRIES, DIGEST_DAY, DIGEST_GROUPS, DIGEST_TOP3, EDITION_DAYS
from analyst_support import links, page, text


def day_url(day: str) -> str:
    return day.replace("-", "/") + "/"


def digest_of(doc, here: str) -> tuple[list[tuple[str, list[str]]], list[tuple[str, int, str]]]:
    """([(type label, [slugs])], [(entity, count, URL)]) of the edition's digest."""
    (section,) = doc.xpath("//section[contains(@class, 'digest')]")
    groups = []
    for heading in section.xpath("./h3"):
        (items,) = heading.xpath("following-sibling::ul[1]")
        slugs = [url.removeprefix("briefings/").rstrip("/") for _t, url in links(items, here, "./li/a")]
        groups.append((text(heading), slugs))
    top = []
    for a, (name, url) in zip(
        section.xpath(".//*[contains(@class, 'digest-top')]/a"),
        links(section, here, ".//*[contains(@class, 'digest-top')]/a"),
        strict=True,
    ):
        count = (a.tail or "").strip().removeprefix("(").split(")")[0]
        top.append((name, int(count), url))
    return groups, top


def test_the_edition_opens_with_the_day_in_brief_before_the_briefings(desk):
    doc = page(desk, day_url(DIGEST_DAY))
    main = doc.xpath("//main")[0]
    headings = [text(h) for h in main.xpath(".//h2")]
    assert headings[0] == "The day in brief"
    order = list(main.iter())
    digest = main.xpath(".//section[contains(@class, 'digest')]")[0]
    first_card = main.xpath(".//article[contains(@class, 'card')]")[0]
    assert order.index(digest) < order.index(first_card)


def test_the_digest_groups_the_days_briefings_by_main_entity_type(desk):
    groups, _top = digest_of(page(desk, day_url(DIGEST_DAY)), day_url(DIGEST_DAY))
    assert groups == DIGEST_GROUPS


def test_the_digest_names_the_days_most_mentioned_entities_with_counts(desk):
    here = day_url(DIGEST_DAY)
    _groups, top = digest_of(page(desk, here), here)
    assert [(name, count) for name, count, _url in top[:3]] == DIGEST_TOP3
    assert len(top) <= 10
    counts = [count for _name, count, _url in top]
    assert counts == sorted(counts, reverse=True)
    day_tags = [
        name
        for _s, date, groups in DESK_ENTRIES
        if date.startswith(DIGEST_DAY)
        for names in groups.values()
        for name in names
    ]
    for name, count, url in top:
        assert day_tags.count(name) == count, name
        assert text(page(desk, url).xpath("//h1")[0]) == name


@pytest.mark.parametrize("day", EDITION_DAYS)
def test_every_day_edition_has_a_digest_that_lists_each_of_its_briefings_once(desk, day):
    here = day_url(day)
    groups, _top = digest_of(page(desk, here), here)
    listed = [slug for _label, slugs in groups for slug in slugs]
    assert sorted(listed) == sorted(slug for slug, date, _g in DESK_ENTRIES if date.startswith(day))


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
