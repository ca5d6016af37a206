"""The shipped registry's data: sizes, no alias claimed by two entities, sound kinds."""

from __future__ import annotations

from collections import defaultdict

from briefing.entities import ENTITY_GROUPS
from briefing.entities.normalise import variants
from briefing.entities.shipped import shipped


def test_every_group_is_broad(registry):
    counts = defaultdict(int)
    for entity in registry:
        counts[entity.type] += 1
    assert set(counts) == set(ENTITY_GROUPS)
    assert counts["countries"] >= 190
    assert counts["people"] >= 200
    assert counts["organisations"] >= 200
    assert counts["weapon_systems"] >= 400
    assert 10 <= counts["topics"] <= 40


def test_no_strong_alias_belongs_to_two_entities():
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in shipped().entities:
        weak = set(entity.weak)
        plural = entity.type == "weapon_systems"
        for alias in (entity.name, *entity.aliases):
            if alias not in weak:
                for form in variants(alias, plural):
                    owners[form].add(entity.name)
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_every_implied_kind_is_used_and_every_weapon_has_a_kind(registry):
    kinds = {entity.kind for entity in registry if entity.kind}
    for topic in registry.topics:
        for kind in topic.implied_by:
            assert kind in kinds, (topic.name, kind)
    assert [e.name for e in registry if e.type == "weapon_systems" and not e.kind] == []


def test_reporting_names_and_designations_are_aliases(registry):
    s400 = registry.get("S-400")
    assert {"SA-21 Growler", "S-400 Triumf"} <= set(s400.aliases)
    assert {"Triumph", "Growler"} <= set(s400.weak)
    assert "MIM-104" in registry.get("Patriot").aliases
    assert {"F-35A", "Lightning II", "JSF"} <= set(registry.get("F-35").aliases)


def test_demonyms_belong_to_the_country_a_reader_means(registry):
    owner = {
        alias: entity.name for entity in registry if entity.type == "countries" for alias in entity.aliases
    }
    assert owner["American"] == "United States"
    assert owner["French"] == "France"
    assert owner["Chinese"] == "China"
    assert owner["British"] == "United Kingdom"
    assert owner["South Korean"] == "South Korea"
    assert owner["Türkiye"] == "Turkey"


def test_capitals_are_places_not_countries(registry):
    assert {"Ankara", "Moscow", "Kyiv", "Beijing"} <= set(registry.phrases)
    assert all(registry.get(city) is None for city in ("Ankara", "Moscow"))


def test_every_record_has_only_known_fields():
    """A comma inside an unquoted flow-style name ("{name: Acquisition, Technology & ...}")
    splits it into a short name and a stray key: the tagger then tags "Acquisition"."""
    from briefing.entities.shipped import _records

    known = {"name", "aliases", "weak", "kind", "surnames", "implied_by"}
    for group in ENTITY_GROUPS:
        for record in _records(group):
            assert set(record) <= known, (group, record)
