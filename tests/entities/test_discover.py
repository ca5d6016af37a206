"""Names the registry does not know, found by rules on the prose, with later short forms
folded into the full name."""

from __future__ import annotations


def test_person_after_a_role_word_and_surname_later(tag):
    tagging = tag(
        "New minister visits the front",
        "Defence Minister Jan Kowalczyk visited troops near the border on Monday.",
        "Kowalczyk said the brigade would receive new equipment. Kowalczyk added more.",
    )
    assert tagging.entities["people"] == ("Jan Kowalczyk",)
    # The surname mentions fold into the name, so no "Kowalczyk" tag or candidate.
    assert "Kowalczyk" not in tagging.tags + tagging.candidates


def test_person_before_said_and_in_apposition(tag):
    tagging = tag(
        "Orders grow",
        "Orders are up sharply, Elena Marquez said on Tuesday.",
        "Tomas Lindqvist, the company's chief executive, said output would double.",
    )
    assert set(tagging.entities["people"]) == {"Elena Marquez", "Tomas Lindqvist"}


def test_role_words(tag):
    tagging = tag(
        "Visit",
        "General Ahmed Farouk inspected the base.",
        "The delegation was led by chief executive Sofia Brandt.",
        "The head of the agency, Pieter Jansen, declined to comment.",
    )
    assert set(tagging.entities["people"]) == {"Ahmed Farouk", "Sofia Brandt", "Pieter Jansen"}


def test_organisation_by_its_form_and_acronym_later(tag):
    tagging = tag(
        "Contract",
        "The Directorate of Land Armaments (DLA) signed the contract with "
        "Volta Shipbuilding and Nordhavn Dynamics.",
        "The DLA said deliveries start in 2027.",
    )
    organisations = set(tagging.entities["organisations"])
    assert {"Directorate of Land Armaments", "Volta Shipbuilding", "Nordhavn Dynamics"} <= organisations
    assert "DLA" not in tagging.tags


def test_presidency_and_ministry_of(tag):
    tagging = tag(
        "Deal",
        "The Ministry of Defence Production approved it, and the Presidency of Strategic Planning agreed.",
    )
    assert {"Ministry of Defence Production", "Presidency of Strategic Planning"} <= set(
        tagging.entities["organisations"]
    )


def test_country_adjective_before_a_ministry(tag):
    tagging = tag("Deal", "The Ruritanian Ministry of Defence signed the deal.")
    assert "Ruritanian Ministry of Defence" in tagging.entities["organisations"] or (
        "Ministry of Defence" in tagging.entities["organisations"]
    )


def test_weapon_designation_beside_a_system_word(tag):
    tagging = tag(
        "Unveiled",
        "The army showed its new Kestrel-7 loitering munition and the ZX-90 howitzer.",
        "Five Type 31 frigates and the Vanguard-9 missile were also on display.",
    )
    weapons = set(tagging.entities["weapon_systems"])
    assert {"Kestrel-7", "ZX-90", "Vanguard-9"} <= weapons
    assert "Type 31" in weapons  # known to the registry


def test_designations_that_are_not_weapons(tag):
    tagging = tag(
        "Budget",
        "The Block 70 fighters cost more. COVID-19 systems slowed output.",
        "The G7 leaders met. Page 12 tanks were described in the report.",
    )
    assert tagging.entities["weapon_systems"] == ()


def test_found_names_can_be_blocked_or_renamed_by_the_site(tag, site_registry):
    text = ("Defence Minister Jan Kowalczyk visited Nordhavn Dynamics.",)
    registry = site_registry("block: [Nordhavn Dynamics]\nrename:\n  Jan Kowalczyk: Jan K.\n")
    tagging = tag("Visit", *text, using=registry)
    assert "Nordhavn Dynamics" not in tagging.tags
    assert "Jan K." in tagging.entities["people"]
    assert "Jan Kowalczyk" not in tagging.tags


def test_title_capitals_alone_find_nothing(tag):
    tagging = tag("Green Shadow Falls As Blue Line Holds", "Nothing else happened.")
    assert tagging.entities["people"] == () and tagging.entities["organisations"] == ()


def test_organisation_after_a_word_for_a_firm(tag):
    tagging = tag(
        "Investment",
        "The fund backs carmaker Jaguar Land Rover and private equity firm Leopard "
        "Capital, and drone maker Nordwind Robotics on Monday announced a deal.",
    )
    organisations = set(tagging.entities["organisations"])
    assert {"Jaguar Land Rover", "Leopard Capital", "Nordwind Robotics"} <= organisations
    assert tagging.entities["weapon_systems"] == ()


def test_organisation_by_institutional_suffix(tag):
    tagging = tag(
        "Storm", "The Florida National Guard deployed, and the National Hurricane Center issued a warning."
    )
    assert {"Florida National Guard", "National Hurricane Center"} <= set(tagging.entities["organisations"])


def test_state_bodies_the_registry_lacks(tag):
    tagging = tag(
        "Deal",
        "The Mongolian defence ministry signed it. Ghana's air force and the "
        "Kenyan Army took part. French Armed Forces Minister Sébastien Lecornu spoke.",
    )
    organisations = set(tagging.entities["organisations"])
    assert {"Mongolian Ministry of Defence", "Ghanaian Air Force", "Kenyan Army"} <= organisations
    assert not any(name.startswith("French") for name in organisations)  # a title, not a body
    assert {"Mongolia", "Ghana", "Kenya", "France"} <= set(tagging.entities["countries"])


def test_ranks_of_one_or_more_words_are_not_part_of_the_name(tag):
    tagging = tag(
        "Patrol",
        "Navy spokesman Commodore Ade Okafor said the ship was freed. Brigadier Sam Hollis, "
        "the chief of staff, agreed, and Air Vice-Marshal Jo Tremain said so too.",
    )
    people = set(tagging.entities["people"])
    assert {"Ade Okafor", "Sam Hollis", "Jo Tremain"} <= people
    assert not any(name.split()[0] in ("Commodore", "Brigadier", "Vice-Marshal") for name in people)
