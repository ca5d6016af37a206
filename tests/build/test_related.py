"""Related briefings (issue 9): ranked by shared entities weighted by type and by closeness in
time, each shown with the entities it shares, ties broken stably."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reading import build, links, page, text
from sites import DESK_ENTRIES, RELATED_TO_TARGET, TARGET

from briefing.config import Config
from briefing.model import Entry
from briefing.parallel import InProcessExecutor
from briefing.related import WINDOW, related_slugs
from briefing.site import index_site


def related_of(public: Path, slug: str) -> list[tuple[str, list[str]]]:
    """(slug, shared entities) of the related briefings an entry page lists, in order."""
    here = f"briefings/{slug}/"
    doc = page(public, here)
    found = []
    for item in doc.xpath("//section[contains(@class, 'related')]//li"):
        ((_title, url),) = links(item, here, "./a")
        reason = re.search(r"shares (.+)$", text(item))
        assert reason, f"no reason given: {text(item)}"
        found.append((url.removeprefix("briefings/").rstrip("/"), reason.group(1).split(", ")))
    return found


def tags_of(public: Path, slug: str) -> set[str]:
    doc = page(public, f"briefings/{slug}/")
    footer = doc.xpath("//footer[contains(@class, 'entry-footer')]")[0]
    return {text(a) for a in footer.xpath(".//a[contains(@class, 'tag')]")}


def test_related_briefings_are_ranked_with_their_reasons(related_site):
    assert related_of(related_site / "public", TARGET) == RELATED_TO_TARGET


def test_a_shared_weapon_system_or_person_outranks_a_shared_country(related_site):
    order = [slug for slug, _shared in related_of(related_site / "public", TARGET)]
    # All three are two days from the target and share one entity each.
    assert order.index("weapon-share") < order.index("person-share") < order.index("country-share")


def test_closer_in_time_ranks_higher_for_the_same_shared_entity(related_site):
    order = [slug for slug, _shared in related_of(related_site / "public", TARGET)]
    assert order.index("weapon-share") < order.index("near-weapon") < order.index("far-weapon")


def test_ties_are_broken_by_slug_not_by_file_name(related_site):
    # tie-a is z.md and tie-b is a.md: same shares, same distance.
    order = [slug for slug, _shared in related_of(related_site / "public", TARGET)]
    assert order[:2] == ["tie-a", "tie-b"]


def test_an_entry_sharing_nothing_has_no_related_section(related_site):
    doc = page(related_site / "public", "briefings/loner/")
    assert not doc.xpath("//section[contains(@class, 'related')]")
    assert "Related briefings" not in text(doc)


def test_the_order_does_not_depend_on_file_names_or_build_history(related_site, tmp_path):
    """Same entries under other file names, built from scratch: the same lists, in the same order."""
    copy = tmp_path / "renamed"
    shutil.copytree(related_site, copy, ignore=shutil.ignore_patterns("public", ".briefing-cache"))
    for number, path in enumerate(sorted((copy / "content").glob("*.md"), reverse=True)):
        path.rename(path.with_name(f"{number:02d}-{path.name}"))
    build(copy)
    slugs = [p.name for p in (related_site / "public" / "briefings").iterdir()]
    assert slugs
    for slug in slugs:
        assert related_of(copy / "public", slug) == related_of(related_site / "public", slug), slug


def test_related_count_limits_the_list_to_the_best(related_site, tmp_path):
    copy = tmp_path / "three"
    shutil.copytree(related_site, copy, ignore=shutil.ignore_patterns("public", ".briefing-cache"))
    config = copy / "briefing.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("related_count = 10", "related_count = 3"),
        encoding="utf-8",
    )
    build(copy)
    assert related_of(copy / "public", TARGET) == RELATED_TO_TARGET[:3]


def test_every_reason_is_exactly_what_the_two_briefings_share_strongest_first(desk):
    weight_order = {"weapon_systems": 0, "people": 1, "organisations": 2}
    group_of = {
        name: group
        for _slug, _date, groups in DESK_ENTRIES
        for group, names in groups.items()
        for name in names
    }
    seen = 0
    for slug, _date, _groups in DESK_ENTRIES:
        mine = tags_of(desk, slug)
        for other, shared in related_of(desk, slug):
            assert other != slug
            assert set(shared) == mine & tags_of(desk, other), (slug, other)
            ranks = [weight_order.get(group_of[name], 3) for name in shared]
            assert ranks == sorted(ranks), (slug, other, shared)
            seen += 1
    assert seen > 20


# -- the ranking itself, in process, on entries made in memory -----------------------

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
