"""Rules that hold on copy nobody tuned them on: invented names in the shapes news uses."""

from __future__ import annotations


def test_role_apposition_after_a_possessive(tag):
    tagging = tag(
        "Talks stall",
        "Zorvania's foreign minister, Talen Morvik, said the talks had stalled.",
        "Kestria's premier, Ana-Lise Dorvan, welcomed the delay.",
    )
    assert {"Talen Morvik", "Ana-Lise Dorvan"} <= set(tagging.entities["people"])


def test_name_first_apposition_with_leader(tag):
    tagging = tag("Rebels regroup", "Orun Tebasse, a former leader of the northern front, warned of war.")
    assert "Orun Tebasse" in tagging.entities["people"]


def test_plural_demonym_names_the_country(tag):
    assert "Colombia" in tag("Boat seized", "Two Colombians were detained on the boat.").entities["countries"]


def test_state_body_keeps_the_articles_spelling(tag):
    tagging = tag("Navy seizes boat", "The Ecuadorian Navy stopped the boat on Monday.")
    assert "Ecuadorian Navy" in tagging.entities["organisations"]


def test_acronym_of_a_radar_is_a_weapon_system(tag):
    tagging = tag(
        "Radar deal", "The Coastal Long-Range Surveillance Radar (CLRSR) will enter service in 2027."
    )
    assert "CLRSR" in tagging.entities["weapon_systems"]
    assert not tagging.entities["organisations"]


def test_vendor_named_hacking_group_and_its_second_name_are_one_tag(tag):
    tagging = tag(
        "Hackers hit ministries",
        "A hacking group that researchers named Quartz Panda breached three ministries.",
        "Microsoft, which tracks the same group as Gravel Typhoon, said the hackers stole email.",
    )
    assert "Quartz Panda" in tagging.entities["organisations"]
    assert "Gravel Typhoon" not in tagging.tags


def test_vendor_words_outside_cyber_copy_are_not_groups(tag):
    tagging = tag("Fighters land", "Four Eurofighter Typhoon jets and a Polar Bear team landed.")
    assert "Polar Bear" not in tagging.tags


def test_unit_named_by_acronym_in_apposition(tag):
    tagging = tag("Unit backs protests", "His elite army unit, KORVAT, sided with the protesters on Friday.")
    assert "KORVAT" in tagging.entities["organisations"]


def test_country_less_ministry_is_the_articles_country(tag):
    tagging = tag(
        "South Korea launches satellite",
        "South Korea launched a satellite on Tuesday, the Ministry of National Defense said.",
    )
    assert "South Korean Ministry of National Defense" in tagging.entities["organisations"]
    assert "Ministry of National Defense" not in tagging.tags


def test_satellite_imagery_is_not_space_news(tag):
    tagging = tag("Troops mass", "Troops massed near the border, satellite imagery analysts said on Monday.")
    assert "Space" not in tagging.tags


def test_variant_with_its_own_designation_is_its_own_entity(tag):
    tagging = tag("Drones bought", "The air force bought Wing Loong II drones and MQ-9B SeaGuardian drones.")
    assert {"Wing Loong II", "MQ-9B"} <= set(tagging.entities["weapon_systems"])
    assert not {"Wing Loong", "MQ-9 Reaper"} & set(tagging.tags)


def test_a_surname_after_another_given_name_is_someone_else(tag):
    tagging = tag(
        "Drills",
        "Vice Admiral Tarun Veer Singh, the head of the fleet, said the drills went well.",
        "Defence Minister Rajnath Singh watched from the carrier.",
    )
    people = set(tagging.entities["people"])
    assert {"Tarun Veer Singh", "Rajnath Singh"} <= people


def test_a_name_led_by_a_demonym_is_no_person(tag):
    tagging = tag("Cargo held", "Kestrian officials said Finnish Customs said it had impounded the cargo.")
    assert "Finnish Customs" not in tagging.entities["people"]


def test_a_research_bodys_for_phrase_is_part_of_its_name(tag):
    tagging = tag("Analysis", "A fellow at the Morvane Institute for Maritime Studies said so.")
    assert "Morvane Institute for Maritime Studies" in tagging.entities["organisations"]


def test_a_chinese_style_firm_name_with_and(tag):
    tagging = tag(
        "Charges",
        "Prosecutors named Qintai Lumo Science and Technology Company and Sichuan Bairun Network"
        " Technology as fronts.",
    )
    assert {"Qintai Lumo Science and Technology Company", "Sichuan Bairun Network Technology"} <= set(
        tagging.entities["organisations"]
    )


def test_role_apposition_with_an_accented_capital(tag):
    tagging = tag("Board", "The firm belongs to the family of its chairman, Ángel Morvedo. It said so.")
    assert "Ángel Morvedo" in tagging.entities["people"]


def test_a_short_name_means_the_body_named_in_full_before(tag):
    tagging = tag(
        "Launch",
        "South Korea's Joint Chiefs of Staff said the missile flew 1,000 km.",
        "The Joint Chiefs said it fell into the sea.",
    )
    organisations = set(tagging.entities["organisations"])
    assert "South Korean Joint Chiefs of Staff" in organisations
    assert "US Joint Chiefs of Staff" not in organisations
