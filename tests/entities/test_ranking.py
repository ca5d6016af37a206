"""Tags are ranked by relevance: weighted mentions, title and lede heavier, ties by name."""

from __future__ import annotations


def test_title_and_lede_weigh_more_than_the_body(tag):
    tagging = tag(
        "Japan tests a missile",
        "Japan's navy fired the missile on Monday.",
        "Officials in France and Germany watched.",
        "France and Germany welcomed the test.",
    )
    # Japan: title 3 + lede 2 = 5; France and Germany: 1 + 1 = 2 each.
    assert tagging.entities["countries"] == ("Japan", "France", "Germany")


def test_ties_are_broken_by_name_and_stable(tag):
    first = tag("Report", "Spain, Italy and Greece signed the letter.")
    second = tag("Report", "Greece, Italy and Spain signed the letter.")
    assert first.tags == second.tags
    assert first.entities["countries"] == ("Greece", "Italy", "Spain")


def test_caption_counts(tag):
    tagging = tag(
        "Report", "Poland and Norway train together.", caption="Norwegian soldiers during the exercise"
    )
    assert tagging.entities["countries"] == ("Norway", "Poland")


def test_every_entity_is_kept(tag):
    paragraph = (
        "Leaders of France, Germany, Italy, Spain, Poland, Sweden, Finland, Norway, "
        "Denmark, Estonia, Latvia, Lithuania, Greece and Portugal met."
    )
    tagging = tag("Summit", "Summit opens.", paragraph)
    assert len(tagging.entities["countries"]) == 14


def test_tags_are_the_groups_merged_by_relevance(tag):
    tagging = tag("S-400 for Turkey", "Russia delivered the S-400 to Turkey, Vladimir Putin said.")
    for group, members in tagging.entities.items():
        assert [name for name in tagging.tags if name in members] == list(members), group
    assert sorted(tagging.tags) == sorted(name for members in tagging.entities.values() for name in members)


def test_same_input_same_output(tag):
    args = ("RUSSIA'S S-400 IN TURKEY", "Turkey's S-400 batteries are active, Erdogan said.")
    assert tag(*args) == tag(*args)
