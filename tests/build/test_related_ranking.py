"""Related briefings, ranked in process on entries made in memory: no files, no build."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefing.config import Config
from briefing.model import Entry
from briefing.parallel import InProcessExecutor
from briefing.related import WINDOW, related_slugs
from briefing.site import index_site

START = datetime(2024, 3, 1, 12, tzinfo=UTC)


def entry(slug: str, days: float, **groups: list[str]) -> Entry:
    tags = tuple(name for names in groups.values() for name in names)
    return Entry(
        file=f"/content/{slug}.md",
        slug=slug,
        title=slug.title(),
        published=START + timedelta(days=days),
        summary="",
        body="",
        tags=tags,
        entities={group: tuple(names) for group, names in groups.items()},
        source=None,
        image=None,
        digest=slug,
    )


def related(entries: list[Entry], count: int = 5) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    config = Config(root=Path("/site"), related_count=count)
    site = index_site(config, entries, executor=InProcessExecutor())
    return related_slugs(site.related)


def test_a_shared_weapon_system_outranks_a_shared_country():
    ranked = related(
        [
            entry("me", 0, countries=["Russia"], weapon_systems=["S-400"]),
            entry("same-country", 1, countries=["Russia"]),
            entry("same-weapon", 1, weapon_systems=["S-400"]),
        ]
    )
    assert [slug for slug, _ in ranked["me"]] == ["same-weapon", "same-country"]


def test_nearer_in_time_wins_between_equal_matches_and_ties_go_by_slug():
    ranked = related(
        [
            entry("me", 0, countries=["Turkey"]),
            entry("far", 700, countries=["Turkey"]),
            entry("near-b", 10, countries=["Turkey"]),
            entry("near-a", -10, countries=["Turkey"]),
        ]
    )
    assert [slug for slug, _ in ranked["me"]] == ["near-a", "near-b", "far"]


def test_shared_tags_are_listed_strongest_first_and_unrelated_entries_never_appear():
    ranked = related(
        [
            entry(
                "me", 0, countries=["Russia", "Turkey"], weapon_systems=["S-400"], people=["Vladimir Putin"]
            ),
            entry("both", 1, countries=["Turkey"], weapon_systems=["S-400"], people=["Vladimir Putin"]),
            entry("stranger", 1, countries=["Chad"]),
        ]
    )
    assert ranked["me"] == [("both", ("S-400", "Vladimir Putin", "Turkey"))]
    assert ranked["stranger"] == []


def test_the_count_is_a_limit_and_an_entry_is_never_its_own_relation():
    entries = [entry(f"e{i:02}", i, countries=["Russia"]) for i in range(12)]
    ranked = related(entries, count=3)
    assert all(len(items) == 3 for items in ranked.values())
    assert all(slug not in [other for other, _ in items] for slug, items in ranked.items())
    assert related(entries, count=0)["e00"] == []


def test_candidates_come_from_the_nearest_entries_in_each_tag():
    """However big a tag grows, only the WINDOW entries either side in time are looked at."""
    entries = [entry(f"e{i:03}", i, countries=["Russia"]) for i in range(3 * WINDOW)]
    ranked = related(entries, count=10 * WINDOW)
    newest = f"e{3 * WINDOW - 1:03}"
    assert len(ranked[newest]) == WINDOW
    assert len(ranked[f"e{WINDOW + 5:03}"]) == 2 * WINDOW
