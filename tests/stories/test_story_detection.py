"""Story detection on hand-written cases: which reports are one event, and which are not."""

from __future__ import annotations

import random
from datetime import date

import pytest
from story_texts import (
    FATTAH,
    K2,
    LEOPARD_DE,
    LEOPARD_NL,
    LEOPARD_NL_REWORDED,
    PATRIOT,
    PATRIOT_REWORDED,
    PATRIOT_STRUCK,
    S400_FIRST,
    S400_SECOND,
    SLING_DEAL,
    SLING_TEST,
)

from briefing.entities import tag_article
from briefing.stories import StoryDoc, StorySettings, detect_stories, story_features


@pytest.fixture
def doc(registry):
    def make(slug: str, report: tuple[str, list[str]], day: str) -> StoryDoc:
        title, paragraphs = report
        tagging = tag_article(registry, title=title, paragraphs=paragraphs, with_candidates=False)
        features = story_features(title, "\n\n".join(paragraphs), tagging.entities)
        return StoryDoc(slug, float(date.fromisoformat(day).toordinal()), features)

    return make


def together(docs: list[StoryDoc], settings: StorySettings | None = None) -> bool:
    stories = detect_stories(docs, settings or StorySettings())
    return len(set(stories.values())) == 1


def test_a_verbatim_copy_under_another_headline_is_one_story(doc):
    title, paragraphs = PATRIOT
    copy = (f"{title} | Defence Wire", [*paragraphs, "This report first appeared on our partner's site."])
    assert together([doc("a", PATRIOT, "2026-03-01"), doc("b", copy, "2026-03-01")])


def test_reordered_paragraphs_are_one_story(doc):
    title, paragraphs = K2
    assert together([doc("a", K2, "2026-03-01"), doc("b", (title, paragraphs[::-1]), "2026-03-02")])


def test_a_different_headline_over_the_same_report_is_one_story(doc):
    _title, paragraphs = K2
    other = ("Warsaw doubles down on Korean armour", paragraphs[:-1])
    assert together([doc("a", K2, "2026-03-01"), doc("b", other, "2026-03-01")])


def test_reordered_under_a_headline_naming_another_actor_of_it_is_one_story(doc):
    # "Iran unveils Fattah-2" and "IRGC shows off ...": a system and an organisation, both in each report.
    _title, paragraphs = FATTAH
    other = (
        "IRGC shows off new glide vehicle as tensions rise",
        [*paragraphs[2:3], *paragraphs[:2], *paragraphs[3:]],
    )
    assert together([doc("a", FATTAH, "2026-05-10"), doc("b", other, "2026-05-11")])


def test_a_rewording_in_few_shared_words_but_every_actor_is_one_story(doc):
    assert together([doc("a", LEOPARD_NL, "2026-05-04"), doc("b", LEOPARD_NL_REWORDED, "2026-05-05")])


def test_another_order_of_the_same_tank_from_the_same_maker_stays_apart(doc):
    # Same system, maker and countries, two days apart: another buyer, another event.
    for report in (LEOPARD_NL, LEOPARD_NL_REWORDED):
        assert not together([doc("a", report, "2026-05-04"), doc("b", LEOPARD_DE, "2026-05-06")])


def test_an_updated_version_a_day_later_is_one_story(doc):
    title, paragraphs = S400_FIRST
    update = (
        f"UPDATE: {title}",
        [*paragraphs, "A second Il-76 landed on Wednesday, the ministry said, with more radar parts."],
    )
    assert together([doc("a", S400_FIRST, "2026-03-10"), doc("b", update, "2026-03-11")])


def test_another_outlets_rewording_is_one_story(doc):
    assert together([doc("a", PATRIOT, "2026-03-01"), doc("b", PATRIOT_REWORDED, "2026-03-01")])


def test_same_entities_another_event_two_days_later_stays_apart(doc):
    assert not together([doc("a", PATRIOT, "2026-03-01"), doc("b", PATRIOT_STRUCK, "2026-03-03")])
    assert not together([doc("a", PATRIOT_REWORDED, "2026-03-01"), doc("b", PATRIOT_STRUCK, "2026-03-03")])


def test_two_deliveries_weeks_apart_stay_apart(doc):
    assert not together([doc("a", S400_FIRST, "2026-03-10"), doc("b", S400_SECOND, "2026-04-16")])


def test_a_contract_and_the_test_firing_a_month_later_stay_apart(doc):
    assert not together([doc("a", SLING_DEAL, "2026-04-05"), doc("b", SLING_TEST, "2026-05-06")])


def test_a_copy_a_month_later_is_not_the_same_story(doc):
    assert not together([doc("a", PATRIOT, "2026-03-01"), doc("b", PATRIOT, "2026-04-01")])


def test_unrelated_reports_on_one_day_stay_apart(doc):
    docs = [doc("a", PATRIOT, "2026-03-01"), doc("b", K2, "2026-03-01"), doc("c", S400_FIRST, "2026-03-01")]
    assert len(set(detect_stories(docs, StorySettings()).values())) == 3


def test_the_story_id_is_the_earliest_reports_slug_whatever_the_order(doc):
    docs = [
        doc("zz-rewording", PATRIOT_REWORDED, "2026-03-02"),
        doc("mm-first", PATRIOT, "2026-03-01"),
        doc("aa-other", K2, "2026-03-01"),
        doc("bb-struck", PATRIOT_STRUCK, "2026-03-03"),
    ]
    expected = {
        "zz-rewording": "mm-first",
        "mm-first": "mm-first",
        "aa-other": "aa-other",
        "bb-struck": "bb-struck",
    }
    for seed in range(5):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert detect_stories(shuffled, StorySettings()) == expected


def test_a_higher_threshold_keeps_rewordings_apart_but_not_copies(doc):
    strict = StorySettings(threshold=0.9)
    assert not together([doc("a", PATRIOT, "2026-03-01"), doc("b", PATRIOT_REWORDED, "2026-03-01")], strict)
    assert together([doc("a", PATRIOT, "2026-03-01"), doc("b", PATRIOT, "2026-03-01")], strict)


STOCK = [
    "Officials said the talks covered financing, industrial offsets and the timetable.",
    "Deliveries are due to begin within eighteen months, according to the statement.",
    "Critics warned that the cost could rise once support contracts are added.",
    "Industry sources said local assembly would create several hundred jobs.",
]


@pytest.mark.parametrize(
    "first, second",
    [
        (
            ("Gabon signed R-77 delivery schedule", "Gabon"),
            ("Botswana discussed R-77 export licence", "Botswana"),
        ),
        (
            ("Namibia delayed T-90 maintenance agreement", "T-90"),
            ("Namibia signed Poseidon torpedo contract", "Poseidon"),
        ),
    ],
)
def test_templated_copy_about_other_actors_stays_apart(doc, first, second):
    # Stock sentences make the texts near copies; the headlines name different countries or systems.
    a = doc("a", (first[0], [f"{first[0]}, officials said.", *STOCK]), "2024-02-14")
    b = doc("b", (second[0], [f"{second[0]}, officials said.", *STOCK]), "2024-02-15")
    assert not together([a, b])
